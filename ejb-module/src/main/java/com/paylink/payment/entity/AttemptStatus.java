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
    CANCELED,
    /** PAY18: a bank debit was submitted; the bank answers in days. Nothing is posted yet, nothing else is taken. */
    PROCESSING,
    /** PAY18: the bank returned the debit (insufficient funds, account closed...): nothing was taken. */
    RETURNED;

    /** Whether the attempt's intent may still be confirmed (a declined intent can be tried again). */
    public boolean isOpen() {
        return this == PENDING || this == FAILED;
    }

    /** Whether the gateway may still settle the attempt: open, or a bank debit under way (PAY18). */
    public boolean isLive() {
        return isOpen() || this == PROCESSING;
    }
}
