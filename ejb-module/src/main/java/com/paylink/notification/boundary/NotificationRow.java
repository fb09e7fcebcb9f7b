package com.paylink.notification.boundary;

import com.paylink.notification.entity.NotificationKind;
import com.paylink.shared.Money;

import java.time.Instant;

/**
 * One line of a staff member's inbox. {@code remaining}: for a payment, what the invoice still owed right
 * after it (zero: paid in full; null: another kind, or unknown).
 */
public record NotificationRow(long id, NotificationKind kind, long invoiceId, long clientId, String clientName, String invoiceNumber,
                              Money amount, Money remaining, Instant occurredAt, boolean read) {

    /** A payment that left something to pay (PAY16). */
    public boolean isBalanceRemaining() {
        return remaining != null && remaining.isPositive();
    }

    /** A payment that paid the invoice in full. */
    public boolean isPaidInFull() {
        return remaining != null && remaining.isZero();
    }
}
