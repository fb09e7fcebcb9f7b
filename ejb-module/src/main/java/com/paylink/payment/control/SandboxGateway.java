package com.paylink.payment.control;

import com.paylink.payment.entity.Gateway;
import com.paylink.shared.Money;

import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The offline sandbox: behaves like Stripe's test mode with Stripe's test card numbers, charges nothing
 * and talks to nobody. It decides from the card number alone and never keeps it.
 */
public final class SandboxGateway implements CardGateway {

    /** Stripe's test cards and what they do (see ../shared/STACK.md). */
    static final Map<String, String> OUTCOMES = Map.of(
            "4242424242424242", "succeeded",
            "4000000000000002", "card_declined",
            "4000000000009995", "insufficient_funds",
            "4000000000000069", "expired_card",
            "4000000000000127", "incorrect_cvc",
            "4000000000000119", "processing_error",
            "4000002760003184", "authentication_required");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Gateway kind() {
        return Gateway.SANDBOX;
    }

    @Override
    public GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return new GatewayIntent("sbx_pi_" + HexFormat.of().formatHex(id), null, IntentStatus.REQUIRES_PAYMENT,
                amount.amountMinor(), amount.currency(), null);
    }

    @Override
    public GatewayIntent retrieve(String reference) {
        throw new UnsupportedOperationException("sandbox intents live only in payment_attempt");
    }

    /** Empty when the form itself is wrong; else the outcome code ("succeeded" or a decline code). */
    public static Optional<String> inputProblem(SandboxCard card, YearMonth now) {
        String digits = card.digits();
        if (card.name() == null || card.name().isBlank()) {
            return Optional.of("name_required");
        }
        if (!digits.matches("\\d{12,19}") || !luhn(digits)) {
            return Optional.of("invalid_number");
        }
        YearMonth expiry = parseExpiry(card.expiry());
        if (expiry == null) {
            return Optional.of("invalid_expiry");
        }
        if (expiry.isBefore(now)) {
            return Optional.of("expiry_past");
        }
        if (card.cvc() == null || !card.cvc().trim().matches("\\d{3,4}")) {
            return Optional.of("invalid_cvc");
        }
        return Optional.empty();
    }

    /** "succeeded", or the decline code Stripe's test mode gives for this card. */
    public static String outcome(SandboxCard card) {
        return OUTCOMES.getOrDefault(card.digits(), "test_mode_live_card");
    }

    static YearMonth parseExpiry(String value) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("\\s", "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d{1,2})/(\\d{2}|\\d{4})$").matcher(v);
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
}
