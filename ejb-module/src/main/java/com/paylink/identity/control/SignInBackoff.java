package com.paylink.identity.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * S2: how long a username or an address must wait before its next sign-in attempt is even checked. The
 * first {@code freeFailures} failures (since its last success, within a day) cost nothing; each further one
 * doubles the wait, from {@code base} up to {@code max}.
 */
public record SignInBackoff(int freeFailures, Duration base, Duration max) {

    /** Failures are counted over at most this long (and only since the last success). */
    public static final Duration MEMORY = Duration.ofHours(24);

    public SignInBackoff {
        if (freeFailures < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("sign-in back-off needs free failures >= 1 and 0 < base <= max");
        }
    }

    /** The wait still to go after {@code failures} failures, the last at {@code lastFailure}; empty when none. */
    public Optional<Duration> remaining(long failures, Instant lastFailure, Instant now) {
        if (failures < freeFailures || lastFailure == null) {
            return Optional.empty();
        }
        long doublings = Math.min(failures - freeFailures, 40);
        Duration wait = doublings >= 62 ? max : base.multipliedBy(1L << doublings);
        if (wait.compareTo(max) > 0 || wait.isNegative()) {
            wait = max;
        }
        Duration left = Duration.between(now, lastFailure.plus(wait));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
