package com.paylink.web.staff.ledger;

import com.paylink.web.common.ServerPagedRows;
import com.paylink.ledger.boundary.AdjustmentRow;
import com.paylink.ledger.boundary.InvoiceRow;
import com.paylink.ledger.boundary.LedgerList;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.ledger.boundary.LedgerSummary;
import com.paylink.ledger.boundary.PaymentRow;
import com.paylink.ledger.boundary.RefundRow;
import com.paylink.paymentlink.boundary.LinkState;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.shared.NotFoundException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's Ledger with its tabs: all invoices, unpaid invoices, payments (and refunds), adjustments. The
 * totals come with the page; every list is a page at a time, paged and sorted by the server.
 */
@Named
@ViewScoped
public class LedgerBean implements Serializable {

    /** Tab names as they appear in the URL ({@code ?tab=unpaid}), in display order. */
    public static final List<String> TABS = List.of("all", "unpaid", "payments", "adjustments");

    @EJB
    LedgerService ledgerService;

    @EJB
    PaymentLinkService paymentLinks;

    private String client;
    private String tab;
    private LedgerSummary ledger;
    /** The payment links of the invoices on the pages shown, by invoice id. */
    private final Map<Long, LinkState> links = new HashMap<>();

    private final ServerPagedRows<InvoiceRow> invoices = new ServerPagedRows<>(
            () -> ledgerService.count(ledger.clientId(), LedgerList.INVOICES),
            request -> withLinks(ledgerService.invoices(ledger.clientId(), false, request)), InvoiceRow::id);
    private final ServerPagedRows<InvoiceRow> unpaidInvoices = new ServerPagedRows<>(
            () -> ledgerService.count(ledger.clientId(), LedgerList.UNPAID_INVOICES),
            request -> withLinks(ledgerService.invoices(ledger.clientId(), true, request)), InvoiceRow::id);
    private final ServerPagedRows<PaymentRow> payments = new ServerPagedRows<>(
            () -> ledgerService.count(ledger.clientId(), LedgerList.PAYMENTS),
            request -> ledgerService.payments(ledger.clientId(), request), PaymentRow::id);
    private final ServerPagedRows<RefundRow> refunds = new ServerPagedRows<>(
            () -> ledgerService.count(ledger.clientId(), LedgerList.REFUNDS),
            request -> ledgerService.refunds(ledger.clientId(), request), RefundRow::id);
    private final ServerPagedRows<AdjustmentRow> adjustments = new ServerPagedRows<>(
            () -> ledgerService.count(ledger.clientId(), LedgerList.ADJUSTMENTS),
            request -> ledgerService.adjustments(ledger.clientId(), request), AdjustmentRow::id);

    public void load() {
        Long key = Pages.id(client);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            ledger = ledgerService.ledgerSummary(key);
            links.clear();
        } catch (NotFoundException e) {
            Pages.notFound();
        }
    }

    private List<InvoiceRow> withLinks(List<InvoiceRow> page) {
        links.putAll(paymentLinks.linkStates(ledger.clientId(), page.stream().map(InvoiceRow::id).toList()));
        return page;
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

    public LedgerSummary getLedger() {
        return ledger;
    }

    public ServerPagedRows<InvoiceRow> getInvoices() {
        return invoices;
    }

    public ServerPagedRows<InvoiceRow> getUnpaidInvoices() {
        return unpaidInvoices;
    }

    public ServerPagedRows<PaymentRow> getPayments() {
        return payments;
    }

    public ServerPagedRows<RefundRow> getRefunds() {
        return refunds;
    }

    public ServerPagedRows<AdjustmentRow> getAdjustments() {
        return adjustments;
    }
}
