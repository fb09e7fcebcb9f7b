package com.paylink.practice.boundary;

import com.paylink.practice.entity.CardProcessing;
import com.paylink.practice.entity.EmailFrom;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * P5: what the Practice settings page shows: the values, the defaults beside them, the card-processing
 * status (changed on its own page), and the newest changes with who made them and when.
 */
public record PracticeSettingsView(String practiceName, Values values, Values defaults, CardProcessing cardProcessing,
                                   boolean enrolled, int minLifetimeHours, int maxLifetimeHours,
                                   BigDecimal minPartial, List<ChangeRow> changes) {

    /** The settings as the form edits them (amounts in the practice's currency, as decimals). */
    public record Values(Integer linkLifetimeHours, boolean partialPaymentsAllowed, BigDecimal partialMinimum,
                         boolean reminderEnabled, Integer reminderHoursBefore, EmailFrom emailFrom,
                         boolean bankDebitEnabled) {

        /** Bank debit off (its default): the form before P8, as older callers build it. */
        public Values(Integer linkLifetimeHours, boolean partialPaymentsAllowed, BigDecimal partialMinimum,
                      boolean reminderEnabled, Integer reminderHoursBefore, EmailFrom emailFrom) {
            this(linkLifetimeHours, partialPaymentsAllowed, partialMinimum, reminderEnabled, reminderHoursBefore, emailFrom,
                    false);
        }
    }

    /** One setting changed: when, by whom, from what to what. */
    public record ChangeRow(Instant at, String staffName, String setting, String oldValue, String newValue) {
    }
}
