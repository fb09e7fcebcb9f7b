package com.paylink.identity.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInBackoffTest {

    private final SignInBackoff backoff = new SignInBackoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15));
    private final Instant last = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void fiveFailuresAreFree_thenTheWaitDoublesUpToTheCap() {
        assertThat(backoff.remaining(4, last, last)).isEmpty();
        assertThat(backoff.remaining(5, last, last)).contains(Duration.ofSeconds(1));
        assertThat(backoff.remaining(6, last, last)).contains(Duration.ofSeconds(2));
        assertThat(backoff.remaining(9, last, last)).contains(Duration.ofSeconds(16));
        assertThat(backoff.remaining(15, last, last)).contains(Duration.ofMinutes(15));
        assertThat(backoff.remaining(1_000, last, last)).contains(Duration.ofMinutes(15));
    }

    @Test
    void theWaitRunsFromTheLastFailure() {
        assertThat(backoff.remaining(7, last, last.plusSeconds(3))).contains(Duration.ofSeconds(1));
        assertThat(backoff.remaining(7, last, last.plusSeconds(4))).isEmpty();
        assertThat(backoff.remaining(7, null, last)).isEmpty();
    }
}
