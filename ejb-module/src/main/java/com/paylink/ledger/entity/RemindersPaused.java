package com.paylink.ledger.entity;

import java.time.Instant;

/** C3 (issue 24): staff paused balance reminders for a client or an invoice: when, who (a staff id) and why. */
public record RemindersPaused(Instant at, Long staffId, String reason) implements java.io.Serializable {
}
