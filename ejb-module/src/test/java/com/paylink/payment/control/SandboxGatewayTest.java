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

    @Test
    void pay18_aBankDebitIsProcessingUntilTheSandboxBankAnswers_thenSucceedsOrIsReturned() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-07T15:00:00Z"));
        sandbox.clock = new java.time.Clock() {
            public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
            public java.time.Instant instant() { return now.get(); }
        };
        GatewayIntent paid = sandbox.createIntent(amount, "bank-1", Map.of(), true);
        GatewayIntent processing = sandbox.confirm(paid.reference(), "pm_usBankAccount_success");
        assertThat(processing.status()).isEqualTo(IntentStatus.PROCESSING);
        assertThat(processing.bankDebit()).isTrue();
        assertThat(sandbox.confirm(paid.reference(), "pm_card_visa").status()).as("no second payment meanwhile")
                .isEqualTo(IntentStatus.PROCESSING);
        assertThatThrownBy(() -> sandbox.cancel(paid.reference())).isInstanceOf(GatewayUnavailable.class);
        assertThat(sandbox.retrieve(paid.reference()).status()).isEqualTo(IntentStatus.PROCESSING);
        now.set(now.get().plus(SandboxGateway.BANK_DELAY));
        assertThat(sandbox.retrieve(paid.reference()).status()).isEqualTo(IntentStatus.SUCCEEDED);

        GatewayIntent returned = sandbox.createIntent(amount, "bank-2", Map.of(), true);
        sandbox.confirm(returned.reference(), "pm_usBankAccount_insufficientFunds");
        now.set(now.get().plus(SandboxGateway.BANK_DELAY));
        GatewayIntent answer = sandbox.retrieve(returned.reference());
        assertThat(answer.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
        assertThat(answer.failureCode()).isEqualTo("insufficient_funds");
    }

    @Test
    void p8_anIntentForCardsOnlyRefusesABankAccount() {
        GatewayIntent cardsOnly = sandbox.createIntent(amount, "cards-only", Map.of());
        assertThatThrownBy(() -> sandbox.confirm(cardsOnly.reference(), "pm_usBankAccount_success"))
                .isInstanceOf(GatewayUnavailable.class);
        assertThat(sandbox.retrieve(cardsOnly.reference()).status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
    }

    @Test
    void issue25_aPaymentThatSavesItsCard_isChargedLaterOncePerKey_andADetachedCardNeverAgain() {
        String customer = sandbox.createCustomer("client-1", Map.of());
        assertThat(sandbox.createCustomer("client-1", Map.of())).as("one customer per key").isEqualTo(customer);
        GatewayIntent unsaved = sandbox.createIntent(amount, "save-0", Map.of());
        sandbox.saveCardFor(unsaved.reference(), customer);
        sandbox.saveCardFor(unsaved.reference(), null);
        assertThat(sandbox.confirm(unsaved.reference(), "pm_card_visa").saved()).as("unticked: nothing saved").isNull();

        GatewayIntent intent = sandbox.createIntent(amount, "save-1", Map.of());
        sandbox.saveCardFor(intent.reference(), customer);
        GatewayIntent paid = sandbox.confirm(intent.reference(), "pm_card_visa");
        assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(paid.saved()).isNotNull();
        assertThat(paid.saved().customer()).isEqualTo(customer);
        assertThat(paid.saved().last4()).isEqualTo("4242");
        String card = paid.saved().reference();

        GatewayIntent charged = sandbox.chargeSaved(Money.of("20.00", "USD"), customer, card, "charge-1", Map.of());
        assertThat(charged.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(charged.amountMinor()).isEqualTo(2000);
        assertThat(sandbox.chargeSaved(Money.of("20.00", "USD"), customer, card, "charge-1", Map.of()).reference())
                .isEqualTo(charged.reference());
        assertThatThrownBy(() -> sandbox.chargeSaved(amount, "sbx_cus_someoneelse", card, "charge-2", Map.of()))
                .as("another customer's card").isInstanceOf(GatewayUnavailable.class);

        sandbox.detach(card);
        assertThat(sandbox.savedCard(card).customer()).isNull();
        assertThatThrownBy(() -> sandbox.chargeSaved(amount, customer, card, "charge-3", Map.of()))
                .isInstanceOf(GatewayUnavailable.class);
    }
}
