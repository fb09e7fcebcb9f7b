package com.paylink.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount of money in minor units (cents) of one ISO-4217 currency; never a floating-point number. */
@Embeddable
public class Money implements Serializable, Comparable<Money> {

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    protected Money() {
        // for JPA
    }

    private Money(long amountMinor, String currency) {
        this.amountMinor = amountMinor;
        this.currency = Currency.getInstance(Objects.requireNonNull(currency, "currency")).getCurrencyCode();
    }

    public static Money ofMinor(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** Parses a decimal amount such as "125.50"; refuses more decimals than the currency has. */
    public static Money of(String decimal, String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() > digits) {
            throw new IllegalArgumentException("too many decimals for " + currency + ": " + decimal);
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amountMinor, other.amountMinor), currency);
    }

    public Money times(int factor) {
        return new Money(Math.multiplyExact(amountMinor, factor), currency);
    }

    public boolean isPositive() {
        return amountMinor > 0;
    }

    public boolean isZero() {
        return amountMinor == 0;
    }

    public boolean isNegative() {
        return amountMinor < 0;
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(amountMinor, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    /** "$1,250.00" for USD in the US locale. */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        return format.format(toDecimal());
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " and " + other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amountMinor, other.amountMinor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.amountMinor == amountMinor && m.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amountMinor, currency);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }
}
