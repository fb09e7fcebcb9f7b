package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * One payment as the ledger's Payments tab lists it: with its receipt number (what the payer quotes), what
 * was refunded of it, and what can still be refunded from the ledger (card payments taken through a link).
 */
public record PaymentRow(long id, Instant receivedAt, long invoiceId, String invoiceNumber, Money amount,
                         PaymentMethod method, String reference, String receiptNumber, Money refunded,
                         Money leftToRefund) implements Serializable {

    /** Whether Select an Action offers Refund payment. */
    public boolean isRefundable() {
        return leftToRefund.isPositive();
    }
}
