package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;

/** Everything about one invoice, for the staff invoice page. */
public record InvoiceDetails(InvoiceRow invoice, long clientId, String clientName, List<Line> lines,
                             List<PaymentRow> payments, List<AdjustmentRow> adjustments, Instant voidedAt,
                             String voidReason) {

    public record Line(String description, int quantity, Money unitPrice, Money total) {
    }
}
