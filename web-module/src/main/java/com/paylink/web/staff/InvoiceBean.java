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

    private Long id;
    private InvoiceDetails details;

    public void load() {
        if (id == null) {
            Pages.notFound();
            return;
        }
        try {
            details = ledger.invoice(id);
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

    public InvoiceDetails getDetails() {
        return details;
    }
}
