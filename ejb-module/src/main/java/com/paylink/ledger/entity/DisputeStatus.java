package com.paylink.ledger.entity;

/** Where a dispute (chargeback) of a payment stands. */
public enum DisputeStatus {
    OPEN,
    WON,
    LOST
}
