package com.paylink.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 22: the token lookup limit's counts in memory, a fixed window per bucket. */
class LocalRateWindowsTest {

    private Instant now = Instant.parse("2026-12-07T10:00:00Z");

    private LocalRateWindows windows() {
        LocalRateWindows windows = new LocalRateWindows();
        windows.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return windows;
    }

    @Test
    void eachBucketCountsItsHitsInItsWindow_andStartsAgainWhenTheWindowEnds() {
        LocalRateWindows windows = windows();
        Duration tenMinutes = Duration.ofMinutes(10);
        assertThat(IntStream.range(0, 30).map(i -> windows.hit("a", tenMinutes)).max()).hasValue(30);
        assertThat(windows.hit("b", tenMinutes)).as("another address has its own count").isEqualTo(1);
        now = now.plus(Duration.ofMinutes(9));
        assertThat(windows.hit("a", tenMinutes)).as("the same window: fixed, not sliding").isEqualTo(31);
        now = now.plus(Duration.ofMinutes(1));
        assertThat(windows.hit("a", tenMinutes)).as("the window ended").isEqualTo(1);
    }

    @Test
    void forgettingEverythingStartsEveryBucketAgain() {
        LocalRateWindows windows = windows();
        windows.hit("a", Duration.ofMinutes(10));
        windows.hit("a", Duration.ofMinutes(10));
        windows.forgetEverything();
        assertThat(windows.hit("a", Duration.ofMinutes(10))).isEqualTo(1);
    }
}
