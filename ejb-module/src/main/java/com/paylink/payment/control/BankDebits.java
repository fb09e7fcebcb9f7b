package com.paylink.payment.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * PAY18, the calendar of a US bank debit (ACH): Stripe documents that the payer's bank confirms or returns it in up
 * to 4 business days. Business days here are Monday to Friday (bank holidays are not counted, so the date told to
 * the payer may be a day early around one).
 */
public final class BankDebits {

    /** Stripe's documented time for an ACH debit to succeed or fail. */
    public static final int BUSINESS_DAYS = 4;
    /** A debit still processing this many business days after it started is past Stripe's window (shown to Admins). */
    public static final int OVERDUE_BUSINESS_DAYS = BUSINESS_DAYS + 1;

    private BankDebits() {
    }

    /** The day the bank should have answered a debit started at {@code startedAt}, in {@code zone}. */
    public static LocalDate expectedBy(Instant startedAt, ZoneId zone) {
        return plusBusinessDays(startedAt.atZone(zone).toLocalDate(), BUSINESS_DAYS);
    }

    /** Whether a debit started at {@code startedAt} and still processing at {@code now} is past Stripe's window. */
    public static boolean overdue(Instant startedAt, Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().isAfter(plusBusinessDays(startedAt.atZone(zone).toLocalDate(),
                OVERDUE_BUSINESS_DAYS));
    }

    static LocalDate plusBusinessDays(LocalDate from, int days) {
        LocalDate date = from;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }
}
