package com.paylink.stripelocal;

import java.util.Map;

/**
 * What Stripe does with each of its documented test card numbers (docs.stripe.com/testing), as the local
 * stand-in reproduces it: succeed, decline with Stripe's code and message, or ask for 3-D Secure. A number that is
 * not a test card is declined as Stripe declines a real card in test mode.
 */
public final class TestCards {

    /** The three things a confirmation can do with a card. */
    public enum Kind { SUCCEEDS, DECLINED, REQUIRES_ACTION }

    /**
     * One card's outcome. {@code code} and {@code declineCode} are Stripe's {@code last_payment_error} fields;
     * {@code message} is Stripe's English text for it (Stripe.js shows the payer a localised one).
     */
    public record Outcome(Kind kind, String brand, String last4, String code, String declineCode, String message) {

        static Outcome succeeds(String brand, String last4) {
            return new Outcome(Kind.SUCCEEDS, brand, last4, null, null, null);
        }

        static Outcome declined(String last4, String code, String declineCode, String message) {
            return new Outcome(Kind.DECLINED, "visa", last4, code, declineCode, message);
        }
    }

    private static final Map<String, Outcome> CARDS = Map.ofEntries(
            Map.entry("4242424242424242", Outcome.succeeds("visa", "4242")),
            Map.entry("5555555555554444", Outcome.succeeds("mastercard", "4444")),
            Map.entry("378282246310005", Outcome.succeeds("amex", "0005")),
            Map.entry("4000056655665556", Outcome.succeeds("visa", "5556")),
            Map.entry("5105105105105100", Outcome.succeeds("mastercard", "5100")),
            // attaches to a customer (and so can be saved), but every charge of it is declined
            Map.entry("4000000000000341", Outcome.declined("0341", "card_declined", "generic_decline", "Your card was declined.")),
            Map.entry("4000000000000002", Outcome.declined("0002", "card_declined", "generic_decline", "Your card was declined.")),
            Map.entry("4000000000009995", Outcome.declined("9995", "card_declined", "insufficient_funds",
                    "Your card has insufficient funds.")),
            Map.entry("4000000000000069", Outcome.declined("0069", "expired_card", null, "Your card has expired.")),
            Map.entry("4000000000000127", Outcome.declined("0127", "incorrect_cvc", null, "Your card's security code is incorrect.")),
            Map.entry("4000000000000119", Outcome.declined("0119", "processing_error", null,
                    "An error occurred while processing your card. Try again in a little bit.")),
            Map.entry("4000002760003184", new Outcome(Kind.REQUIRES_ACTION, "visa", "3184", null, null, null)));

    /** After a failed 3-D Secure challenge, as Stripe records it on the intent. */
    public static final Outcome AUTHENTICATION_FAILED = new Outcome(Kind.DECLINED, "visa", "3184",
            "payment_intent_authentication_failure", null,
            "We are unable to authenticate your payment method. Please choose a different payment method and try again.");

    /** Stripe's test cards of another funding type than credit (docs.stripe.com/testing#cards). */
    private static final Map<String, String> FUNDING = Map.of("4000056655665556", "debit", "5105105105105100", "prepaid");

    /**
     * Off-session (a saved card charged without the payer): 4000 0027 6000 3184 authenticates on-session but its
     * off-session charges ask for authentication, which no one is there to give ({@code authentication_required});
     * 4000 0000 0000 0341 attaches but every charge is declined; the others as on-session, a 3-D Secure card
     * succeeding once it was authenticated when saved.
     */
    public static final Outcome AUTHENTICATION_REQUIRED = new Outcome(Kind.DECLINED, "visa", "3184", "authentication_required",
            "authentication_required", "Your card was declined. This transaction requires authentication.");

    private TestCards() {
    }

    /** The outcome of charging {@code number} off-session, saved on a customer. */
    public static Outcome offSession(String number) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        if ("4000002760003184".equals(digits)) {
            return AUTHENTICATION_REQUIRED;
        }
        return of(digits);
    }

    /** The card's funding type as Stripe reports it: credit, debit or prepaid. */
    public static String funding(String number) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        return FUNDING.getOrDefault(digits, "credit");
    }

    /** Whether a card can be attached to a customer: every test card that is not declined outright when saved. */
    public static boolean attachable(String number) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        Outcome outcome = of(digits);
        return outcome.kind() != Kind.DECLINED || "4000000000000341".equals(digits);
    }

    /** The outcome of confirming with {@code number} (spaces ignored). */
    public static Outcome of(String number) {
        String digits = number == null ? "" : number.replaceAll("[\\s-]", "");
        Outcome known = CARDS.get(digits);
        if (known != null) {
            return known;
        }
        String last4 = digits.length() >= 4 ? digits.substring(digits.length() - 4) : digits;
        if (!luhn(digits)) {
            return Outcome.declined(last4, "incorrect_number", null, "Your card number is incorrect.");
        }
        return Outcome.declined(last4, "card_declined", "test_mode_live_card",
                "Your card was declined. Your request was in test mode, but used a non test card.");
    }

    /** The Luhn check every card number passes. */
    static boolean luhn(String digits) {
        if (!digits.matches("\\d{12,19}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
