package com.paylink.practice.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReminderDaysTest {

    private static final Instant ANCHOR = Instant.parse("2026-12-01T15:00:00Z");

    private static Instant day(double days) {
        return ANCHOR.plus(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    @Test
    void c1_aScheduleIsIncreasingWholeDaysFrom1To365_atMostSix() {
        assertEquals(List.of(3, 7, 14, 30), ReminderDays.parse(" 3, 7 14,30 ").days());
        assertEquals("3, 7, 14, 30", ReminderDays.parse(ReminderDays.DEFAULT).text());
        assertNull(ReminderDays.problem("1, 365"));
        assertEquals("reminder-days-invalid", ReminderDays.problem("3, seven"));
        assertEquals("reminder-days-invalid", ReminderDays.problem("3.5"));
        assertEquals("reminder-days-invalid", ReminderDays.problem(""));
        assertEquals("reminder-days-invalid", ReminderDays.problem(null));
        assertEquals("reminder-days-invalid", ReminderDays.problem("1".repeat(41)));
        assertEquals("reminder-days-range", ReminderDays.problem("0, 3"));
        assertEquals("reminder-days-range", ReminderDays.problem("3, 366"));
        assertEquals("reminder-days-order", ReminderDays.problem("7, 3"));
        assertEquals("reminder-days-order", ReminderDays.problem("3, 3"));
        assertEquals("reminder-days-count", ReminderDays.problem("1,2,3,4,5,6,7"));
        assertThrows(IllegalArgumentException.class, () -> new ReminderDays(List.of(5, 2)));
    }

    @Test
    void c1_theLatestReminderWhoseDayHasComeIsDue_onceEach_neverABurst() {
        ReminderDays days = ReminderDays.parse("3, 7, 14");
        assertEquals(OptionalInt.empty(), days.due(ANCHOR, 0, day(2.9)));
        assertEquals(OptionalInt.of(1), days.due(ANCHOR, 0, day(3)));
        assertEquals(OptionalInt.empty(), days.due(ANCHOR, 1, day(6)), "sent already");
        assertEquals(OptionalInt.of(2), days.due(ANCHOR, 1, day(7.5)));
        assertEquals(OptionalInt.of(3), days.due(ANCHOR, 1, day(20)), "a server down over two days sends the later one");
        assertEquals(OptionalInt.empty(), days.due(ANCHOR, 3, day(400)), "the schedule ran to its end");
        assertEquals(day(14), days.next(ANCHOR, 2).orElseThrow());
        assertEquals(java.util.Optional.empty(), days.next(ANCHOR, 3));
    }
}
