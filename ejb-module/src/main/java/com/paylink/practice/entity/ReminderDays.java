package com.paylink.practice.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Issue 24 (C1): a practice's balance-reminder schedule: whole days after the first link of a client's oldest unpaid
 * invoice ("3, 7, 14, 30"), strictly increasing, each 1-365, at most {@link #MAX_COUNT}; their number is the most
 * reminders a balance gets. Which reminder is due is worked out here and nowhere else.
 */
public record ReminderDays(List<Integer> days) {

    public static final String DEFAULT = "3,7,14,30";
    public static final int MAX_COUNT = 6;
    public static final int MAX_DAY = 365;

    public ReminderDays {
        days = List.copyOf(days);
        String problem = problemOf(days);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** A schedule as staff type it: numbers separated by commas or spaces ("3, 7, 14, 30"). */
    public static ReminderDays parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new ReminderDays(numbers(text));
    }

    /** What is wrong with a typed schedule (a message code), or null when it is a schedule. */
    public static String problem(String text) {
        if (text == null || text.isBlank() || text.length() > 40) {
            return "reminder-days-invalid";
        }
        List<Integer> days;
        try {
            days = numbers(text);
        } catch (NumberFormatException e) {
            return "reminder-days-invalid";
        }
        return problemOf(days);
    }

    private static String problemOf(List<Integer> days) {
        if (days.isEmpty() || days.size() > MAX_COUNT) {
            return "reminder-days-count";
        }
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i) < 1 || days.get(i) > MAX_DAY) {
                return "reminder-days-range";
            }
            if (i > 0 && days.get(i) <= days.get(i - 1)) {
                return "reminder-days-order";
            }
        }
        return null;
    }

    private static List<Integer> numbers(String text) {
        List<Integer> days = new ArrayList<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (!part.isEmpty()) {
                if (!part.chars().allMatch(Character::isDigit) || part.length() > 3) {
                    throw new NumberFormatException(part);
                }
                days.add(Integer.parseInt(part));
            }
        }
        return days;
    }

    /** How many reminders a balance gets at most. */
    public int count() {
        return days.size();
    }

    /** As stored and shown: "3, 7, 14, 30". */
    public String text() {
        return days.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * The reminder (1-based) to send at {@code now} for a schedule that started at {@code anchor} and has sent
     * {@code sentSoFar}: the latest one whose day has come, if it has not been sent. A server that was down over two
     * reminders' days sends one, the later, never a burst; a schedule that has sent all sends nothing more.
     */
    public OptionalInt due(Instant anchor, int sentSoFar, Instant now) {
        int latest = 0;
        for (int i = 0; i < days.size(); i++) {
            if (!anchor.plus(Duration.ofDays(days.get(i))).isAfter(now)) {
                latest = i + 1;
            }
        }
        return latest > sentSoFar ? OptionalInt.of(latest) : OptionalInt.empty();
    }

    /** When the next reminder of that schedule is due, if one is left. */
    public Optional<Instant> next(Instant anchor, int sentSoFar) {
        return sentSoFar >= days.size() ? Optional.empty()
                : Optional.of(anchor.plus(Duration.ofDays(days.get(sentSoFar))));
    }
}
