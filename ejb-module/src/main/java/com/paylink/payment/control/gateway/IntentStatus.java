package com.paylink.payment.control.gateway;

/** The states of a gateway payment intent that matter here. */
public enum IntentStatus {
    /** Waiting for the card (or a new card after a decline). */
    REQUIRES_PAYMENT,
    /** Waiting for the payer (3-D Secure, or a bank account's verification). */
    REQUIRES_ACTION,
    /** Submitted and being processed: briefly for a card, days for a bank debit (PAY18). */
    PROCESSING,
    SUCCEEDED,
    CANCELED
}
