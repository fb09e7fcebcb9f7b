package com.paylink.practice.entity;

import com.paylink.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * P5: the choices an Admin makes for the practice's links, each with its default. A change applies to links
 * sent after it; a link keeps what it was sent with. Immutable: a change is a new value.
 */
@Embeddable
public class PracticeSettings implements Serializable {

    public static final int MIN_LIFETIME_HOURS = 1;
    public static final int MAX_LIFETIME_HOURS = 720; // 30 days (issue 24: payers of statements and reminders need days)
    public static final int DEFAULT_LIFETIME_HOURS = 24;
    /** The smallest card payment the gateways take (Stripe: 0.50 in USD). */
    public static final long MIN_PARTIAL_MINOR = 50;
    public static final long MAX_PARTIAL_MINOR = 10_000_000;
    public static final long DEFAULT_PARTIAL_MINOR = 1000;
    public static final int DEFAULT_REMINDER_HOURS = 4;

    @Column(name = "link_lifetime_hours", nullable = false)
    private int linkLifetimeHours;

    @Column(name = "partial_payments_allowed", nullable = false)
    private boolean partialPaymentsAllowed;

    @Column(name = "partial_minimum_minor", nullable = false)
    private long partialMinimumMinor;

    @Column(name = "reminder_enabled", nullable = false)
    private boolean reminderEnabled;

    @Column(name = "reminder_hours_before", nullable = false)
    private int reminderHoursBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_from", nullable = false)
    private EmailFrom emailFrom;

    /** P8: payers may also pay by US bank account (ACH debit); off unless the Admin turns it on. */
    @Column(name = "bank_debit_enabled", nullable = false)
    private boolean bankDebitEnabled;

    protected PracticeSettings() {
        // for JPA
    }

    public PracticeSettings(int linkLifetimeHours, boolean partialPaymentsAllowed, long partialMinimumMinor,
                            boolean reminderEnabled, int reminderHoursBefore, EmailFrom emailFrom) {
        this(linkLifetimeHours, partialPaymentsAllowed, partialMinimumMinor, reminderEnabled, reminderHoursBefore, emailFrom,
                false);
    }

    public PracticeSettings(int linkLifetimeHours, boolean partialPaymentsAllowed, long partialMinimumMinor,
                            boolean reminderEnabled, int reminderHoursBefore, EmailFrom emailFrom, boolean bankDebitEnabled) {
        this.bankDebitEnabled = bankDebitEnabled;
        this.linkLifetimeHours = linkLifetimeHours;
        this.partialPaymentsAllowed = partialPaymentsAllowed;
        this.partialMinimumMinor = partialMinimumMinor;
        this.reminderEnabled = reminderEnabled;
        this.reminderHoursBefore = reminderHoursBefore;
        this.emailFrom = Objects.requireNonNull(emailFrom, "emailFrom");
    }

    /**
     * What a new practice starts with: 24-hour links, full payments only, no reminder, the staff member's name, cards
     * (and wallets) only.
     */
    public static PracticeSettings defaults() {
        return new PracticeSettings(DEFAULT_LIFETIME_HOURS, false, DEFAULT_PARTIAL_MINOR, false,
                DEFAULT_REMINDER_HOURS, EmailFrom.STAFF_NAME);
    }

    /**
     * The first rule these settings break, as the code of its message (bundle key {@code error.<code>}), or
     * null when they are all allowed. The reminder must fall inside the link's lifetime.
     */
    public String problem() {
        if (linkLifetimeHours < MIN_LIFETIME_HOURS || linkLifetimeHours > MAX_LIFETIME_HOURS) {
            return "settings-lifetime-range";
        }
        if (partialMinimumMinor < MIN_PARTIAL_MINOR || partialMinimumMinor > MAX_PARTIAL_MINOR) {
            return "settings-partial-minimum-range";
        }
        if (reminderHoursBefore < 1 || reminderHoursBefore >= linkLifetimeHours) {
            return reminderEnabled ? "settings-reminder-range" : null;
        }
        return null;
    }

    /** Each setting's value as text, in a fixed order, for the audit of what changed. */
    public Map<String, String> asText() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("linkLifetimeHours", String.valueOf(linkLifetimeHours));
        values.put("partialPaymentsAllowed", String.valueOf(partialPaymentsAllowed));
        values.put("partialMinimum", Money.ofMinor(partialMinimumMinor, "USD").toDecimal().toPlainString());
        values.put("reminderEnabled", String.valueOf(reminderEnabled));
        values.put("reminderHoursBefore", String.valueOf(reminderHoursBefore));
        values.put("emailFrom", emailFrom.name());
        values.put("bankDebitEnabled", String.valueOf(bankDebitEnabled));
        return values;
    }

    /** The settings whose values differ from {@code earlier}'s: name, old value, new value. */
    public List<String[]> changesSince(PracticeSettings earlier) {
        Map<String, String> before = earlier.asText();
        List<String[]> changes = new ArrayList<>();
        asText().forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                changes.add(new String[]{name, before.get(name), value});
            }
        });
        return changes;
    }

    public int linkLifetimeHours() {
        return linkLifetimeHours;
    }

    public Duration linkLifetime() {
        return Duration.ofHours(linkLifetimeHours);
    }

    public boolean partialPaymentsAllowed() {
        return partialPaymentsAllowed;
    }

    public long partialMinimumMinor() {
        return partialMinimumMinor;
    }

    /** The smallest partial payment, in the invoice's currency. */
    public Money partialMinimum(String currency) {
        return Money.ofMinor(partialMinimumMinor, currency);
    }

    public boolean reminderEnabled() {
        return reminderEnabled;
    }

    public int reminderHoursBefore() {
        return reminderHoursBefore;
    }

    public Duration reminderBefore() {
        return Duration.ofHours(reminderHoursBefore);
    }

    public EmailFrom emailFrom() {
        return emailFrom;
    }

    public boolean bankDebitEnabled() {
        return bankDebitEnabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PracticeSettings other && asText().equals(other.asText());
    }

    @Override
    public int hashCode() {
        return asText().hashCode();
    }
}
