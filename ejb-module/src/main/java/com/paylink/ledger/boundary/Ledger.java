package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.util.List;

/** A client's ledger: every invoice, payment and adjustment, and the totals they add up to. */
public record Ledger(long clientId, String clientName, String currency, List<InvoiceRow> invoices,
                     List<PaymentRow> payments, List<RefundRow> refunds, List<AdjustmentRow> adjustments,
                     Money charges, Money paid, Money adjusted, Money balance) {

    public List<InvoiceRow> unpaidInvoices() {
        return invoices.stream().filter(i -> i.status().isUnpaid()).toList();
    }
}
