package com.paylink.shared;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesDecimalsIntoMinorUnits() {
        assertThat(Money.of("125.50", "USD").amountMinor()).isEqualTo(12550);
        assertThat(Money.of("7", "USD").amountMinor()).isEqualTo(700);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.of("1.005", "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsAndSubtractsExactly() {
        Money sum = Money.of("0.10", "USD").plus(Money.of("0.20", "USD"));
        assertThat(sum).isEqualTo(Money.of("0.30", "USD"));
        assertThat(sum.minus(Money.of("0.30", "USD")).isZero()).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency mismatch");
    }

    @Test
    void formatsForPeople() {
        assertThat(Money.of("1250", "USD").format(Locale.US)).isEqualTo("$1,250.00");
    }
}
