package com.paylink.practice.entity;

/** Where a practice's own card-processing account stands, as the gateway last reported it (P2). */
public enum CardProcessing {
    /** No account yet: an Admin has not started onboarding. */
    NOT_STARTED,
    /** An account exists; the gateway still needs details before it can take charges. */
    PENDING,
    /** The account can take charges: the practice is enrolled. */
    ENABLED,
    /** The gateway stopped charges on the account (its reasons are kept). */
    RESTRICTED
}
