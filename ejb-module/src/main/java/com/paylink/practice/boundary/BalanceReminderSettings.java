package com.paylink.practice.boundary;

/**
 * C1, C5 (issue 24): a practice's balance reminders as its Admin sees them: on or off, the days after the first link of
 * a client's oldest unpaid invoice ("3, 7, 14, 30"), the default days, and the limits (how many, the latest day); and
 * how many days a paper statement's link works (its default and its most).
 */
public record BalanceReminderSettings(boolean enabled, String days, String defaultDays, int maxCount, int maxDay,
                                      int statementDays, int defaultStatementDays, int maxStatementDays,
                                      int batchMax, int defaultBatchMax, int maxBatchMax) {
}
