package com.paylink.payment.control;

import com.paylink.practice.entity.PracticeSettings;
import com.paylink.shared.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PAY16: how much a payer may pay through one link. The full balance always; an amount of their own only where
 * the link was sent allowing partial payments ({@code linkMinimum}, fixed when the link was sent), from that
 * minimum (or the balance, if lower) up to the balance, never leaving less than the smallest card payment
 * to pay later. One function, knowing no gateway and no page: every payment path asks it with the live
 * balance, under the invoice's lock.
 */
public final class PayableAmount {

    /** What a payer may type: digits, an optional decimal part; a "$", spaces and thousands commas are ignored. */
    /**
     * The longest amount anyone types (a payer's partial payment, a refund): longer text is refused as not a number
     * before anything parses it (a million digits would otherwise hold a core, and under the invoice lock a connection).
     */
    public static final int MAX_TYPED_LENGTH = 32;

    /** True for typed text too long to be an amount: refuse it before parsing it or taking any lock. */
    public static boolean tooLongToRead(String entered) {
        return entered != null && entered.length() > MAX_TYPED_LENGTH;
    }
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    /** Why an amount is refused; {@link #code()} keys its message ({@code pay.input.<code>}). */
    public enum Problem {
        /** "Another amount" chosen, nothing entered. */
        REQUIRED,
        NOT_A_NUMBER,
        /** More decimals than the currency has (cents). */
        TOO_MANY_DECIMALS,
        /** Zero or negative. */
        NOT_POSITIVE,
        /** Less than the link's minimum (or the balance, if that is lower); the limit is that minimum. */
        BELOW_MINIMUM,
        /** More than the balance; the limit is the balance. */
        ABOVE_BALANCE,
        /** Would leave less than the smallest card payment to pay later; the limit is that smallest payment. */
        LEAVES_TOO_LITTLE,
        /** The link was sent for the full balance only; the limit is the balance. */
        PARTIAL_NOT_ALLOWED;

        public String code() {
            return "amount_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Either the amount to charge, or why not with the figure the payer needs to know (else null). */
    public record Decision(Money amount, Problem problem, Money limit) {

        static Decision pay(Money amount) {
            return new Decision(amount, null, null);
        }

        static Decision refuse(Problem problem, Money limit) {
            return new Decision(null, problem, limit);
        }

        public boolean refused() {
            return problem != null;
        }
    }

    /** A refused amount, for callers that answer it further up (nothing was written). */
    public static final class Refused extends RuntimeException {

        private final transient Decision decision;

        public Refused(Decision decision) {
            super("amount refused: " + decision.problem().code());
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }
    }

    private PayableAmount() {
    }

    /**
     * The smallest amount of their own a payer may choose through a link, or empty when the link takes the
     * full balance only (sent without partial payments, or its minimum is not below the balance).
     */
    public static Optional<Money> smallestPartial(Money balance, Optional<Money> linkMinimum) {
        return linkMinimum.filter(minimum -> minimum.compareTo(balance) < 0);
    }

    /**
     * @param fullBalance the payer chose "pay the full balance" ({@code entered} is then ignored)
     * @param entered     the amount the payer typed for "another amount", as typed
     * @param balance     the invoice's live balance
     * @param linkMinimum the link's own minimum (empty: full balance only), never the practice's current setting
     */
    public static Decision decide(boolean fullBalance, String entered, Money balance, Optional<Money> linkMinimum) {
        Objects.requireNonNull(balance, "balance");
        if (fullBalance) {
            return Decision.pay(balance);
        }
        if (tooLongToRead(entered)) {
            return Decision.refuse(Problem.NOT_A_NUMBER, null); // refused before any parsing: its length is its cost
        }
        String text = entered == null ? "" : entered.replace("$", "").replace(" ", "").replace("\u00a0", "").trim();
        if (text.isEmpty()) {
            return Decision.refuse(Problem.REQUIRED, null);
        }
        if (THOUSANDS.matcher(text).matches()) {
            text = text.replace(",", "");
        }
        if (!DECIMAL.matcher(text).matches()) {
            return Decision.refuse(Problem.NOT_A_NUMBER, null);
        }
        BigDecimal value = new BigDecimal(text.endsWith(".") ? text + "0" : text).stripTrailingZeros();
        if (value.signum() <= 0) {
            return Decision.refuse(Problem.NOT_POSITIVE, null);
        }
        if (value.scale() > Currency.getInstance(balance.currency()).getDefaultFractionDigits()) {
            return Decision.refuse(Problem.TOO_MANY_DECIMALS, null);
        }
        Money amount;
        try {
            amount = Money.of(value.toPlainString(), balance.currency());
        } catch (ArithmeticException tooLarge) {
            return Decision.refuse(Problem.ABOVE_BALANCE, balance);
        }
        if (amount.compareTo(balance) > 0) {
            return Decision.refuse(Problem.ABOVE_BALANCE, balance);
        }
        if (amount.equals(balance)) {
            return Decision.pay(balance); // the whole balance, typed: allowed on any link
        }
        Optional<Money> smallest = smallestPartial(balance, linkMinimum);
        if (smallest.isEmpty()) {
            return Decision.refuse(Problem.PARTIAL_NOT_ALLOWED, balance);
        }
        if (amount.compareTo(smallest.get()) < 0) {
            return Decision.refuse(Problem.BELOW_MINIMUM, smallest.get());
        }
        Money leastLeft = Money.ofMinor(PracticeSettings.MIN_PARTIAL_MINOR, balance.currency());
        if (balance.minus(amount).compareTo(leastLeft) < 0) {
            // a card processor takes nothing smaller: the rest could never be paid by card
            return Decision.refuse(Problem.LEAVES_TOO_LITTLE, leastLeft);
        }
        return Decision.pay(amount);
    }
}
