package com.paylink.payment.entity;

/** Where a payment attempt stands. */
public enum AttemptStatus {
    /** Created at the gateway, not settled yet. */
    PENDING,
    SUCCEEDED,
    /** Declined or failed; the link stays usable. */
    FAILED,
    /** Money was taken but the invoice could not take it (already paid); it is being refunded (PAY11). */
    NEEDS_REFUND,
    /** Such a charge, refunded at the gateway. */
    REFUNDED,
    /** The intent was canceled at the gateway (its link closed); it can take no payment. */
    CANCELED;

    /** Whether the attempt's intent may still be confirmed (a declined intent can be tried again). */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
    }
}
