package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/** One adjustment (write-off, discount) on an invoice. */
public record AdjustmentRow(long id, Instant createdAt, long invoiceId, String invoiceNumber, Money amount,
                            String reason) implements Serializable {
}
