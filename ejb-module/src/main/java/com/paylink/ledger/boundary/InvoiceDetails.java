package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;

/** Everything about one invoice, for the staff invoice page and the API; its refunds oldest first. */
public record InvoiceDetails(InvoiceRow invoice, long clientId, String clientName, List<Line> lines,
                             List<PaymentRow> payments, List<AdjustmentRow> adjustments, List<RefundRow> refunds,
                             Instant voidedAt, String voidReason) {

    public record Line(String description, int quantity, Money unitPrice, Money total) {
    }
}
