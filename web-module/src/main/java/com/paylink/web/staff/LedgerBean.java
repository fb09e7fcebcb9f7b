package com.paylink.web.staff;

import com.paylink.ledger.boundary.Ledger;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.paymentlink.boundary.LinkState;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.shared.NotFoundException;
import com.paylink.web.Pages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The client's Ledger with its tabs: all invoices, unpaid invoices, payments, adjustments. */
@Named
@ViewScoped
public class LedgerBean implements Serializable {

    /** Tab names as they appear in the URL ({@code ?tab=unpaid}), in display order. */
    public static final List<String> TABS = List.of("all", "unpaid", "payments", "adjustments");

    @EJB
    transient LedgerService ledgerService;

    @EJB
    transient PaymentLinkService paymentLinks;

    private String client;
    private String tab;
    private Ledger ledger;
    private Map<Long, LinkState> links = Map.of();

    public void load() {
        Long key = Pages.id(client);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            ledger = ledgerService.ledger(key);
            links = paymentLinks.linkStates(key);
        } catch (NotFoundException e) {
            Pages.notFound();
        }
    }

    public int getActiveIndex() {
        return tab == null ? 0 : Math.max(TABS.indexOf(tab), 0);
    }

    public void setActiveIndex(int index) {
        tab = TABS.get(Math.max(0, Math.min(index, TABS.size() - 1)));
    }

    /** The invoice's newest payment link, or null. */
    public LinkState linkOf(Long invoiceId) {
        return links.get(invoiceId);
    }

    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    public String getTab() {
        return tab;
    }

    public void setTab(String tab) {
        this.tab = tab;
    }

    public Ledger getLedger() {
        return ledger;
    }
}
