package com.paylink.payment.entity;

/** Where a payment attempt stands. */
public enum AttemptStatus {
    /** Created at the gateway, not settled yet. */
    PENDING,
    SUCCEEDED,
    /** Declined or failed; the link stays usable. */
    FAILED,
    /** Money was taken but the invoice could not take it (already paid); staff must refund. */
    NEEDS_REFUND
}
