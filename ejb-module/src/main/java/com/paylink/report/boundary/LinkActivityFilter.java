package com.paylink.report.boundary;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Which links a link activity report covers: sent from {@code from} to {@code to} (days in the practice's display
 * zone, both included), optionally only one outcome, one sender (staff id) and clients whose name contains
 * {@code client}. {@link #validated()} applies rule R2.
 */
public record LinkActivityFilter(LocalDate from, LocalDate to, LinkOutcome outcome, Long staffId, String client)
        implements Serializable {

    /** The longest range a report covers: two years. */
    public static final int MAX_DAYS = 731;
    public static final int MAX_CLIENT_TEXT = 100;

    public LinkActivityFilter {
        client = client == null || client.isBlank() ? null : client.strip();
    }

    /** This filter if it keeps R2; otherwise the reason, as a refusal. */
    public LinkActivityFilter validated() {
        if (from == null || to == null) {
            throw new LinkActivityRefused(LinkActivityRefused.Reason.DATES_MISSING);
        }
        if (from.isAfter(to)) {
            throw new LinkActivityRefused(LinkActivityRefused.Reason.DATES_REVERSED, from.toString(), to.toString());
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new LinkActivityRefused(LinkActivityRefused.Reason.RANGE_TOO_LONG, MAX_DAYS);
        }
        if (client != null && client.length() > MAX_CLIENT_TEXT) {
            throw new LinkActivityRefused(LinkActivityRefused.Reason.CLIENT_TEXT_TOO_LONG, MAX_CLIENT_TEXT);
        }
        return this;
    }
}
