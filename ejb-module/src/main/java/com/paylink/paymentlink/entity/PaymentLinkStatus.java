package com.paylink.paymentlink.entity;

/** What a payment link can be; "viewed" is not a status but the times it was opened. */
public enum PaymentLinkStatus {
    ACTIVE,
    PAID,
    EXPIRED,
    REVOKED,
    /** Closed after too many declined cards (card-testing defence); staff can send a new link. */
    LOCKED
}
