package com.paylink.report.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Instant;

/**
 * One link of the report: when and by whom it was sent, whose invoice, where it stands (R3) and when each step
 * happened (null when it did not), what was due when it was sent and what was paid through it, how it went, and for a
 * balance reminder which one it was ({@code reminderNumber} of {@code reminderOf}; null otherwise). No clinical detail.
 */
public record LinkActivityRow(long linkId, Instant sentAt, String sentBy, String clientName, String invoiceNumber,
                              LinkOutcome outcome, Instant firstViewedAt, Instant lastViewedAt, Instant paidAt,
                              Instant revokedAt, Instant lockedAt, Instant expiresAt, Money dueAtSend, Money paid,
                              LinkChannel channel, Integer reminderNumber, Integer reminderOf)
        implements Serializable {

    /** Issue 24: "2 of 4" for a balance reminder, empty otherwise (the CSV's reminder column). */
    public String reminder() {
        return reminderNumber == null ? "" : reminderNumber + " of " + reminderOf;
    }
}
