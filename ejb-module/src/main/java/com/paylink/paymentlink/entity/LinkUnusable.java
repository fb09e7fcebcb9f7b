package com.paylink.paymentlink.entity;

/** Why a link cannot take a payment now; the answer of {@link PaymentLink#unusableAt}. */
public enum LinkUnusable {
    /** The link, or its invoice by any means, is paid. */
    PAID,
    /** Expired or revoked: a new link is needed. */
    CLOSED,
    /** Locked after too many declined cards: the payer must contact the practice. */
    LOCKED,
    /** The invoice is void or has nothing due. */
    NOTHING_DUE
}
