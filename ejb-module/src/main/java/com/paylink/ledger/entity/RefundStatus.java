package com.paylink.ledger.entity;

/** Where a refund stands: asked of the gateway, done, or refused by it. */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
