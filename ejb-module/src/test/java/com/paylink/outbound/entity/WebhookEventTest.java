package com.paylink.outbound.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** P9: an event refused is tried again after 10 s, then twice as long each time, at most 6 h apart, for three days. */
class WebhookEventTest {

    private static final Instant MADE = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aRefusedEventIsTriedAgainWithADoublingWait_atMostSixHoursApart_andGivenUpAfterThreeDays() {
        WebhookEvent event = new WebhookEvent(1, 2, "payment.succeeded", "payment:3", "invoice:4", MADE);
        assertThat(event.nextAttemptAt()).as("due at once").isEqualTo(MADE);
        Instant at = MADE;
        Duration expected = Duration.ofSeconds(10);
        for (int attempt = 1; attempt <= 5; attempt++) {
            event.failed(at);
            assertThat(Duration.between(at, event.nextAttemptAt())).as("after attempt %d", attempt).isEqualTo(expected);
            at = event.nextAttemptAt();
            expected = expected.multipliedBy(2);
        }
        while (event.status() == WebhookEvent.Status.PENDING) {
            Instant tried = event.nextAttemptAt();
            event.failed(tried);
            if (event.status() == WebhookEvent.Status.PENDING) {
                assertThat(Duration.between(tried, event.nextAttemptAt())).isLessThanOrEqualTo(Duration.ofHours(6));
                assertThat(event.nextAttemptAt()).isBefore(MADE.plus(Duration.ofDays(3)).plusSeconds(1));
            }
        }
        assertThat(event.status()).isEqualTo(WebhookEvent.Status.FAILED);
        assertThat(event.nextAttemptAt()).isNull();
        assertThat(event.attempts()).isBetween(15, 30);

        event.resend(MADE.plus(Duration.ofDays(4)));
        assertThat(event.status()).as("an Admin's Send again").isEqualTo(WebhookEvent.Status.PENDING);
        event.delivered(MADE.plus(Duration.ofDays(4)));
        assertThat(event.status()).isEqualTo(WebhookEvent.Status.DELIVERED);
        assertThat(event.nextAttemptAt()).isNull();
    }
}
