package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.shared.Money;

import java.time.Instant;

/** One payment as the ledger's Payments tab lists it. */
public record PaymentRow(long id, Instant receivedAt, long invoiceId, String invoiceNumber, Money amount,
                         PaymentMethod method, String reference) {
}
