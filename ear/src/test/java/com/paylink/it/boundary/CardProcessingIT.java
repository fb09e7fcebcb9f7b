package com.paylink.it.boundary;

import com.paylink.stripelocal.LocalStripe;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.payment.boundary.CardProcessingService;
import com.paylink.payment.boundary.CardProcessingStatus;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.RefundService;
import com.paylink.paymentlink.boundary.PaymentLinkRefused;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.platform.PaymentsConfig;
import com.paylink.practice.entity.CardProcessing;
import com.stripe.net.Webhook;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stripe Connect (P2, P3): each practice is paid into its own account, every request for its payments goes
 * there, and "enrolled" is what Stripe says of the account: onboarding, account.updated and refresh. And the
 * money events Stripe reports (PAY13): refunds made anywhere and disputes, each kept once. The real
 * stripe-java client against the local Stripe-compatible server.
 */
@ExtendWith(ArquillianExtension.class)
class CardProcessingIT {

    private static final String WEBHOOK_SECRET = "whsec_test_paylink";
    private static final Set<Permission> BILLING = Set.of(Permission.BILLING);
    private static final Set<Permission> ADMIN = Set.of(Permission.ADMIN);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(CardProcessingIT.class);
    }

    @EJB
    CheckoutService checkout;

    @EJB
    PaymentLinkService links;

    @EJB
    RefundService refunds;

    @EJB
    CardProcessingService cards;

    @Inject
    TestData data;

    private LocalStripe stripe;

    @BeforeEach
    void stripeMode() throws Exception {
        stripe = new LocalStripe();
        System.setProperty(PaymentsConfig.MODE, "stripe");
        System.setProperty(PaymentsConfig.STRIPE_SECRET_KEY, "sk_test_paylink");
        System.setProperty(PaymentsConfig.STRIPE_PUBLISHABLE_KEY, "pk_test_paylink");
        System.setProperty(PaymentsConfig.STRIPE_WEBHOOK_SECRET, WEBHOOK_SECRET);
        System.setProperty(PaymentsConfig.STRIPE_API_BASE, stripe.baseUrl());
    }

    @AfterEach
    void sandboxAgain() {
        stripe.close();
        for (String key : List.of(PaymentsConfig.STRIPE_SECRET_KEY, PaymentsConfig.STRIPE_PUBLISHABLE_KEY,
                PaymentsConfig.STRIPE_WEBHOOK_SECRET, PaymentsConfig.STRIPE_API_BASE)) {
            System.clearProperty(key);
        }
        System.setProperty(PaymentsConfig.MODE, "sandbox"); // as the test server starts
        com.paylink.platform.AdjustableClock.instance().reset();
    }

    private record Practice(long id, String biller, String admin, long invoice, long link) {
    }

    private Practice practice(boolean enrolled, String amount) {
        long id = data.practice(TestData.unique("Cards"), enrolled);
        String biller = data.staff(id, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        String admin = data.staff(id, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        String dr = data.staff(id, TestData.unique("dr"), true, Set.of());
        long client = data.clientWithEmails(id, TestData.unique("payer").toLowerCase() + "@example.com", null, null);
        long invoice = data.invoice(client, dr, TestData.unique("INV"), amount);
        long link = enrolled ? data.link(invoice, biller, LinkTokens.newToken(), Instant.now()) : 0;
        return new Practice(id, biller, admin, invoice, link);
    }

    @Test
    void p3_eachPracticesIntentsAndRefundsGoToItsOwnAccount_neverAnothers() throws Exception {
        Practice riverside = practice(true, "80.00");
        Practice lakeside = practice(true, "60.00");
        String riversideIntent = checkout.startStripe(riverside.link()).orElseThrow().intentId();
        String lakesideIntent = checkout.startStripe(lakeside.link()).orElseThrow().intentId();
        assertThat(stripe.accountOf(riversideIntent)).isEqualTo(data.accountOfPractice(riverside.id()));
        assertThat(stripe.accountOf(lakesideIntent)).isEqualTo(data.accountOfPractice(lakeside.id()))
                .isNotEqualTo(stripe.accountOf(riversideIntent));

        stripe.succeed(riversideIntent);
        checkout.syncStripeIntent(riversideIntent); // re-read on Riverside's account: the fake answers 404 on another
        assertThat(data.payments(riverside.invoice())).hasSize(1);
        long payment = data.paymentId(riverside.invoice());
        As.staff(riverside.biller(), BILLING, () -> refunds.refund(payment, "10.00", "overcharged"));
        assertThat(stripe.refundAccounts()).containsExactly(data.accountOfPractice(riverside.id()));
    }

    @Test
    void p2_aPracticeOnboardsWithStripe_andSendsLinksOnlyOnceItsAccountTakesCharges() throws Exception {
        Practice lakeside = practice(false, "70.00");
        assertThatThrownBy(() -> As.staff(lakeside.biller(), BILLING, () -> links.send(lakeside.invoice(), null)))
                .isInstanceOfSatisfying(PaymentLinkRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentLinkRefused.Reason.PRACTICE_NOT_ENROLLED));
        assertThatThrownBy(() -> As.staff(lakeside.biller(), BILLING, () -> cards.startOnboarding()))
                .as("Admins only").isInstanceOf(EJBAccessException.class);
        // a link from before (the single-account days): no account to be paid into, so no card payment
        long oldLink = data.link(lakeside.invoice(), lakeside.biller(), LinkTokens.newToken(), Instant.now());
        assertThat(checkout.view(oldLink).state()).isEqualTo(com.paylink.payment.boundary.CheckoutView.State.CARDS_UNAVAILABLE);
        assertThat(checkout.startStripe(oldLink)).isEmpty();
        assertThat(stripe.creates()).isZero();

        String url = As.staff(lakeside.admin(), ADMIN, () -> cards.startOnboarding());
        String account = data.accountOfPractice(lakeside.id());
        assertThat(url).isEqualTo(stripe.baseUrl() + "/_stand-in/connect/" + account);
        assertThat(As.staff(lakeside.admin(), ADMIN, () -> cards.startOnboarding())).as("the same account again")
                .isEqualTo(url);
        assertThat(stripe.accounts()).filteredOn(a -> a.id().equals(account)).hasSize(1);
        CardProcessingStatus pending = As.staff(lakeside.admin(), ADMIN, () -> cards.refresh());
        assertThat(pending.status()).isEqualTo(CardProcessing.PENDING);
        assertThat(pending.detail()).contains("external_account");
        assertThat(pending.wallets()).as("P7: no domain registered on an account that cannot take charges").isNull();
        assertThat(stripe.walletDomains(account)).isEmpty();

        // Stripe finishes onboarding and says so by webhook: the practice is enrolled, read back from Stripe
        stripe.enable(account);
        String event = stripe.accountEvent("evt_acct_" + account, account);
        assertThat(webhook(event)).isEqualTo(200);
        CardProcessingStatus enabled = As.staff(lakeside.admin(), ADMIN, () -> cards.status());
        assertThat(enabled.status()).isEqualTo(CardProcessing.ENABLED);
        // P7: the same webhook registered Paylink's public domain for wallets on the practice's own account
        String domain = java.net.URI.create(System.getProperty("paylink.public.url")).getHost();
        assertThat(stripe.walletDomains(account)).containsExactly(domain);
        assertThat(enabled.wallets().domain()).isEqualTo(domain);
        assertThat(enabled.wallets().available()).isTrue();
        assertThat(As.staff(lakeside.biller(), BILLING, () -> links.send(lakeside.invoice(), null)).invoiceId())
                .isEqualTo(lakeside.invoice());

        // Stripe restricts it later: links stop, the Admin sees Stripe's reason
        stripe.restrict(account, "requirements.past_due");
        CardProcessingStatus restricted = As.staff(lakeside.admin(), ADMIN, () -> cards.refresh());
        assertThat(restricted.status()).isEqualTo(CardProcessing.RESTRICTED);
        assertThat(restricted.detail()).contains("requirements.past_due");
        assertThatThrownBy(() -> As.staff(lakeside.biller(), BILLING, () -> links.send(lakeside.invoice(), null)))
                .isInstanceOf(PaymentLinkRefused.class);
    }

    /** A practice's link paid through Stripe; returns the intent. */
    private String paid(Practice practice) throws Exception {
        String intent = checkout.startStripe(practice.link()).orElseThrow().intentId();
        stripe.succeed(intent);
        checkout.syncStripeIntent(intent);
        assertThat(data.payments(practice.invoice())).hasSize(1);
        return intent;
    }

    @Test
    void pay13_aRefundMadeInStripeIsKeptOnce_howeverOftenAndInWhateverOrderItArrives() throws Exception {
        Practice p = practice(true, "100.00");
        String intent = paid(p);
        String refund = stripe.refundOutside(intent, 3000);
        String created = stripe.objectEvent("evt_rc_" + refund, "refund.created", stripe.refundJson(refund));
        String updated = stripe.objectEvent("evt_ru_" + refund, "refund.updated", stripe.refundJson(refund));
        String charge = stripe.objectEvent("evt_cr_" + refund, "charge.refunded", stripe.chargeJson(intent));
        // out of order, three times, partly at once: one refund row, applied once
        assertThat(webhook(updated)).isEqualTo(200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(pool.submit(() -> webhook(created)));
            }
            for (java.util.concurrent.Future<Integer> call : calls) {
                call.get(); // a concurrent copy may get 500 and would be retried by Stripe
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(webhook(created)).isEqualTo(200);
        assertThat(webhook(charge)).isEqualTo(200);
        assertThat(webhook(charge)).isEqualTo(200);
        assertThat(data.refunds(p.invoice())).containsExactly("30.00 USD SUCCEEDED");
        assertThat(data.balance(p.invoice())).isEqualTo("30.00 USD");

        // Paylink's own refund and Stripe's webhook about it: still one row for it
        long payment = data.paymentId(p.invoice());
        As.staff(p.biller(), BILLING, () -> refunds.refund(payment, "20.00", "goodwill"));
        String ours = stripe.refundIdsOf(intent).stream().filter(id -> !id.equals(refund)).findFirst().orElseThrow();
        assertThat(webhook(stripe.objectEvent("evt_rc_" + ours, "refund.created", stripe.refundJson(ours)))).isEqualTo(200);
        assertThat(webhook(stripe.objectEvent("evt_cr2_" + ours, "charge.refunded", stripe.chargeJson(intent)))).isEqualTo(200);
        assertThat(data.refunds(p.invoice())).containsExactly("30.00 USD SUCCEEDED", "20.00 USD SUCCEEDED");
        assertThat(data.balance(p.invoice())).isEqualTo("50.00 USD");

        // Stripe reports the outside refund failed after all: the money is the practice's again
        stripe.failRefund(refund);
        assertThat(webhook(stripe.objectEvent("evt_rf_" + refund, "refund.failed", stripe.refundJson(refund)))).isEqualTo(200);
        assertThat(data.refunds(p.invoice())).containsExactly("30.00 USD FAILED", "20.00 USD SUCCEEDED");
        assertThat(data.balance(p.invoice())).isEqualTo("20.00 USD");
    }

    @Test
    void pay13_aRefundCarryingAnotherPracticesKey_changesNothingOfThatPractice_andCountsAsTheSendersOwn() throws Exception {
        Practice a = practice(true, "100.00");
        paid(a);
        long paymentA = data.paymentId(a.invoice());
        As.staff(a.biller(), BILLING, () -> refunds.refund(paymentA, "40.00", "goodwill"));
        assertThat(data.refunds(a.invoice())).containsExactly("40.00 USD SUCCEEDED");
        String keyOfA = stripe.refundKeys().get(stripe.refundKeys().size() - 1);
        assertThat(keyOfA).as("unguessable: more than the row's id").matches("refund-\\d+-[0-9a-f]{32}");

        // another practice's Admin refunds their own charge in their own Stripe dashboard, naming A's refund
        Practice b = practice(true, "100.00");
        String intentB = paid(b);
        String failed = stripe.refundOutside(intentB, 4000, keyOfA);
        stripe.failRefund(failed);
        assertThat(webhook(stripe.objectEvent("evt_forged_f_" + failed, "refund.failed", stripe.refundJson(failed))))
                .isEqualTo(200);
        String made = stripe.refundOutside(intentB, 4000, keyOfA);
        assertThat(webhook(stripe.objectEvent("evt_forged_c_" + made, "refund.created", stripe.refundJson(made))))
                .isEqualTo(200);

        assertThat(data.refunds(a.invoice())).as("A's refund untouched").containsExactly("40.00 USD SUCCEEDED");
        assertThat(data.balance(a.invoice())).isEqualTo("40.00 USD");
        assertThat(data.refunds(b.invoice())).as("B's own dashboard refund, kept on B's invoice")
                .containsExactly("40.00 USD SUCCEEDED");
        assertThat(data.balance(b.invoice())).isEqualTo("40.00 USD");
    }

    @Test
    void pay13_aDisputeFlagsTheInvoiceAndTellsTheAdmins_aLostOneGivesTheMoneyBackOnce() throws Exception {
        Practice p = practice(true, "80.00");
        String intent = paid(p);
        String dispute = stripe.dispute(intent, 8000);
        assertThat(webhook(stripe.objectEvent("evt_dc_" + dispute, "charge.dispute.created", stripe.disputeJson(dispute))))
                .isEqualTo(200);
        assertThat(data.disputed(p.invoice())).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> data.notifiedOf(p.invoice(), "DISPUTE_OPENED").contains(p.admin()));

        stripe.closeDispute(dispute, "lost");
        String closed = stripe.objectEvent("evt_dx_" + dispute, "charge.dispute.closed", stripe.disputeJson(dispute));
        assertThat(webhook(closed)).isEqualTo(200);
        assertThat(webhook(stripe.objectEvent("evt_dx2_" + dispute, "charge.dispute.funds_withdrawn",
                stripe.disputeJson(dispute)))).isEqualTo(200);
        assertThat(data.disputed(p.invoice())).isFalse();
        assertThat(data.refunds(p.invoice())).as("the payment reversed once").containsExactly("80.00 USD SUCCEEDED");
        assertThat(data.balance(p.invoice())).isEqualTo("80.00 USD");
        assertThat(data.invoiceStatus(p.invoice())).isEqualTo("OPEN");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> data.notifiedOf(p.invoice(), "DISPUTE_LOST").contains(p.admin()));
        assertThat(data.notifiedOf(p.invoice(), "DISPUTE_LOST")).containsOnlyOnce(p.admin());
    }

    @Test
    void pay18_aBankDebitWhoseWebhooksAreLost_isAppliedByReconciliation_andOnePastStripesWindowIsShownToTheAdmin() throws Exception {
        Practice p = practice(true, "75.00");
        data.bankDebits(p.link(), true);
        String intent = checkout.startStripe(p.link()).orElseThrow().intentId();
        String secret = stripe.intent(intent).clientSecret();
        // the payer confirms from the bank account form (Stripe.js's request); no webhook ever reaches Paylink
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("key", "pk_test_paylink");
        form.put("_stripe_account", data.accountOfPractice(p.id()));
        form.put("client_secret", secret);
        form.put("payment_method_data[type]", "us_bank_account");
        form.put("payment_method_data[us_bank_account][routing_number]", "110000000");
        form.put("payment_method_data[us_bank_account][account_number]", "000123456789");
        form.put("payment_method_data[billing_details][name]", "Jo Payer");
        form.put("payment_method_data[billing_details][email]", "jo@example.com");
        form.put("mandate_data[customer_acceptance][type]", "online");
        form.put("mandate_data[customer_acceptance][online][user_agent]", "test");
        String body = form.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stripe.baseUrl() + "/v1/payment_intents/" + intent + "/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(stripe.status(intent)).isEqualTo("processing");
        assertThat(data.attempts(p.link())).singleElement().asString().startsWith("PENDING");

        As.staff(p.admin(), ADMIN, () -> cards.reconcileNow());
        assertThat(data.attempts(p.link())).singleElement().asString().startsWith("PROCESSING");
        assertThat(data.linkStatus(p.link())).isEqualTo("PROCESSING");
        assertThat(data.payments(p.invoice())).as("nothing posted while the bank decides").isEmpty();
        CardProcessingStatus processing = As.staff(p.admin(), ADMIN, () -> cards.status());
        assertThat(processing.bankDebits()).singleElement().satisfies(d -> {
            assertThat(d.amount()).hasToString("75.00 USD");
            assertThat(d.overdue()).isFalse();
        });

        // a week on, still processing at Stripe: the Admin sees it flagged
        com.paylink.platform.AdjustableClock.instance().advance(java.time.Duration.ofDays(8));
        CardProcessingStatus late = As.staff(p.admin(), ADMIN, () -> cards.status());
        assertThat(late.isBankDebitOverdue()).isTrue();

        // the bank answers; its webhook is lost too: reconciliation applies it, once
        stripe.finishBankDebit(intent);
        As.staff(p.admin(), ADMIN, () -> cards.reconcileNow());
        assertThat(data.payments(p.invoice())).hasSize(1);
        As.staff(p.admin(), ADMIN, () -> cards.reconcileNow());
        assertThat(data.payments(p.invoice())).as("once").hasSize(1);
        assertThat(As.staff(p.admin(), ADMIN, () -> cards.status()).bankDebits()).isEmpty();
    }

    @Test
    void pay14_whatTheWebhooksMissedIsAppliedByReconciliation_once_evenRacingTheWebhook() throws Exception {
        Practice p = practice(true, "90.00");
        String account = data.accountOfPractice(p.id());
        String intent = checkout.startStripe(p.link()).orElseThrow().intentId();
        stripe.succeed(intent);
        // Stripe recorded the payment, but its webhook never arrived
        stripe.publish(account, stripe.event("evt_lost_" + intent, "payment_intent.succeeded", intent));
        assertThat(data.payments(p.invoice())).isEmpty();

        CardProcessingStatus first = As.staff(p.admin(), ADMIN, () -> cards.reconcileNow());
        assertThat(data.payments(p.invoice())).hasSize(1);
        assertThat(first.lastReconciliation().applied()).isEqualTo(1);
        assertThat(first.lastReconciliation().isClean()).isTrue();
        CardProcessingStatus again = As.staff(p.admin(), ADMIN, () -> cards.reconcileNow());
        assertThat(again.lastReconciliation().applied()).as("nothing twice").isZero();
        assertThat(data.payments(p.invoice())).hasSize(1);

        // a refund made in Stripe's dashboard whose webhook is delivered while reconciliation runs
        String refund = stripe.refundOutside(intent, 2500);
        String event = stripe.publish(account, stripe.objectEvent("evt_race_" + refund, "refund.created",
                stripe.refundJson(refund)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Integer> hook = pool.submit(() -> webhook(event));
            java.util.concurrent.Future<CardProcessingStatus> run = pool.submit(() ->
                    As.staff(p.admin(), ADMIN, () -> cards.reconcileNow()));
            hook.get();
            run.get();
        } finally {
            pool.shutdownNow();
        }
        As.staff(p.admin(), ADMIN, () -> cards.reconcileNow()); // whichever lost the race: applied by now
        assertThat(data.refunds(p.invoice())).containsExactly("25.00 USD SUCCEEDED");
        assertThat(data.balance(p.invoice())).isEqualTo("25.00 USD");
    }

    private static int webhook(String payload) throws Exception {
        String signature = Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET, System.currentTimeMillis() / 1000);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(System.getProperty("paylink.public.url") + "/webhooks/stripe"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
