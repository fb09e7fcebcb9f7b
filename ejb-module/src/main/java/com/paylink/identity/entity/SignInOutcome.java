package com.paylink.identity.entity;

/** What came of a sign-in attempt (S2). */
public enum SignInOutcome {
    /** Signed in. */
    SUCCEEDED,
    /** Wrong password, unknown username or inactive account: one answer for all three. */
    FAILED,
    /** Refused without checking the password: too many recent failures for the username or the address. */
    THROTTLED,
    /** S3: an API key that is revoked, expired or its owner's no more was presented (it counts for no back-off). */
    KEY_REFUSED,
    /** An Admin cleared the lock-out of this username and address: earlier failures no longer count (S2). */
    CLEARED
}
