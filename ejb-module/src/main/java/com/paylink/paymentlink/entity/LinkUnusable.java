package com.paylink.paymentlink.entity;

/** Why a link cannot take a payment now; the answer of {@link PaymentLink#unusableAt}. */
public enum LinkUnusable {
    /** The link, or its invoice by any means, is paid. */
    PAID,
    /** Expired or revoked: a new link is needed. */
    CLOSED,
    /** Locked after too many declined cards: the payer must contact the practice. */
    LOCKED,
    /** PAY18: a bank debit through it is on its way: the payer waits for the bank, nothing more is taken. */
    BANK_PAYMENT_PROCESSING,
    /** The invoice is void or has nothing due. */
    NOTHING_DUE,
    /**
     * PL12: a link for several invoices whose invoices are no longer all payable (one was voided or paid
     * another way since it was sent): it takes nothing; staff send a new link for what is still due.
     */
    INVOICES_CHANGED
}
