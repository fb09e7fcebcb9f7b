package com.paylink.payment.boundary;

import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox form checks itself like a card form and hands the gateway a test PaymentMethod, never the number. */
class SandboxCardTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    private static SandboxCard card(String number, String expiry, String cvc) {
        return new SandboxCard("Jo Payer", number, expiry, cvc, "02139");
    }

    @Test
    void eachProblemHasItsCode() {
        assertThat(new SandboxCard(" ", "4242424242424242", "12/30", "123", "").problem(NOW)).contains("name_required");
        assertThat(card("4242 4242 4242 4241", "12/30", "123").problem(NOW)).contains("invalid_number");
        assertThat(card("4242", "12/30", "123").problem(NOW)).contains("invalid_number");
        assertThat(card("4242424242424242", "13/30", "123").problem(NOW)).contains("invalid_expiry");
        assertThat(card("4242424242424242", "10/26", "123").problem(NOW)).contains("expiry_past");
        assertThat(card("4242424242424242", "11/2026", "123").problem(NOW)).as("this month still works").isEmpty();
        assertThat(card("4242424242424242", "12/30", "12").problem(NOW)).contains("invalid_cvc");
        assertThat(card("4242-4242-4242-4242", "12 / 30", " 1234 ").problem(NOW)).isEmpty();
    }

    @Test
    void stripesTestNumbersBecomeStripesTestPaymentMethods_anyOtherNumberALiveCard() {
        assertThat(card("4242 4242 4242 4242", "12/30", "123").paymentMethod()).isEqualTo("pm_card_visa");
        assertThat(card("4000000000000002", "12/30", "123").paymentMethod()).isEqualTo("pm_card_visa_chargeDeclined");
        assertThat(card("4111111111111111", "12/30", "123").paymentMethod()).isEqualTo(SandboxCard.LIVE_CARD);
        assertThat(card("4242424242424242", "12/30", "123")).hasToString("SandboxCard[redacted]");
    }
}
