package com.paylink.ledger.entity;

/** How a payment reached the practice. */
public enum PaymentMethod {
    CARD,
    CASH,
    CHECK,
    INSURANCE
}
