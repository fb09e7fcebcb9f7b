package com.paylink.payment.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** PAY18: a bank debit's calendar counts business days (Monday to Friday) in the practice's zone. */
class BankDebitsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void fourBusinessDaysSkipTheWeekend() {
        // Monday 2026-12-07 -> Friday 12-11; Thursday 12-10 -> Wednesday 12-16; Saturday 12-12 -> Thursday 12-17
        assertThat(BankDebits.expectedBy(Instant.parse("2026-12-07T15:00:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(BankDebits.expectedBy(Instant.parse("2026-12-10T15:00:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(BankDebits.expectedBy(Instant.parse("2026-12-12T15:00:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void theDayIsThePracticesNotUtcs() {
        // Friday 23:30 in New York is Saturday in UTC: counted from Friday
        assertThat(BankDebits.expectedBy(Instant.parse("2026-12-12T04:30:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void overdueOnlyAfterTheWindowAndADayMore() {
        Instant monday = Instant.parse("2026-12-07T15:00:00Z");
        assertThat(BankDebits.overdue(monday, Instant.parse("2026-12-11T20:00:00Z"), NEW_YORK)).as("Friday: expected day").isFalse();
        assertThat(BankDebits.overdue(monday, Instant.parse("2026-12-14T20:00:00Z"), NEW_YORK)).as("next Monday: 5th day").isFalse();
        assertThat(BankDebits.overdue(monday, Instant.parse("2026-12-15T20:00:00Z"), NEW_YORK)).as("Tuesday: past it").isTrue();
    }
}
