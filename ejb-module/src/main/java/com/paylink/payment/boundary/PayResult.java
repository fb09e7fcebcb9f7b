package com.paylink.payment.boundary;

import com.paylink.shared.Money;

/**
 * The outcome of a payment try. {@code code} says why a card was declined or the form was refused
 * (bundle key {@code pay.decline.<code>} / {@code pay.input.<code>}); {@code limit} is the figure a refused
 * amount's message names (PAY16), else null.
 */
public record PayResult(Kind kind, String code, String receiptNumber, Money limit) {

    public PayResult(Kind kind, String code, String receiptNumber) {
        this(kind, code, receiptNumber, null);
    }

    public enum Kind {
        /** Paid now (or by this same request before: a retried POST). */
        PAID,
        /** The card was declined; the link still works. */
        DECLINED,
        /** The form was incomplete or wrong; nothing was tried. */
        INVALID_INPUT,
        /** Waiting for the bank (Stripe); the webhook will settle it. */
        PROCESSING,
        /** Paid already, by another tab, click or link. */
        ALREADY_PAID,
        /** Expired, revoked or unknown. */
        UNAVAILABLE,
        /** The link locked after too many declined cards (PAY10): the payer must contact the practice. */
        LOCKED,
        /** The card was charged but the invoice was paid meanwhile: the charge is refunded (PAY11). */
        CHARGE_REFUNDED
    }

    public static PayResult of(Kind kind) {
        return new PayResult(kind, null, null);
    }
}
