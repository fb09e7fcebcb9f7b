package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.RefundStatus;
import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/** One refund as the ledger's Payments tab lists it: when, of which payment, how much, why, and its state. */
public record RefundRow(long id, Instant requestedAt, long invoiceId, String invoiceNumber, String receiptNumber,
                        Money amount, String reason, RefundStatus status) implements Serializable {
}
