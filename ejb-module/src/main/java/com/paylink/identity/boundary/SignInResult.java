package com.paylink.identity.boundary;

import java.time.Duration;

/** What came of a sign-in attempt (I1, S2). */
public sealed interface SignInResult {

    /** Signed in. */
    record SignedIn(SignedInStaff staff) implements SignInResult {
    }

    /** Wrong username or password, or an inactive account: one answer for all. */
    record Refused() implements SignInResult {
    }

    /** Too many recent failures for the username or the address: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignInResult {
    }
}
