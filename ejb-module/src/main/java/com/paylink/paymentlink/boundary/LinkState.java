package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.paymentlink.entity.RecipientSource;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A link as staff see it from one of its invoices ({@code invoiceId}): never the token, the address only
 * masked. {@code status} is as of now; {@code emailPending}: the link is active but its email has not gone out
 * yet (queued, or the mail server is down and Paylink keeps retrying); {@code invoiceNumbers}: every invoice the
 * link covers, oldest first (PL12); {@code bankDebit}, {@code bankDebitSince}, {@code bankReturnCode}: the bank
 * debit made through it (PAY18), on its way (status PROCESSING) or returned (RETURNED), else null.
 */
public record LinkState(long linkId, long invoiceId, PaymentLinkStatus status, Instant sentAt, Instant expiresAt,
                        Instant firstViewedAt, Instant lastViewedAt, Instant closedAt,
                        RecipientSource recipientSource, String maskedRecipient, String sentBy, boolean emailPending,
                        List<String> invoiceNumbers, com.paylink.shared.Money bankDebit, Instant bankDebitSince,
                        String bankReturnCode, String textTo, String textStatus, Integer textError, Instant textGoesAt)
        implements Serializable {

    /** Without a text (issue 23): a link sent by email only. */
    public LinkState(long linkId, long invoiceId, PaymentLinkStatus status, Instant sentAt, Instant expiresAt,
                     Instant firstViewedAt, Instant lastViewedAt, Instant closedAt,
                     RecipientSource recipientSource, String maskedRecipient, String sentBy, boolean emailPending,
                     List<String> invoiceNumbers, com.paylink.shared.Money bankDebit, Instant bankDebitSince,
                     String bankReturnCode) {
        this(linkId, invoiceId, status, sentAt, expiresAt, firstViewedAt, lastViewedAt, closedAt, recipientSource,
                maskedRecipient, sentBy, emailPending, invoiceNumbers, bankDebit, bankDebitSince, bankReturnCode,
                null, null, null, null);
    }

    /** Issue 23: the link's text was asked for ({@code textTo} masked; its status as Twilio last reported it). */
    public boolean isTexted() {
        return textTo != null;
    }

    /** The text was refused, failed or was not delivered. */
    public boolean isTextFailed() {
        return "FAILED".equals(textStatus) || "UNDELIVERED".equals(textStatus) || "REFUSED".equals(textStatus);
    }

    public LinkState(long linkId, long invoiceId, PaymentLinkStatus status, Instant sentAt, Instant expiresAt,
                     Instant firstViewedAt, Instant lastViewedAt, Instant closedAt,
                     RecipientSource recipientSource, String maskedRecipient, String sentBy, boolean emailPending,
                     List<String> invoiceNumbers) {
        this(linkId, invoiceId, status, sentAt, expiresAt, firstViewedAt, lastViewedAt, closedAt, recipientSource,
                maskedRecipient, sentBy, emailPending, invoiceNumbers, null, null, null);
    }

    /** PAY18: a bank debit through the link is on its way. */
    public boolean isBankProcessing() {
        return status == PaymentLinkStatus.PROCESSING;
    }

    /** Whether the link covers several invoices (PL12). */
    public boolean isSeveral() {
        return invoiceNumbers != null && invoiceNumbers.size() > 1;
    }

    public boolean isActive() {
        return status == PaymentLinkStatus.ACTIVE;
    }

    public boolean isViewed() {
        return firstViewedAt != null;
    }

    /** When the current status began: sent (or last viewed) while active, else when it closed. */
    public Instant statusSince() {
        if (status == PaymentLinkStatus.ACTIVE) {
            return lastViewedAt != null ? lastViewedAt : sentAt;
        }
        if (status == PaymentLinkStatus.EXPIRED && closedAt == null) {
            return expiresAt;
        }
        if (status == PaymentLinkStatus.PROCESSING) {
            return bankDebitSince;
        }
        return closedAt;
    }
}
