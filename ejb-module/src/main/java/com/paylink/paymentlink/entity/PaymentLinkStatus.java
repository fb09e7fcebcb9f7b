package com.paylink.paymentlink.entity;

/** What a payment link can be; "viewed" is not a status but the times it was opened. */
public enum PaymentLinkStatus {
    ACTIVE,
    PAID,
    EXPIRED,
    REVOKED,
    /** Closed after too many declined cards (card-testing defence); staff can send a new link. */
    LOCKED,
    /** PAY18: a bank debit through it is on its way; it takes nothing else until the bank answers. */
    PROCESSING,
    /** PAY18: the bank returned the debit made through it; a fresh link took its place. */
    RETURNED
}
