package com.paylink.ledger.entity;

/** Derived from the invoice's figures; only VOID is recorded as such. */
public enum InvoiceStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID,
    VOID;

    public boolean isUnpaid() {
        return this == OPEN || this == PARTIALLY_PAID;
    }
}
