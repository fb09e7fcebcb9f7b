package com.paylink.texting.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Clients' mobile numbers, as typed by staff and as kept: stored in E.164 ({@code +12015550123}), accepted only
 * when it can receive a text. A number typed without a country code is read in the practice's region. It must be
 * a valid number by libphonenumber's metadata, and of a type that can be a mobile: MOBILE, or FIXED_LINE_OR_MOBILE
 * (all of the US and Canada are, their numbers telling neither apart). Letters are refused rather than guessed:
 * a vanity number or an extension is no texting number, and an O read as a zero would text a stranger.
 * <p>Note for test data: libphonenumber holds US 555-01xx numbers (the range NANPA keeps for fiction) valid
 * FIXED_LINE_OR_MOBILE in a real area code, e.g. +12015550123; in area code 555 itself they are invalid.
 */
public final class PhoneNumbers {

    /** What is wrong with a typed number, so a page can say it exactly. */
    public enum Problem {
        /** Nothing: it can be texted. */
        NONE,
        /** Nothing was typed. */
        EMPTY,
        /** It is not written as a phone number (letters, no digits). */
        NOT_A_NUMBER,
        /** It is written as a phone number, but no such number exists (too short, too long, unknown country code). */
        INVALID,
        /** It exists, but cannot receive a text (a landline, toll-free, premium-rate, pager ... number). */
        NOT_MOBILE;

        /** The message code a boundary refuses such a number with ({@code mobile-not-a-number}, ...). */
        public String code() {
            return "mobile-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** The mask standing for each hidden digit. */
    public static final char HIDDEN = '•';

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final int SHOWN_DIGITS = 4;

    private PhoneNumbers() {
    }

    /** {@code input} in E.164 if it is a number that can be texted ({@link #problem} is NONE), else empty. */
    public static Optional<String> e164(String input, String defaultRegion) {
        Checked checked = check(input, defaultRegion);
        return checked.problem() == Problem.NONE
                ? Optional.of(UTIL.format(checked.number(), PhoneNumberFormat.E164)) : Optional.empty();
    }

    /** What keeps {@code input} (read in {@code region}, an ISO 3166 code such as "US") from being texted. */
    public static Problem problem(String input, String region) {
        return check(input, region).problem();
    }

    /**
     * An E.164 number with all its digits hidden but the country code and the last four, in the international
     * grouping so it still looks like a number: {@code +12015550123} is {@code "+1 •••-•••-0123"},
     * {@code +34612345678} is {@code "+34 ••• •• 56 78"}. For pages and log lines that must not show the number.
     *
     * @throws IllegalArgumentException if {@code e164} is not in E.164 (the message does not repeat it)
     */
    public static String masked(String e164) {
        PhoneNumber number = parseE164(e164);
        String prefix = "+" + number.getCountryCode();
        String grouped = grouped(e164, number);
        String rest = grouped.substring(prefix.length());
        long digits = rest.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(prefix);
        int seen = 0;
        for (char c : rest.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(seen++ < digits - SHOWN_DIGITS ? HIDDEN : c);
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /**
     * An E.164 number as staff read it: the international format, {@code "+1 201-555-0123"}, which reads the same
     * to a practice in any country and still shows a foreign number as foreign.
     *
     * @throws IllegalArgumentException if {@code e164} is not in E.164 (the message does not repeat it)
     */
    public static String display(String e164) {
        return grouped(e164, parseE164(e164));
    }

    private record Checked(Problem problem, PhoneNumber number) {
    }

    private static Checked check(String input, String region) {
        if (input == null || input.isBlank()) {
            return new Checked(Problem.EMPTY, null);
        }
        if (input.chars().anyMatch(Character::isLetter)) {
            return new Checked(Problem.NOT_A_NUMBER, null);
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(input, region);
        } catch (NumberParseException e) {
            return new Checked(e.getErrorType() == NumberParseException.ErrorType.NOT_A_NUMBER
                    ? Problem.NOT_A_NUMBER : Problem.INVALID, null);
        }
        if (!UTIL.isValidNumber(number)) {
            return new Checked(Problem.INVALID, number);
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
            return new Checked(Problem.NOT_MOBILE, number);
        }
        return new Checked(Problem.NONE, number);
    }

    private static PhoneNumber parseE164(String e164) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number");
        }
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    /** The international format, or "+cc" and the digits as they are when the metadata has no grouping for them. */
    private static String grouped(String e164, PhoneNumber number) {
        String formatted = UTIL.format(number, PhoneNumberFormat.INTERNATIONAL);
        String prefix = "+" + number.getCountryCode();
        return formatted.startsWith(prefix) ? formatted : prefix + " " + e164.substring(prefix.length());
    }
}
