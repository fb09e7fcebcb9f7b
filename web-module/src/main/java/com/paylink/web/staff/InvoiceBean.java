package com.paylink.web.staff;

import com.paylink.ledger.boundary.InvoiceDetails;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.shared.NotFoundException;
import com.paylink.web.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The invoice details page ("View Details" in the ledger's Select an Action menu). */
@Named
@RequestScoped
public class InvoiceBean {

    @EJB
    LedgerService ledger;

    private String id;
    private InvoiceDetails details;

    public void load() {
        Long key = Pages.id(id);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            details = ledger.invoice(key);
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

    public InvoiceDetails getDetails() {
        return details;
    }
}
