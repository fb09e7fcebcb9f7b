package com.paylink.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** L12: of a card, the brand code and the last four digits, never anything more. */
class CardSummaryTest {

    @Test
    void l12_onlyABrandCodeAndExactlyFourDigitsAreKept() {
        assertThat(CardSummary.of("Visa", " 4242 ")).contains(new CardSummary("visa", "4242"));
        assertThat(CardSummary.of("visa", "4242424242424242")).as("a whole card number").isEmpty();
        assertThat(CardSummary.of("visa", "424")).isEmpty();
        assertThat(CardSummary.of("visa", "42a2")).isEmpty();
        assertThat(CardSummary.of("visa", null)).isEmpty();
        assertThat(CardSummary.of(null, "4242")).isEmpty();
        assertThat(CardSummary.of("unknown", "4242")).as("Stripe's word for no brand").isEmpty();
        assertThat(CardSummary.of("visa 4242 4242 4242 4242", "4242")).as("no room for more in the brand").isEmpty();
        assertThatThrownBy(() -> new CardSummary("visa", "12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardSummary("Visa!", "1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brandsReadAsPeopleKnowThem() {
        assertThat(new CardSummary("visa", "4242").brandName()).isEqualTo("Visa");
        assertThat(new CardSummary("amex", "0005").brandName()).isEqualTo("American Express");
        assertThat(new CardSummary("mastercard", "4444").brandName()).isEqualTo("Mastercard");
        assertThat(new CardSummary("some_new_network", "1234").brandName()).isEqualTo("Some New Network");
    }
}
