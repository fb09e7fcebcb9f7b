package com.paylink.ledger.boundary;

/** The lists of a client's Ledger, each paged and sorted by the server. */
public enum LedgerList {
    INVOICES,
    /** Invoices that can still take a payment: OPEN or PARTIALLY_PAID (L5). */
    UNPAID_INVOICES,
    PAYMENTS,
    REFUNDS,
    ADJUSTMENTS
}
