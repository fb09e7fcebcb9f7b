package com.paylink.notification.boundary;

import com.paylink.notification.entity.NotificationKind;
import com.paylink.shared.Money;

import java.time.Instant;

/** One line of a staff member's inbox. */
public record NotificationRow(long id, NotificationKind kind, long invoiceId, long clientId, String clientName, String invoiceNumber,
                              Money amount, Instant occurredAt, boolean read) {
}
