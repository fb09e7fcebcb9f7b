package com.paylink.identity.entity;

/** What came of a sign-in attempt (S2). */
public enum SignInOutcome {
    /** Signed in. */
    SUCCEEDED,
    /** Wrong password, unknown username or inactive account: one answer for all three. */
    FAILED,
    /** Refused without checking the password: too many recent failures for the username or the address. */
    THROTTLED
}
