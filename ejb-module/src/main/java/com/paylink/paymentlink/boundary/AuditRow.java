package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.RecipientSource;

import java.time.Instant;

/**
 * One line of an invoice's payment-link history: what happened, when, by whom (null: the client or the system), and
 * for a balance reminder which one it was ({@code reminderNumber} of {@code reminderOf}; null otherwise).
 */
public record AuditRow(Instant at, PaymentLinkAction action, String staffName, RecipientSource recipientSource,
                       String maskedRecipient, Integer reminderNumber, Integer reminderOf) {
}
