package com.paylink.shared;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/**
 * What the payment side tells the notification side, as a message of the PaymentCompleted queue: the one type both
 * sides use (so the inbox depends on the event, never on the payment capability's entities or control). Ids and the
 * few facts the inbox shows (the invoice, the amount, who paid), as message properties; the body is the subject's id,
 * and a payment-completed event carries no kind (the first kind, kept as it was).
 */
public record PaymentEventMessage(Kind kind, long subjectId, Long invoiceId, Long linkId, Long amountMinor,
                                  String currency, String payerName, String reference) {

    public static final String EVENT = "paylinkEvent";
    public static final String PAYMENT_ID = "paymentId";
    public static final String INVOICE_ID = "invoiceId";
    public static final String LINK_ID = "linkId";
    private static final String AMOUNT_MINOR = "amountMinor";
    private static final String CURRENCY = "currency";
    private static final String PAYER = "payerName";
    private static final String REFERENCE = "reference";

    /** What happened; {@code subjectId} is the payment, link, attempt, dispute or payment it is about. */
    public enum Kind {
        /** N1: a payment was posted (subject: the payment). */
        PAYMENT_COMPLETED(null),
        /** N5: a link locked after declined cards (subject: the link). */
        LINK_LOCKED("link-locked"),
        /** N6: a charge no invoice could take was refunded (subject: the attempt; with invoice and amount). */
        CHARGE_REFUNDED("charge-refunded"),
        /** N7: a dispute changed (subject: the ledger's dispute). */
        DISPUTE_CHANGED("dispute-changed"),
        /** N8: the bank returned a debit (subject: the attempt; with invoice and amount). */
        BANK_PAYMENT_RETURNED("bank-payment-returned"),
        /** N7: a refund made at the gateway could not all be kept (subject: a payment; with the gateway's reference). */
        MONEY_NOT_APPLIED("money-not-applied"),
        /** Issue 23 (T6): a link's text was not sent or not delivered (subject: the text; with the link). */
        TEXT_FAILED("text-failed"),
        /** PL10 (issue 24): a client asked for a new link that staff must decide on (subject: the link; reference: when, epoch ms). */
        NEW_LINK_ASKED("new-link-asked");

        private final String name;

        Kind(String name) {
            this.name = name;
        }

        static Kind named(String name) {
            for (Kind kind : values()) {
                if (java.util.Objects.equals(kind.name, name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("not a payment event: " + name);
        }
    }

    public static PaymentEventMessage of(Kind kind, long subjectId) {
        return new PaymentEventMessage(kind, subjectId, null, null, null, null, null, null);
    }

    /** The money the event is about, when it carries one. */
    public Money amount() {
        return amountMinor == null ? null : Money.ofMinor(amountMinor, currency);
    }

    /** The message's text: the subject's id. */
    public String text() {
        return String.valueOf(subjectId);
    }

    /** The message's properties, strings and longs, as the outbox puts them on the message and {@link #read} reads them. */
    public java.util.Map<String, Object> properties() {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        if (kind.name != null) {
            properties.put(EVENT, kind.name);
        } else {
            properties.put(PAYMENT_ID, subjectId);
        }
        if (invoiceId != null) {
            properties.put(INVOICE_ID, invoiceId);
        }
        if (linkId != null) {
            properties.put(LINK_ID, linkId);
        }
        if (amountMinor != null) {
            properties.put(AMOUNT_MINOR, amountMinor);
            properties.put(CURRENCY, currency);
        }
        if (payerName != null) {
            properties.put(PAYER, payerName);
        }
        if (reference != null) {
            properties.put(REFERENCE, reference);
        }
        return properties;
    }

    /** The event a message carries. */
    public static PaymentEventMessage read(Message message) {
        try {
            long subject = Long.parseLong(((TextMessage) message).getText().trim());
            return new PaymentEventMessage(Kind.named(message.getStringProperty(EVENT)), subject,
                    message.propertyExists(INVOICE_ID) ? message.getLongProperty(INVOICE_ID) : null,
                    message.propertyExists(LINK_ID) ? message.getLongProperty(LINK_ID) : null,
                    message.propertyExists(AMOUNT_MINOR) ? message.getLongProperty(AMOUNT_MINOR) : null,
                    message.getStringProperty(CURRENCY), message.getStringProperty(PAYER), message.getStringProperty(REFERENCE));
        } catch (JMSException | RuntimeException e) {
            throw new IllegalArgumentException("not a payment event", e);
        }
    }
}
