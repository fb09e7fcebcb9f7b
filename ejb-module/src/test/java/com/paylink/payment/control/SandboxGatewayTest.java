package com.paylink.payment.control;

import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox is a whole adapter of the gateway port: create, confirm, retrieve, cancel, refund. */
class SandboxGatewayTest {

    private final SandboxGateway sandbox = new SandboxGateway();
    private final Money amount = Money.of("80.00", "USD");

    @Test
    void theSameKeyGivesTheSameIntent_andRetrieveReadsItBack() {
        GatewayIntent first = sandbox.createIntent(amount, "key-1", Map.of());
        assertThat(sandbox.createIntent(amount, "key-1", Map.of()).reference()).isEqualTo(first.reference());
        assertThat(sandbox.createIntent(amount, "key-2", Map.of()).reference()).isNotEqualTo(first.reference());
        assertThat(first.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
        assertThat(sandbox.retrieve(first.reference())).isEqualTo(first);
        assertThatThrownBy(() -> sandbox.retrieve("sbx_pi_unknown")).isInstanceOf(GatewayUnavailable.class);
    }

    @Test
    void confirmDecidesByStripesTestPaymentMethods_aDeclineCanBeRetried_aSuccessIsFinal() {
        GatewayIntent intent = sandbox.createIntent(amount, "key-3", Map.of());
        GatewayIntent declined = sandbox.confirm(intent.reference(), "pm_card_visa_chargeDeclinedInsufficientFunds");
        assertThat(declined.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
        assertThat(declined.failureCode()).isEqualTo("insufficient_funds");
        assertThat(sandbox.confirm(intent.reference(), "pm_card_live").failureCode()).isEqualTo("test_mode_live_card");

        assertThat(declined.card()).as("a declined card is named on no receipt").isNull();
        GatewayIntent paid = sandbox.confirm(intent.reference(), "pm_card_visa");
        assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(paid.amountMinor()).isEqualTo(8000);
        assertThat(paid.card()).as("L12: the card as Stripe reports pm_card_visa's charge")
                .isEqualTo(new com.paylink.shared.CardSummary("visa", "4242"));
        assertThat(sandbox.retrieve(intent.reference()).card()).isEqualTo(paid.card());
        assertThat(sandbox.confirm(intent.reference(), "pm_card_visa_chargeDeclined").status())
                .as("a succeeded intent stays succeeded").isEqualTo(IntentStatus.SUCCEEDED);
        assertThatThrownBy(() -> sandbox.cancel(intent.reference())).isInstanceOf(GatewayUnavailable.class);
    }

    @Test
    void aCanceledIntentTakesNoPayment() {
        GatewayIntent intent = sandbox.createIntent(amount, "key-4", Map.of());
        assertThat(sandbox.cancel(intent.reference()).status()).isEqualTo(IntentStatus.CANCELED);
        assertThat(sandbox.confirm(intent.reference(), "pm_card_visa").status()).isEqualTo(IntentStatus.CANCELED);
    }

    @Test
    void refundsOnlyWhatWasTaken_onceperKey() {
        GatewayIntent intent = sandbox.createIntent(amount, "key-5", Map.of());
        assertThatThrownBy(() -> sandbox.refund(intent.reference(), amount, "refund-1"))
                .as("nothing taken yet").isInstanceOf(GatewayUnavailable.class);
        sandbox.confirm(intent.reference(), "pm_card_visa");
        assertThatThrownBy(() -> sandbox.refund(intent.reference(), Money.of("80.01", "USD"), "refund-1"))
                .isInstanceOf(GatewayUnavailable.class);
        GatewayRefund refund = sandbox.refund(intent.reference(), Money.of("30.00", "USD"), "refund-1");
        assertThat(refund.status()).isEqualTo(GatewayRefund.Status.SUCCEEDED);
        assertThat(refund.amountMinor()).isEqualTo(3000);
        assertThat(sandbox.refund(intent.reference(), Money.of("30.00", "USD"), "refund-1").reference())
                .isEqualTo(refund.reference());
    }
}
