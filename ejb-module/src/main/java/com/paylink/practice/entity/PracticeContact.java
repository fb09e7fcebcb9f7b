package com.paylink.practice.entity;

import com.paylink.shared.EmailAddresses;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * P4: how a client reaches the practice: a phone number and an email address, each optional, as the
 * payment page shows them when it cannot take a payment.
 */
public record PracticeContact(String phone, String email) {

    /** Digits with the usual separators, an optional leading +, and an optional extension. */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9(][0-9 ().\\-]{5,28}[0-9](\\s*(ext\\.?|x)\\s*[0-9]{1,6})?$",
            Pattern.CASE_INSENSITIVE);

    public static final PracticeContact NONE = new PracticeContact(null, null);

    /** Trimmed; blank is none. */
    public static PracticeContact of(String phone, String email) {
        return new PracticeContact(blankToNull(phone), blankToNull(email));
    }

    /**
     * Why these details cannot be kept, as an error code ({@code practice-phone-invalid},
     * {@code practice-email-invalid}), or empty when they can.
     */
    public Optional<String> problem() {
        if (phone != null && (phone.length() > 40 || !PHONE.matcher(phone).matches()
                || phone.chars().filter(Character::isDigit).count() < 7)) {
            return Optional.of("practice-phone-invalid");
        }
        if (email != null && !EmailAddresses.isValid(email)) {
            return Optional.of("practice-email-invalid");
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return phone == null && email == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
