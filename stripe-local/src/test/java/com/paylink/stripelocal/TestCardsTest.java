package com.paylink.stripelocal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCardsTest {

    @Test
    void theVisaTestCardSucceeds() {
        TestCards.Outcome outcome = TestCards.of("4242 4242 4242 4242");
        assertThat(outcome.kind()).isEqualTo(TestCards.Kind.SUCCEEDS);
        assertThat(outcome.brand()).isEqualTo("visa");
        assertThat(outcome.last4()).isEqualTo("4242");
    }

    @Test
    void declinesCarryStripesCodes() {
        assertThat(TestCards.of("4000000000000002").declineCode()).isEqualTo("generic_decline");
        assertThat(TestCards.of("4000 0000 0000 9995").declineCode()).isEqualTo("insufficient_funds");
        assertThat(TestCards.of("4000000000000069").code()).isEqualTo("expired_card");
        assertThat(TestCards.of("4000000000000002").kind()).isEqualTo(TestCards.Kind.DECLINED);
    }

    @Test
    void theThreeDSecureCardAsksForAuthentication() {
        assertThat(TestCards.of("4000002760003184").kind()).isEqualTo(TestCards.Kind.REQUIRES_ACTION);
    }

    @Test
    void aRealLookingCardIsDeclinedInTestModeAndANonsenseNumberIsIncorrect() {
        assertThat(TestCards.of("4111111111111111").declineCode()).isEqualTo("test_mode_live_card");
        assertThat(TestCards.of("4111111111111112").code()).isEqualTo("incorrect_number");
        assertThat(TestCards.of(null).code()).isEqualTo("incorrect_number");
    }

    @Test
    void luhn() {
        assertThat(TestCards.luhn("4242424242424242")).isTrue();
        assertThat(TestCards.luhn("4242424242424241")).isFalse();
        assertThat(TestCards.luhn("42")).isFalse();
    }
}
