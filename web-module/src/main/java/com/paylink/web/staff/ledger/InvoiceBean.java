package com.paylink.web.staff.ledger;

import com.paylink.ledger.boundary.InvoiceDetails;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.paymentlink.boundary.AuditRow;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.shared.NotFoundException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The invoice details page ("View Details" in the ledger's Select an Action menu). */
@Named
@RequestScoped
public class InvoiceBean {

    @EJB
    LedgerService ledger;

    @EJB
    PaymentLinkService links;

    private String id;
    private InvoiceDetails details;
    private List<AuditRow> linkHistory = List.of();

    public void load() {
        Long key = Pages.id(id);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            details = ledger.invoice(key);
            linkHistory = links.auditTrail(key);
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

    public List<AuditRow> getLinkHistory() {
        return linkHistory;
    }

    public InvoiceDetails getDetails() {
        return details;
    }
}
