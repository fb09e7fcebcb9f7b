package com.paylink.web.staff;

import com.paylink.ledger.boundary.ClientProfile;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.shared.NotFoundException;
import com.paylink.web.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The Client Profile page (read-only for now). */
@Named
@RequestScoped
public class ClientProfileBean {

    @EJB
    LedgerService ledger;

    private String id;
    private ClientProfile profile;

    public void load() {
        Long key = Pages.id(id);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            profile = ledger.clientProfile(key);
        } catch (NotFoundException e) {
            Pages.notFound();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ClientProfile getProfile() {
        return profile;
    }
}
