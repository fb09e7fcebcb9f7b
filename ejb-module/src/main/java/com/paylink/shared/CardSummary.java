package com.paylink.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The most of a card Paylink ever keeps or shows: the network's brand code as the gateway names it
 * ({@code visa}, {@code mastercard}, {@code amex}...) and the last four digits. Anything else a gateway
 * might send is refused here, so it can reach neither the database nor a receipt.
 */
public record CardSummary(String brand, String last4) {

    /** The "brand" of a US bank account (ACH debit, PAY18), as Stripe names its payment method type. */
    public static final String BANK_ACCOUNT = "us_bank_account";

    private static final Pattern BRAND = Pattern.compile("[a-z][a-z0-9_]{0,19}");
    private static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    public CardSummary {
        if (brand == null || !BRAND.matcher(brand).matches()) {
            throw new IllegalArgumentException("not a card brand code");
        }
        if (last4 == null || !LAST4.matcher(last4).matches()) {
            throw new IllegalArgumentException("not the last four digits of a card");
        }
    }

    /**
     * What a gateway reported, if it is a usable brand and exactly four digits; empty otherwise (a missing,
     * "unknown" or malformed value is simply not shown).
     */
    public static Optional<CardSummary> of(String brand, String last4) {
        String code = brand == null ? null : brand.trim().toLowerCase(Locale.ROOT);
        if (code == null || "unknown".equals(code) || !BRAND.matcher(code).matches()
                || last4 == null || !LAST4.matcher(last4.trim()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CardSummary(code, last4.trim()));
    }

    /** The brand as people know it ("Visa", "American Express"); an unlisted code in capitals and words. */
    public String brandName() {
        return brandName(brand);
    }

    /** {@link #brandName()} of a gateway's brand code; "Card" when there is none. */
    public static String brandName(String brand) {
        if (brand == null || brand.isBlank()) {
            return "Card";
        }
        return switch (brand) {
            case "visa" -> "Visa";
            case "mastercard" -> "Mastercard";
            case "amex", "american_express" -> "American Express";
            case "discover" -> "Discover";
            case "diners" -> "Diners Club";
            case "jcb" -> "JCB";
            case "unionpay" -> "UnionPay";
            case "cartes_bancaires" -> "Cartes Bancaires";
            case "eftpos_au" -> "eftpos Australia";
            case "interac" -> "Interac";
            case BANK_ACCOUNT -> "US bank account";
            default -> {
                StringBuilder name = new StringBuilder();
                for (String word : brand.split("_")) {
                    if (!word.isEmpty()) {
                        name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                    }
                }
                yield name.toString();
            }
        };
    }

    /** A US bank account rather than a card (PAY18). */
    public boolean isBankAccount() {
        return BANK_ACCOUNT.equals(brand);
    }

    @Override
    public String toString() {
        return brand + " " + last4;
    }
}
