package com.paylink.payment.control.stripe;

import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewaySavedCard;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.shared.Money;
import com.paylink.stripelocal.LocalStripe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 25: the Stripe adapter's stored-card calls, through stripe-java, against the local Stripe-compatible server
 * (which refuses what Stripe refuses): a customer per client (one per key), an intent that saves its card when paid,
 * the Payment Element's setupFutureUsage matching the intent's, off-session charges with Stripe's test cards that
 * succeed, need their holder (authentication_required) or are declined, detaching, and another account's customer.
 */
class StripeGatewaySavedCardsTest {

    private static final String ACCOUNT = "acct_1SavedCards0000001";
    private LocalStripe stripe;
    private StripeGateway gateway;
    private final Money fifty = Money.of("50.00", "USD");
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        stripe = new LocalStripe();
        gateway = new StripeGateway("sk_test_saved", stripe.baseUrl(), ACCOUNT);
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    /** The payer confirms in the browser, as Stripe.js sends it (the stand-in's contract). */
    private HttpResponse<String> payerConfirms(GatewayIntent intent, String number, String elementsSaving) throws Exception {
        String form = "key=pk_test_saved&_stripe_account=" + ACCOUNT + "&client_secret=" + intent.clientSecret()
                + "&payment_method_data%5Btype%5D=card&payment_method_data%5Bcard%5D%5Bnumber%5D=" + number
                + "&payment_method_data%5Bcard%5D%5Bexp_month%5D=7&payment_method_data%5Bcard%5D%5Bexp_year%5D=2031"
                + "&payment_method_data%5Bcard%5D%5Bcvc%5D=123&return_url=http%3A%2F%2F127.0.0.1%2Freturn"
                + "&_setup_future_usage=" + elementsSaving;
        return http.send(HttpRequest.newBuilder(URI.create(stripe.baseUrl() + "/v1/payment_intents/" + intent.reference() + "/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPaymentThatSavesItsCard_savesItOnTheClientsCustomer_whichIsThenChargedOffSessionOncePerKey() throws Exception {
        String customer = gateway.createCustomer("client-7", Map.of("paylink_client", "7"));
        assertThat(gateway.createCustomer("client-7", Map.of("paylink_client", "7"))).as("one customer per key").isEqualTo(customer);
        GatewayIntent intent = gateway.createIntent(fifty, "link-1-attempt-1", Map.of());
        gateway.saveCardFor(intent.reference(), customer);

        HttpResponse<String> mismatch = payerConfirms(intent, "4242424242424242", "");
        assertThat(mismatch.statusCode()).as("a Payment Element not set up to save the card is refused").isEqualTo(400);
        assertThat(mismatch.body()).contains("setup_future_usage");
        assertThat(payerConfirms(intent, "4242424242424242", "off_session").statusCode()).isEqualTo(200);

        GatewayIntent paid = gateway.retrieve(intent.reference());
        assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
        GatewaySavedCard saved = paid.saved();
        assertThat(saved).isNotNull();
        assertThat(saved.customer()).isEqualTo(customer);
        assertThat(saved).extracting(GatewaySavedCard::brand, GatewaySavedCard::last4, GatewaySavedCard::expMonth,
                GatewaySavedCard::expYear, GatewaySavedCard::funding).containsExactly("visa", "4242", 7, 2031, "credit");
        assertThat(stripe.cardsOf(customer)).hasSize(1);
        assertThat(gateway.savedCard(saved.reference()).customer()).isEqualTo(customer);

        GatewayIntent charged = gateway.chargeSaved(Money.of("20.00", "USD"), customer, saved.reference(), "charge-1", Map.of());
        assertThat(charged.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(charged.card().last4()).isEqualTo("4242");
        assertThat(gateway.chargeSaved(Money.of("20.00", "USD"), customer, saved.reference(), "charge-1", Map.of()).reference())
                .as("the same key, the same charge").isEqualTo(charged.reference());
        assertThat(stripe.offSessionCharges()).isEqualTo(1);
        assertThat(stripe.intentsOf(customer)).hasSize(2);
    }

    @Test
    void aPaymentThatDoesNotSave_attachesNothing() throws Exception {
        String customer = gateway.createCustomer("client-8", Map.of());
        GatewayIntent intent = gateway.createIntent(fifty, "link-2-attempt-1", Map.of());
        gateway.saveCardFor(intent.reference(), customer);
        gateway.saveCardFor(intent.reference(), null); // the payer unticked the box
        assertThat(payerConfirms(intent, "4242424242424242", "").statusCode()).isEqualTo(200);
        GatewayIntent paid = gateway.retrieve(intent.reference());
        assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
        assertThat(paid.saved()).isNull();
        assertThat(stripe.cardsOf(customer)).isEmpty();
    }

    @Test
    void offSession_aCardThatNeedsItsHolderOrIsDeclinedFails_withStripesCode_andNothingIsCharged() {
        String customer = gateway.createCustomer("client-9", Map.of());
        String needsHolder = stripe.saveCard(customer, "4000002760003184", 12, 2039);
        String attachesButFails = stripe.saveCard(customer, "4000000000000341", 12, 2039);
        String expired = stripe.saveCard(customer, "4242424242424242", 1, 2020);

        GatewayIntent authentication = gateway.chargeSaved(fifty, customer, needsHolder, "charge-3184", Map.of());
        assertThat(authentication.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
        assertThat(authentication.failureCode()).isEqualTo("authentication_required");
        GatewayIntent declined = gateway.chargeSaved(fifty, customer, attachesButFails, "charge-0341", Map.of());
        assertThat(declined.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
        assertThat(declined.failureCode()).isEqualTo("generic_decline");
        assertThat(gateway.chargeSaved(fifty, customer, expired, "charge-expired", Map.of()).failureCode()).isEqualTo("expired_card");
        assertThat(stripe.intentsOf(customer)).hasSize(3).allSatisfy(i -> assertThat(i.status()).isNotEqualTo("succeeded"));
    }

    @Test
    void aDetachedCardCanNeverBeChargedAgain_detachingTwiceIsNoError_andAnotherAccountsCustomerDoesNotExist() {
        String customer = gateway.createCustomer("client-10", Map.of());
        String card = stripe.saveCard(customer, "4242424242424242", 12, 2039);
        gateway.detach(card);
        gateway.detach(card);
        assertThat(stripe.card(card).detached()).isTrue();
        assertThat(gateway.savedCard(card).customer()).isNull();
        assertThatThrownBy(() -> gateway.chargeSaved(fifty, customer, card, "charge-detached", Map.of()))
                .isInstanceOf(GatewayUnavailable.class);

        String other = gateway.createCustomer("client-11", Map.of());
        String otherCard = stripe.saveCard(other, "4242424242424242", 12, 2039);
        StripeGateway elsewhere = new StripeGateway("sk_test_saved", stripe.baseUrl(), "acct_1AnotherPractice000001");
        assertThatThrownBy(() -> elsewhere.chargeSaved(fifty, other, otherCard, "charge-elsewhere", Map.of()))
                .as("a practice cannot charge another practice's client").isInstanceOf(GatewayUnavailable.class);
        assertThatThrownBy(() -> gateway.chargeSaved(fifty, customer, otherCard, "charge-wrong-customer", Map.of()))
                .as("a card of another customer").isInstanceOf(GatewayUnavailable.class);
    }
}
