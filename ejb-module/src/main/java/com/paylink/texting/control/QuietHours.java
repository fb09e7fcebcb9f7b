package com.paylink.texting.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * T4: when a text may go out: from 08:00 (inclusive) to 21:00 (exclusive), by the wall clock of a zone (the
 * recipient's, or the practice's when that is all that is known). A text asked for outside those hours waits for
 * the next 08:00 there. Daylight saving is the zone's own: the opening is the instant the zone's clocks show
 * 08:00 that day, whatever the offset was the night before (a zone whose clocks skip 08:00 opens when they
 * resume, the later side of the gap).
 */
public final class QuietHours {

    /** The first minute texts may go out, local time. */
    public static final LocalTime OPENS = LocalTime.of(8, 0);
    /** The first minute texts may no longer go out, local time. */
    public static final LocalTime CLOSES = LocalTime.of(21, 0);

    private QuietHours() {
    }

    /** Whether a text may go out at {@code at} in {@code zone}. */
    public static boolean isOpen(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return !local.isBefore(OPENS) && local.isBefore(CLOSES);
    }

    /** {@code at} itself when a text may go out then; otherwise the next 08:00 in {@code zone}. */
    public static Instant nextOpening(Instant at, ZoneId zone) {
        if (isOpen(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        // ZonedDateTime.of resolves a local time in a gap to the later side and, in an overlap, to the earlier offset
        return ZonedDateTime.of(day, OPENS, zone).toInstant();
    }
}
