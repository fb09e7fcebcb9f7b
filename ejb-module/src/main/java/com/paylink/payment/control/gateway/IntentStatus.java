package com.paylink.payment.control.gateway;

/** The states of a gateway payment intent that matter here. */
public enum IntentStatus {
    /** Waiting for the card (or a new card after a decline). */
    REQUIRES_PAYMENT,
    /** Waiting for the payer's bank (3-D Secure) or being processed. */
    PROCESSING,
    SUCCEEDED,
    CANCELED
}
