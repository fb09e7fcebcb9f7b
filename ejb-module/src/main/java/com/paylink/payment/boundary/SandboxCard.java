package com.paylink.payment.boundary;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the payer typed into the sandbox form. Held only for the request; never stored or logged
 * ({@link #toString()} shows nothing of it). It checks itself as a card form would, and names the Stripe
 * test PaymentMethod its number stands for, so the sandbox never sees the number.
 */
public record SandboxCard(String name, String number, String expiry, String cvc, String postalCode) {

    /** Stripe's test card numbers and the test PaymentMethods that behave like them. */
    private static final Map<String, String> TEST_PAYMENT_METHODS = Map.of(
            "4242424242424242", "pm_card_visa",
            "4000000000000002", "pm_card_visa_chargeDeclined",
            "4000000000009995", "pm_card_visa_chargeDeclinedInsufficientFunds",
            "4000000000000069", "pm_card_chargeDeclinedExpiredCard",
            "4000000000000127", "pm_card_chargeDeclinedIncorrectCvc",
            "4000000000000119", "pm_card_chargeDeclinedProcessingError",
            "4000002760003184", "pm_card_authenticationRequired");
    /** P7: the sandbox's simulated wallet, which approves at once with the Visa test card, as Stripe's test wallets do. */
    public static final SandboxCard WALLET = new SandboxCard("Google Pay (sandbox)", "4242424242424242", "12/2099", "123", null);
    /** Any other number: the sandbox declines it as Stripe's test mode declines a live card. */
    static final String LIVE_CARD = "pm_card_live";
    private static final Pattern EXPIRY = Pattern.compile("^(\\d{1,2})/(\\d{2}|\\d{4})$");

    public String digits() {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    /** The form's first problem as a code ({@code pay.input.<code>}), or empty when it is complete. */
    public Optional<String> problem(YearMonth now) {
        String digits = digits();
        if (name == null || name.isBlank()) {
            return Optional.of("name_required");
        }
        if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
            return Optional.of("invalid_number");
        }
        YearMonth expires = expiryMonth();
        if (expires == null) {
            return Optional.of("invalid_expiry");
        }
        if (expires.isBefore(now)) {
            return Optional.of("expiry_past");
        }
        if (cvc == null || !cvc.trim().matches("\\d{3,4}")) {
            return Optional.of("invalid_cvc");
        }
        return Optional.empty();
    }

    /** The Stripe test PaymentMethod this number stands for. */
    public String paymentMethod() {
        return TEST_PAYMENT_METHODS.getOrDefault(digits(), LIVE_CARD);
    }

    YearMonth expiryMonth() {
        if (expiry == null) {
            return null;
        }
        Matcher m = EXPIRY.matcher(expiry.replaceAll("\\s", ""));
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(1));
        int year = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year < 100 ? 2000 + year : year, month);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return "SandboxCard[redacted]";
    }
}
