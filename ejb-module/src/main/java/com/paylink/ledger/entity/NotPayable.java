package com.paylink.ledger.entity;

/** Why an invoice cannot take a payment (or a payment link) now; the answer of {@link Invoice#notPayable()}. */
public enum NotPayable {
    /** Voided: it takes no postings (L4). */
    VOID,
    /** Nothing left to pay (L5). */
    PAID,
    /** Not paid, yet nothing due (adjusted to zero). */
    NO_BALANCE
}
