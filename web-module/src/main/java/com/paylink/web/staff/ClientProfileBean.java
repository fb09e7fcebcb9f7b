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

    private Long id;
    private ClientProfile profile;

    public void load() {
        if (id == null) {
            Pages.notFound();
            return;
        }
        try {
            profile = ledger.clientProfile(id);
        } catch (NotFoundException e) {
            Pages.notFound();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ClientProfile getProfile() {
        return profile;
    }
}
