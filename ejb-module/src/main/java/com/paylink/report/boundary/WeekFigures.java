package com.paylink.report.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One ISO week (its Monday, in the display zone) of a report: of the links sent that week, how many there were,
 * how many have been opened and paid, and what was paid through them (in the report's {@code currency}); issue 23:
 * how many of them went by text (alone or with the email).
 */
public record WeekFigures(LocalDate monday, long sent, long viewed, long paid, Money collected, long texted)
        implements Serializable {
}
