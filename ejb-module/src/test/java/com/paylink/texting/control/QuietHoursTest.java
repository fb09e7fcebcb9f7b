package com.paylink.texting.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** T4: texts go out from 08:00 to 21:00 in the recipient's zone. */
class QuietHoursTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant newYork(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    @Test
    void lateEvening_waitsForEightTheNextMorning() {
        Instant at = newYork("2026-06-10T22:30");
        assertThat(QuietHours.isOpen(at, NEW_YORK)).isFalse();
        assertThat(QuietHours.nextOpening(at, NEW_YORK)).isEqualTo(newYork("2026-06-11T08:00"));
    }

    @Test
    void justBeforeEight_waitsForEightTheSameMorning() {
        Instant at = newYork("2026-06-10T07:59");
        assertThat(QuietHours.isOpen(at, NEW_YORK)).isFalse();
        assertThat(QuietHours.nextOpening(at, NEW_YORK)).isEqualTo(newYork("2026-06-10T08:00"));
        assertThat(QuietHours.nextOpening(newYork("2026-06-10T00:00"), NEW_YORK)).isEqualTo(newYork("2026-06-10T08:00"));
    }

    @Test
    void eightIsOpen_2059IsOpen_nineInTheEveningIsClosed() {
        assertThat(QuietHours.isOpen(newYork("2026-06-10T08:00"), NEW_YORK)).isTrue();
        assertThat(QuietHours.isOpen(newYork("2026-06-10T20:59:59"), NEW_YORK)).isTrue();
        assertThat(QuietHours.isOpen(newYork("2026-06-10T21:00"), NEW_YORK)).isFalse();
        assertThat(QuietHours.nextOpening(newYork("2026-06-10T21:00"), NEW_YORK)).isEqualTo(newYork("2026-06-11T08:00"));
    }

    @Test
    void whenOpen_theTextGoesAtOnce() {
        Instant at = newYork("2026-06-10T20:59");
        assertThat(QuietHours.nextOpening(at, NEW_YORK)).isEqualTo(at);
    }

    @Test
    void springForward_theNextMorningsEightIsEightOnTheNewClock() {
        // 2026-03-08: New York's clocks go from 02:00 EST to 03:00 EDT
        Instant at = newYork("2026-03-07T22:30"); // EST, 03:30Z
        Instant opens = QuietHours.nextOpening(at, NEW_YORK);
        assertThat(opens).isEqualTo(Instant.parse("2026-03-08T12:00:00Z")); // 08:00 EDT
        assertThat(opens.atZone(NEW_YORK).toLocalTime()).hasToString("08:00");
        assertThat(Duration.between(at, opens)).isEqualTo(Duration.ofMinutes(8 * 60 + 30));
    }

    @Test
    void fallBack_theNextMorningsEightIsEightOnTheNewClock_evenFromTheRepeatedHour() {
        // 2026-11-01: New York's clocks go from 02:00 EDT back to 01:00 EST
        assertThat(QuietHours.nextOpening(newYork("2026-10-31T22:30"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z")); // 08:00 EST
        Instant secondOneThirty = ZonedDateTime.of(LocalDateTime.parse("2026-11-01T01:30"), NEW_YORK)
                .withLaterOffsetAtOverlap().toInstant();
        assertThat(secondOneThirty).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(QuietHours.nextOpening(secondOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void theHoursAreTheZonesOwn() {
        Instant at = Instant.parse("2026-06-11T03:30:00Z"); // 23:30 in New York, 20:30 in Los Angeles
        assertThat(QuietHours.isOpen(at, NEW_YORK)).isFalse();
        assertThat(QuietHours.isOpen(at, ZoneId.of("America/Los_Angeles"))).isTrue();
        assertThat(QuietHours.isOpen(at, ZoneOffset.UTC)).isFalse();
        Instant honoluluLate = Instant.parse("2026-06-11T08:00:00Z"); // 22:00 the day before in Honolulu (UTC-10, no DST)
        assertThat(QuietHours.nextOpening(honoluluLate, ZoneId.of("Pacific/Honolulu")))
                .isEqualTo(Instant.parse("2026-06-11T18:00:00Z")); // 08:00 there
    }
}
