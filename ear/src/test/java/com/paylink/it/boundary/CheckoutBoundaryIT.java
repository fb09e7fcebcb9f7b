package com.paylink.it.boundary;

import com.paylink.stripelocal.LocalStripe;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.CheckoutView;
import com.paylink.payment.boundary.IntentJanitor;
import com.paylink.payment.boundary.RefundDone;
import com.paylink.payment.boundary.RefundOptions;
import com.paylink.payment.boundary.RefundRefused;
import com.paylink.payment.boundary.RefundService;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.SandboxBankAccount;
import com.paylink.payment.boundary.SandboxCard;
import com.paylink.payment.boundary.StripeStart;
import com.paylink.payment.control.DeclineGuard;
import com.paylink.payment.control.Gateways;
import com.paylink.platform.PaymentsConfig;
import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.shared.Money;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.boundary.PaymentLinkRefused;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.platform.AdjustableClock;
import com.stripe.net.Webhook;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paying a link inside WildFly on PostgreSQL: the sandbox's test-card matrix, never twice, expiry at
 * payment time with the adjustable clock, and the real stripe-java code path against a local
 * Stripe-compatible server with signed webhooks. Rules PAY1–PAY6 of the payment package.
 */
@ExtendWith(ArquillianExtension.class)
class CheckoutBoundaryIT {

    private static final String WEBHOOK_SECRET = "whsec_test_paylink";
    private static final Set<Permission> BILLING = Set.of(Permission.BILLING);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(CheckoutBoundaryIT.class);
    }

    @EJB
    CheckoutService checkout;

    @EJB
    PayerLinkService links;

    @Inject
    Gateways gateways;

    @EJB
    IntentJanitor janitor;

    @EJB
    RefundService refunds;

    @EJB
    com.paylink.payment.boundary.BankDebitSweep sweep;

    @EJB
    com.paylink.paymentlink.boundary.LinkExpirySweep expiry;

    @EJB
    PaymentLinkService staffLinks;

    @Inject
    TestData data;

    @AfterEach
    void restore() {
        AdjustableClock.instance().reset();
        for (String key : List.of(PaymentsConfig.STRIPE_SECRET_KEY, PaymentsConfig.STRIPE_PUBLISHABLE_KEY,
                PaymentsConfig.STRIPE_WEBHOOK_SECRET, PaymentsConfig.STRIPE_API_BASE)) {
            System.clearProperty(key);
        }
        System.setProperty(PaymentsConfig.MODE, "sandbox"); // as the test server starts
        System.clearProperty(DeclineGuard.PER_LINK);
    }

    /** Stripe mode, fully configured, against the local Stripe-compatible server. */
    static void useStripe(LocalStripe stripe) {
        System.setProperty(PaymentsConfig.MODE, "stripe");
        System.setProperty(PaymentsConfig.STRIPE_SECRET_KEY, "sk_test_paylink");
        System.setProperty(PaymentsConfig.STRIPE_PUBLISHABLE_KEY, "pk_test_paylink");
        System.setProperty(PaymentsConfig.STRIPE_WEBHOOK_SECRET, WEBHOOK_SECRET);
        System.setProperty(PaymentsConfig.STRIPE_API_BASE, stripe.baseUrl());
    }

    private record Fixture(long invoice, long link, String token, String biller) {
    }

    /** An enrolled practice, a client with an email, an invoice of {@code amount} and a fresh link to it. */
    private Fixture fixture(String amount) {
        long practice = data.practice(TestData.unique("Pay"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        String dr = data.staff(practice, TestData.unique("dr"), true, EnumSet.of(Permission.BILLING));
        long client = data.clientWithEmails(practice, TestData.unique("payer").toLowerCase() + "@example.com", null, null);
        long invoice = data.invoice(client, dr, TestData.unique("INV"), amount);
        String token = LinkTokens.newToken();
        long link = data.link(invoice, biller, token, Instant.now());
        return new Fixture(invoice, link, token, biller);
    }

    @Test
    void p7_theSandboxWalletPaysOnlyWhereThePracticesDomainIsRegisteredForWallets() {
        Fixture f = fixture("45.00");
        PayResult refused = checkout.paySandboxWallet(f.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE, key(),
                "203.0.113.9");
        assertThat(refused.kind()).isEqualTo(PayResult.Kind.INVALID_INPUT);
        assertThat(refused.code()).isEqualTo("wallet_unavailable");
        assertThat(checkout.view(f.link()).isSandboxWallet()).isFalse();
        assertThat(data.payments(f.invoice())).isEmpty();

        data.walletsRegistered(f.link());
        assertThat(checkout.view(f.link()).isSandboxWallet()).isTrue();
        assertThat(checkout.paySandboxWallet(f.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE, key(), "203.0.113.9")
                .kind()).isEqualTo(PayResult.Kind.PAID);
        assertThat(data.payments(f.invoice())).hasSize(1);
    }

    @Test
    void pay18_aSandboxBankDebitIsProcessingUntilItsBankAnswers_takesNothingElseMeanwhile_thenIsPostedOnce() {
        Fixture f = fixture("45.00");
        com.paylink.payment.boundary.PayAmount full = com.paylink.payment.boundary.PayAmount.FULL_BALANCE;
        SandboxBankAccount account = new SandboxBankAccount("Jo Payer", "110000000", "000123456789", true);
        PayResult off = checkout.paySandboxBank(f.link(), full, account, key(), "203.0.113.9");
        assertThat(off.code()).as("P8: off by default").isEqualTo("bank_unavailable");
        assertThat(data.attempts(f.link())).isEmpty();

        data.bankDebits(f.link(), true);
        assertThat(checkout.view(f.link()).isBankDebitOffered()).isTrue();
        assertThat(checkout.paySandboxBank(f.link(), full, new SandboxBankAccount("Jo Payer", "110000000", "000123456789", false),
                key(), "203.0.113.9").code()).isEqualTo("bank_mandate_required");
        assertThat(data.attempts(f.link())).isEmpty();

        assertThat(checkout.paySandboxBank(f.link(), full, account, key(), "203.0.113.9").kind()).isEqualTo(PayResult.Kind.PROCESSING);
        assertThat(data.payments(f.invoice())).as("not posted as paid while the bank decides").isEmpty();
        assertThat(data.balance(f.invoice())).isEqualTo("45.00 USD");
        assertThat(data.linkStatus(f.link())).isEqualTo("PROCESSING");
        CheckoutView processing = checkout.view(f.link());
        assertThat(processing.state()).isEqualTo(CheckoutView.State.BANK_PROCESSING);
        assertThat(processing.processing().amount()).hasToString("45.00 USD");
        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), "203.0.113.9").kind())
                .as("no card payment on top").isEqualTo(PayResult.Kind.PROCESSING);
        assertThatThrownBy(() -> As.staff(f.biller(), BILLING, () -> staffLinks.send(f.invoice(), null)))
                .isInstanceOfSatisfying(PaymentLinkRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentLinkRefused.Reason.BANK_PAYMENT_PROCESSING));
        AdjustableClock.instance().advance(Duration.ofDays(2)); // past the link's expiry: the debit was started in time
        expiry.sweep(100);
        janitor.cancelStaleIntents();
        assertThat(data.linkStatus(f.link())).isEqualTo("PROCESSING");
        assertThat(data.payments(f.invoice())).isEmpty();

        AdjustableClock.instance().advance(com.paylink.payment.control.SandboxGateway.BANK_DELAY);
        sweep.applyAnswers();
        assertThat(data.payments(f.invoice())).hasSize(1);
        assertThat(data.linkStatus(f.link())).isEqualTo("PAID");
        assertThat(data.paymentCards(f.invoice())).containsExactly("us_bank_account 6789");
        sweep.applyAnswers();
        assertThat(data.payments(f.invoice())).as("once").hasSize(1);
    }

    @Test
    void pay18_aSandboxDebitTheBankReturns_reopensNothingThatWasPaid_andAFreshLinkTakesTheOldOnesPlace() {
        Fixture f = fixture("30.00");
        data.bankDebits(f.link(), true);
        assertThat(checkout.paySandboxBank(f.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE,
                new SandboxBankAccount("Jo Payer", "110000000", "000111111113", true), key(), "203.0.113.9").kind())
                .isEqualTo(PayResult.Kind.PROCESSING);
        AdjustableClock.instance().advance(com.paylink.payment.control.SandboxGateway.BANK_DELAY);
        sweep.applyAnswers();
        assertThat(data.payments(f.invoice())).isEmpty();
        assertThat(data.attempts(f.link())).singleElement().asString().startsWith("RETURNED");
        assertThat(data.linkStatuses(f.invoice())).containsExactly("RETURNED", "ACTIVE");
        assertThat(data.audit(f.invoice())).anyMatch(a -> a.contains("BANK_DEBIT_RETURNED"))
                .anyMatch(a -> a.contains("RESENT_AFTER_RETURN"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> data.notifiedOf(f.invoice(), "BANK_PAYMENT_RETURNED").size() == 2);
        assertThat(data.notifiedOf(f.invoice(), "BANK_PAYMENT_RETURNED")).as("its two Billing staff (it has no Admin)")
                .hasSize(2).contains(f.biller());
        // the fresh link pays by card
        long fresh = data.activeLink(f.invoice());
        assertThat(checkout.view(fresh).isPayable()).isTrue();
    }

    private static SandboxCard card(String number) {
        return new SandboxCard("Jo Payer", number, "12/39", "123", "02139");
    }

    private static String key() {
        return LinkTokens.newToken();
    }

    @Test
    void theLastViewIsKeptToTheMinute_soOpeningsInABurstWriteNothing() {
        Fixture f = fixture("30.00");
        links.open(f.token());
        java.time.Instant first = data.lastViewed(f.link());
        assertThat(first).isNotNull();
        AdjustableClock.instance().advance(Duration.ofSeconds(30));
        links.open(f.token());
        assertThat(data.lastViewed(f.link())).as("opened again within the minute: not written").isEqualTo(first);
        AdjustableClock.instance().advance(Duration.ofSeconds(31));
        links.open(f.token());
        assertThat(data.lastViewed(f.link())).as("a minute later: the new view is recorded").isAfter(first);
        assertThat(data.firstViewed(f.link())).as("the first view stays").isEqualTo(first);
    }

    @Test
    void openingALinkOnlyRecordsTheView_andEveryBadTokenLooksUnknown() {
        Fixture f = fixture("80.00");
        assertThat(links.open(f.token())).contains(f.link());
        assertThat(links.open(f.token())).as("a second GET still works").contains(f.link());
        assertThat(data.firstViewed(f.link())).isNotNull();
        assertThat(data.linkStatus(f.link())).isEqualTo("ACTIVE");
        assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.PAYABLE);

        char last = f.token().charAt(42);
        String mutated = f.token().substring(0, 42) + (last == 'A' ? 'B' : 'A');
        for (String bad : new String[]{mutated, LinkTokens.newToken(), "x".repeat(5000), "ééééééééééééééééééééééééééééééééééééééééééé",
                "", f.token() + "A", f.token().substring(1), "../../etc/passwd", null}) {
            assertThat(links.open(bad)).as(String.valueOf(bad).substring(0, Math.min(10, String.valueOf(bad).length())))
                    .isEmpty();
        }
        CheckoutView unknown = checkout.view(null);
        assertThat(unknown.state()).isEqualTo(CheckoutView.State.UNAVAILABLE);
        assertThat(unknown.practiceName()).isNull();
    }

    @Test
    void manyOpensOfOneLinkAtOnceAllSucceed() throws Exception {
        Fixture f = fixture("30.00");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<java.util.Optional<Long>>> opens = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                opens.add(pool.submit(() -> links.open(f.token())));
            }
            for (Future<java.util.Optional<Long>> open : opens) {
                assertThat(open.get()).contains(f.link());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.firstViewed(f.link())).isNotNull();
        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind()).isEqualTo(PayResult.Kind.PAID);
    }

    @Test
    void theSandboxHonoursStripesTestCards_andADeclineLeavesTheLinkUsable() {
        System.setProperty(DeclineGuard.PER_LINK, "20"); // the whole test-card matrix on one link
        Fixture f = fixture("125.00");
        Map<String, String> declines = Map.of(
                "4000000000000002", "card_declined", "4000000000009995", "insufficient_funds",
                "4000000000000069", "expired_card", "4000000000000127", "incorrect_cvc",
                "4000000000000119", "processing_error", "4000002760003184", "authentication_required");
        declines.forEach((number, code) -> {
            PayResult result = checkout.paySandbox(f.link(), card(number), key(), null);
            assertThat(result.kind()).as(number).isEqualTo(PayResult.Kind.DECLINED);
            assertThat(result.code()).isEqualTo(code);
        });
        assertThat(checkout.paySandbox(f.link(), card("4111 1111 1111 1111"), key(), null).code()).isEqualTo("test_mode_live_card");
        assertThat(checkout.paySandbox(f.link(), card("4242 4242 4242 4241"), key(), null).kind()).isEqualTo(PayResult.Kind.INVALID_INPUT);
        assertThat(checkout.paySandbox(f.link(), new SandboxCard("Jo", "4242424242424242", "01/20", "123", ""), key(), null).code())
                .isEqualTo("expiry_past");
        assertThat(checkout.paySandbox(f.link(), new SandboxCard("Jo", "4242424242424242", "12/39", "12", ""), key(), null).code())
                .isEqualTo("invalid_cvc");
        assertThat(data.linkStatus(f.link())).isEqualTo("ACTIVE");
        assertThat(data.payments(f.invoice())).isEmpty();

        PayResult paid = checkout.paySandbox(f.link(), card("4242 4242 4242 4242"), key(), null);
        assertThat(paid.kind()).isEqualTo(PayResult.Kind.PAID);
        assertThat(paid.receiptNumber()).matches("R-[2-9A-HJ-NP-Z]{10}");
        assertThat(data.payments(f.invoice())).containsExactly("125.00 USD " + paid.receiptNumber());
        assertThat(data.paymentCards(f.invoice())).as("L12: the test card's brand and last four, nothing more")
                .containsExactly("visa 4242");
        assertThat(data.invoiceStatus(f.invoice())).isEqualTo("PAID");
        assertThat(data.linkStatus(f.link())).isEqualTo("PAID");
        assertThat(data.audit(f.invoice())).anyMatch(a -> a.startsWith("PAID "));
        CheckoutView view = checkout.view(f.link());
        assertThat(view.state()).isEqualTo(CheckoutView.State.PAID);
        assertThat(view.receiptNumber()).isEqualTo(paid.receiptNumber());
    }

    @Test
    void aRetriedPostAndConcurrentTabsPayExactlyOnce() throws Exception {
        Fixture f = fixture("60.00");
        String sameForm = key();
        PayResult first = checkout.paySandbox(f.link(), card("4242424242424242"), sameForm, null);
        PayResult retried = checkout.paySandbox(f.link(), card("4242424242424242"), sameForm, null);
        assertThat(retried).isEqualTo(first);
        assertThat(data.payments(f.invoice())).hasSize(1);

        Fixture race = fixture("70.00");
        int tabs = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        try {
            List<Future<PayResult>> results = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                String formKey = i == 3 ? results.isEmpty() ? key() : "double-click" : (i == 2 ? "double-click" : key());
                Callable<PayResult> pay = () -> {
                    start.await();
                    return checkout.paySandbox(race.link(), card("4242424242424242"), formKey, null);
                };
                results.add(pool.submit(pay));
            }
            start.countDown();
            List<PayResult.Kind> kinds = new ArrayList<>();
            for (Future<PayResult> result : results) {
                kinds.add(result.get().kind());
            }
            assertThat(kinds).containsOnly(PayResult.Kind.PAID, PayResult.Kind.ALREADY_PAID);
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.payments(race.invoice())).hasSize(1);
        assertThat(data.invoiceStatus(race.invoice())).isEqualTo("PAID");
    }

    @Test
    void expiryIsCheckedAtPaymentTime_evenIfNoSweepRan() {
        Fixture f = fixture("90.00");
        AdjustableClock.instance().advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind())
                .isEqualTo(PayResult.Kind.UNAVAILABLE);
        assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.UNAVAILABLE);
        assertThat(data.linkStatus(f.link())).as("no sweep ran").isEqualTo("ACTIVE");
        assertThat(data.payments(f.invoice())).isEmpty();

        Fixture justInTime = fixture("90.00");
        AdjustableClock.instance().reset();
        AdjustableClock.instance().advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(checkout.paySandbox(justInTime.link(), card("4242424242424242"), key(), null).kind())
                .isEqualTo(PayResult.Kind.PAID);
    }

    @Test
    void aReceiptCarriesTheSameMessageIdOnEveryAttempt_soADuplicateAfterACrashShowsOnce() throws Exception {
        try (Mailbox mail = Mailbox.start()) {
            Fixture f = fixture("35.00");
            assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind()).isEqualTo(PayResult.Kind.PAID);
            String payer = data.recipientOf(f.link());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !mail.to(payer).isEmpty());
            jakarta.mail.internet.MimeMessage receipt = mail.to(payer).get(0);
            String from = ((jakarta.mail.internet.InternetAddress) receipt.getFrom()[0]).getAddress();
            long payment = data.paymentId(f.invoice());
            assertThat(receipt.getMessageID()).as("derived from the mail's key, not random")
                    .isEqualTo(com.paylink.mail.boundary.Mailer.stableMessageId("receipt:" + payment,
                            new com.paylink.mail.boundary.OutgoingMail(null, from, payer, null, null, null)));
        }
    }

    @Test
    void pl10_emailMeANewLinkRenewsOnlyAnExpiredLink_toItsAddress_inThePracticesName_atMostEvery15Minutes()
            throws Exception {
        try (Mailbox mail = Mailbox.start()) {
            Fixture f = fixture("45.00");
            links.requestNewLink(f.link());
            assertThat(data.linkCount(f.invoice())).as("an active link is not renewed").isEqualTo(1);

            AdjustableClock.instance().advance(Duration.ofHours(25));
            links.requestNewLink(f.link());
            assertThat(data.linkStatuses(f.invoice())).containsExactly("EXPIRED", "ACTIVE");
            assertThat(data.audit(f.invoice())).last().asString().startsWith("RESENT_ON_REQUEST ");
            String payer = data.recipientOf(f.link());
            long renewed = data.activeLink(f.invoice());
            assertThat(data.recipientOf(renewed)).as("the address the expired link went to").isEqualTo(payer);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !mail.to(payer).isEmpty());
            assertThat(((jakarta.mail.internet.InternetAddress) mail.to(payer).get(0).getFrom()[0]).getPersonal())
                    .as("in the practice's name, not a staff member's").startsWith("Pay-");
            links.requestNewLink(f.link());
            assertThat(data.linkCount(f.invoice())).as("the renewed link still works: nothing new").isEqualTo(2);

            // staff revoke the renewed link: the payer cannot revive it
            As.staff(f.biller(), BILLING, () -> staffLinks.revoke(f.invoice()));
            AdjustableClock.instance().advance(Duration.ofMinutes(16));
            links.requestNewLink(renewed);
            assertThat(data.linkStatuses(f.invoice())).as("a revoked link stays revoked").containsExactly("EXPIRED", "REVOKED");

            // from the expired one: at most every 15 minutes
            AdjustableClock.instance().reset();
            AdjustableClock.instance().advance(Duration.ofHours(25).plusMinutes(14));
            links.requestNewLink(f.link());
            assertThat(data.linkCount(f.invoice())).as("at most every 15 minutes").isEqualTo(2);
            AdjustableClock.instance().advance(Duration.ofMinutes(2));
            links.requestNewLink(f.link());
            assertThat(data.linkStatuses(f.invoice())).containsExactly("EXPIRED", "REVOKED", "ACTIVE");

            links.requestNewLink(null);
            links.requestNewLink(Long.MAX_VALUE);
            assertThat(data.linkCount(f.invoice())).isEqualTo(3);
        }
    }

    @Test
    void pl10_aNewLinkAskedForOnARevokedLink_reachesTheStaffMemberWhoSentIt_atMostEvery15Minutes() throws Exception {
        Fixture f = fixture("35.00");
        As.staff(f.biller(), BILLING, () -> staffLinks.revoke(f.invoice()));
        links.requestNewLink(f.link());
        assertThat(data.linkStatuses(f.invoice())).as("nothing sent on its own").containsExactly("REVOKED");
        assertThat(data.audit(f.invoice())).last().asString().startsWith("NEW_LINK_ASKED ");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> !data.notifiedOf(f.invoice(), "NEW_LINK_ASKED").isEmpty());
        assertThat(data.notifiedOf(f.invoice(), "NEW_LINK_ASKED")).as("the one who sent it, not every Admin")
                .containsExactly(f.biller());

        AdjustableClock.instance().advance(Duration.ofMinutes(14));
        links.requestNewLink(f.link());
        AdjustableClock.instance().advance(Duration.ofMinutes(2));
        links.requestNewLink(f.link());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> data.notifiedOf(f.invoice(), "NEW_LINK_ASKED").size() == 2);
        org.awaitility.Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .until(() -> data.notifiedOf(f.invoice(), "NEW_LINK_ASKED").size() == 2); // and stays so: one per 15 minutes

        // staff sent a new link meanwhile: the client has one, nothing to decide
        As.staff(f.biller(), BILLING, () -> staffLinks.send(f.invoice(), null));
        AdjustableClock.instance().advance(Duration.ofMinutes(20));
        links.requestNewLink(f.link());
        assertThat(data.audit(f.invoice())).last().asString().doesNotStartWith("NEW_LINK_ASKED ");
    }

    @Test
    void pl4_afterAResendTheOldLinkTakesNoPayment() throws Exception {
        Fixture f = fixture("55.00");
        As.staff(f.biller(), BILLING, () -> staffLinks.send(f.invoice(), null));
        assertThat(data.linkStatus(f.link())).isEqualTo("REVOKED");

        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind())
                .isEqualTo(PayResult.Kind.UNAVAILABLE);
        assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.UNAVAILABLE);
        assertThat(data.payments(f.invoice())).isEmpty();
        assertThat(data.invoiceStatus(f.invoice())).isEqualTo("OPEN");
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            assertThat(checkout.startStripe(f.link())).as("no intent for a replaced link").isEmpty();
            assertThat(stripe.creates()).isZero();
        }
    }

    @Test
    void theSandboxTakesNothingWhileStripeIsTheGateway() throws Exception {
        Fixture f = fixture("65.00");
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind())
                    .isEqualTo(PayResult.Kind.UNAVAILABLE);
        }
        assertThat(data.payments(f.invoice())).isEmpty();
    }

    @Test
    void pay7_stripeModeWithoutItsKeysTakesNoPaymentAnywhere_andSaysWhy() throws Exception {
        Fixture f = fixture("75.00");
        System.setProperty(PaymentsConfig.MODE, "stripe"); // no keys at all: a production server set up halfway
        assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.CARDS_UNAVAILABLE);
        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind())
                .as("no fallback to the sandbox").isEqualTo(PayResult.Kind.UNAVAILABLE);
        assertThat(checkout.startStripe(f.link())).isEmpty();
        assertThatThrownBy(() -> As.staff(f.biller(), BILLING, () -> staffLinks.send(f.invoice(), null)))
                .isInstanceOfSatisfying(PaymentLinkRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentLinkRefused.Reason.CARD_PROCESSING_NOT_CONFIGURED));
        HttpResponse<String> health = readiness();
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"payments\"", "paylink.stripe.secret.key is not set");

        // a malformed key is no better: a publishable key where the secret key belongs
        System.setProperty(PaymentsConfig.STRIPE_SECRET_KEY, "pk_live_oops1234");
        System.setProperty(PaymentsConfig.STRIPE_PUBLISHABLE_KEY, "pk_live_abcd1234");
        System.setProperty(PaymentsConfig.STRIPE_WEBHOOK_SECRET, "whsec_abcd1234");
        assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.CARDS_UNAVAILABLE);
        assertThat(readiness().body()).contains("paylink.stripe.secret.key is malformed").doesNotContain("oops");
        assertThat(data.payments(f.invoice())).isEmpty();
        assertThat(data.linkCount(f.invoice())).isEqualTo(1);

        System.setProperty(PaymentsConfig.MODE, "sandbox");
        assertThat(readiness().statusCode()).isEqualTo(200);
        PayResult paid = checkout.paySandbox(f.link(), card("4242424242424242"), key(), null);
        assertThat(paid.kind()).isEqualTo(PayResult.Kind.PAID);
        assertThat(data.paymentReferences(f.invoice())).as("recorded as a sandbox payment")
                .containsExactly("Payment link (sandbox: no real charge)");
    }

    @Test
    void pay8_renderingThePaymentPageCallsNoStripe_theIntentIsMadeWhenThePayerPressesPay() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            Fixture f = fixture("95.00");
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String base = System.getProperty("paylink.public.url");
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/pay/" + f.token())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"stripe-checkout\"", "data-amount=\"9500\"", "data-currency=\"usd\"",
                    "data-return-url=\"" + base + "/checkout/return.xhtml\"");
            browser.send(HttpRequest.newBuilder(URI.create(base + "/checkout/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stripe.requests()).as("rendering calls no Stripe").isZero();

            java.util.regex.Matcher form = java.util.regex.Pattern.compile("data-form=\"([^\"]+)\"").matcher(page.body());
            assertThat(form.find()).isTrue();
            HttpRequest.Builder pay = HttpRequest.newBuilder(URI.create(base + "/checkout/intent"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            assertThat(browser.send(pay.copy().header("X-Paylink-Form", "forged").build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).as("another site cannot make intents").isEqualTo(403);
            HttpResponse<String> first = browser.send(pay.copy().header("X-Paylink-Form", form.group(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> again = browser.send(pay.copy().header("X-Paylink-Form", form.group(1)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("\"clientSecret\":\"pi_").isEqualTo(again.body());
            assertThat(stripe.creates()).as("one intent per link").isEqualTo(1);
            String intent = first.body().replaceAll(".*\"(pi_[A-Za-z0-9]+)_secret.*", "$1");
            assertThat(stripe.metadata(intent)).containsEntry("paylink_link_id", String.valueOf(f.link()))
                    .containsKey("paylink_attempt_id");
        }
    }

    @Test
    void pay8_theIntentFollowsTheLiveBalance_andNoLockIsHeldWhileStripeAnswers() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            Fixture f = fixture("100.00");
            java.util.concurrent.CountDownLatch release = stripe.holdCreates();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<java.util.Optional<StripeStart>> starting = pool.submit(() -> checkout.startStripe(f.link()));
                assertThat(stripe.awaitCreate(10)).isTrue();
                // while Paylink waits for Stripe (held for up to 30 s), staff can still post to the invoice:
                // no row lock is held; with one, this would wait for the held call and time out here
                pool.submit(() -> data.pay(f.invoice(), "40.00")).get(10, java.util.concurrent.TimeUnit.SECONDS);
                release.countDown();
                StripeStart start = starting.get(30, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
                assertThat(stripe.amount(start.intentId())).isEqualTo(10000);

                StripeStart again = checkout.startStripe(f.link()).orElseThrow();
                assertThat(again.intentId()).as("the same intent").isEqualTo(start.intentId());
                assertThat(stripe.amount(start.intentId())).as("re-priced to the live balance").isEqualTo(6000);
                assertThat(stripe.creates()).isEqualTo(1);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void pay9_aRevokedLinksIntentIsCanceledAtStripe_andAPaidOneIsSettledNotCanceled() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            Fixture revoked = fixture("35.00");
            String open = checkout.startStripe(revoked.link()).orElseThrow().intentId();
            As.staff(revoked.biller(), BILLING, () -> staffLinks.revoke(revoked.invoice()));

            Fixture live = fixture("55.00");
            String stillLive = checkout.startStripe(live.link()).orElseThrow().intentId();

            Fixture raced = fixture("45.00");
            String paidMeanwhile = checkout.startStripe(raced.link()).orElseThrow().intentId();
            stripe.succeed(paidMeanwhile); // the payer paid; the webhook has not arrived when the link expires
            As.staff(raced.biller(), BILLING, () -> staffLinks.revoke(raced.invoice()));

            janitor.cancelStaleIntents();
            assertThat(stripe.status(open)).isEqualTo("canceled");
            assertThat(checkout.startStripe(revoked.link())).isEmpty();
            assertThat(stripe.status(paidMeanwhile)).as("money taken is never canceled").isEqualTo("succeeded");
            assertThat(data.payments(raced.invoice())).hasSize(1);
            assertThat(stripe.status(stillLive)).isEqualTo("requires_payment_method");
            assertThat(janitor.cancelStaleIntents()).as("nothing twice").isZero();
        }
    }

    @Test
    void pay10_theSixthDeclineLocksTheLink_theAdminsHearOfIt_andAGoodCardThenPaysNothing() throws Exception {
        Fixture f = fixture("85.00");
        String admin = data.staff(data.practiceOfInvoice(f.invoice()), TestData.unique("admin"), false,
                EnumSet.of(Permission.ADMIN));
        for (int i = 1; i <= 5; i++) {
            assertThat(checkout.paySandbox(f.link(), card("4000000000000002"), key(), "203.0.113." + i).kind())
                    .as("decline " + i).isEqualTo(PayResult.Kind.DECLINED);
        }
        assertThat(checkout.view(f.link()).state()).as("five declines are allowed").isEqualTo(CheckoutView.State.PAYABLE);
        assertThat(checkout.paySandbox(f.link(), card("4000000000009995"), key(), "203.0.113.6").kind())
                .isEqualTo(PayResult.Kind.LOCKED);
        assertThat(data.linkStatus(f.link())).isEqualTo("LOCKED");
        assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.LOCKED);
        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), "198.51.100.1").kind())
                .isEqualTo(PayResult.Kind.LOCKED);
        assertThat(data.payments(f.invoice())).isEmpty();
        assertThat(data.audit(f.invoice())).last().asString().startsWith("LOCKED ");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> data.notified(f.invoice()).contains(admin));
        assertThat(data.notified(f.invoice())).as("Admins only, once").containsExactly(admin);
        links.requestNewLink(f.link());
        assertThat(data.linkCount(f.invoice())).as("a locked link is not renewed by the payer").isEqualTo(1);
    }

    @Test
    void pay10_anAddressPastTenDeclinesAnHourPaysOnNoLink() {
        String address = "192.0.2." + (int) (Math.random() * 200 + 20);
        Fixture first = fixture("20.00");
        Fixture second = fixture("20.00");
        for (int i = 1; i <= 5; i++) {
            checkout.paySandbox(first.link(), card("4000000000000002"), key(), address);
            checkout.paySandbox(second.link(), card("4000000000000002"), key(), address);
        }
        assertThat(data.linkStatus(first.link())).isEqualTo("ACTIVE");
        Fixture third = fixture("20.00");
        assertThat(checkout.paySandbox(third.link(), card("4000000000000002"), key(), address).kind())
                .as("the eleventh decline in the hour").isEqualTo(PayResult.Kind.LOCKED);
        Fixture fourth = fixture("20.00");
        assertThat(checkout.paySandbox(fourth.link(), card("4242424242424242"), key(), address).kind())
                .as("not even a good card from that address").isEqualTo(PayResult.Kind.LOCKED);
        assertThat(data.payments(fourth.invoice())).isEmpty();
        Fixture elsewhere = fixture("20.00");
        assertThat(checkout.paySandbox(elsewhere.link(), card("4242424242424242"), key(), "198.51.100.77").kind())
                .isEqualTo(PayResult.Kind.PAID);
        AdjustableClock.instance().advance(Duration.ofMinutes(61));
        Fixture later = fixture("20.00");
        assertThat(checkout.paySandbox(later.link(), card("4242424242424242"), key(), address).kind())
                .as("an hour later").isEqualTo(PayResult.Kind.PAID);
    }

    @Test
    void pay10_inStripeModeDeclinesCountPerAddressToo_andALockedLinksIntentIsCanceledAtOnce() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            System.setProperty(DeclineGuard.PER_ADDRESS, "3");
            try {
                String address = "192.0.2." + (int) (Math.random() * 200 + 20);
                Fixture first = fixture("20.00");
                Fixture second = fixture("20.00");
                // Stripe's webhooks report the declines; each counts against the address the payment started from
                for (Fixture f : List.of(first, second, first)) {
                    String intent = checkout.startStripe(f.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE, address)
                            .orElseThrow().intentId();
                    stripe.decline(intent, "card_declined");
                    String failed = stripe.event("evt_decl_" + key(), "payment_intent.payment_failed", intent);
                    assertThat(webhook(failed, sign(failed))).isEqualTo(200);
                }
                assertThat(data.linkStatus(first.link())).as("two declines on it, two from the address: not yet")
                        .isEqualTo("ACTIVE");
                String third = checkout.startStripe(second.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE, address)
                        .orElseThrow().intentId();
                stripe.decline(third, "card_declined");
                String event = stripe.event("evt_decl_" + key(), "payment_intent.payment_failed", third);
                assertThat(webhook(event, sign(event))).isEqualTo(200);
                assertThat(data.linkStatus(second.link())).as("the address's fourth decline in the hour locks the link")
                        .isEqualTo("LOCKED");
                assertThat(stripe.status(third)).as("its intent canceled at once, not at the janitor's next run")
                        .isEqualTo("canceled");

                Fixture fourth = fixture("20.00");
                assertThat(checkout.startStripe(fourth.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE, address))
                        .as("that address starts no payment on any link").isEmpty();
                assertThat(data.linkStatus(fourth.link())).isEqualTo("LOCKED");
                Fixture elsewhere = fixture("20.00");
                assertThat(checkout.startStripe(elsewhere.link(), com.paylink.payment.boundary.PayAmount.FULL_BALANCE,
                        "198.51.100.77")).isPresent();
            } finally {
                System.clearProperty(DeclineGuard.PER_ADDRESS);
            }
        }
    }

    @Test
    void pay11_aChargeAfterTheInvoiceWasPaidIsRefundedOnce_thePayerAndTheAdminsAreTold() throws Exception {
        try (LocalStripe stripe = new LocalStripe(); Mailbox mail = Mailbox.start()) {
            useStripe(stripe);
            Fixture f = fixture("65.00");
            String admin = data.staff(data.practiceOfInvoice(f.invoice()), TestData.unique("admin"), false,
                    EnumSet.of(Permission.ADMIN));
            String oldTab = checkout.startStripe(f.link()).orElseThrow().intentId();
            As.staff(f.biller(), BILLING, () -> staffLinks.send(f.invoice(), null)); // the biller resends
            long newLink = data.activeLink(f.invoice());
            String newTab = checkout.startStripe(newLink).orElseThrow().intentId();
            stripe.succeed(newTab);
            assertThat(checkout.syncStripeIntent(newTab).kind()).isEqualTo(PayResult.Kind.PAID);

            stripe.succeed(oldTab); // the payer also paid in the tab of the first link
            assertThat(checkout.syncStripeIntent(oldTab).kind()).isEqualTo(PayResult.Kind.CHARGE_REFUNDED);
            assertThat(data.payments(f.invoice())).as("posted once").hasSize(1);

            assertThat(janitor.refundUnpostableCharges()).isEqualTo(1);
            assertThat(janitor.refundUnpostableCharges()).as("once").isZero();
            assertThat(stripe.refunded(oldTab)).isEqualTo(6500);
            assertThat(stripe.refunded(newTab)).isZero();
            assertThat(checkout.syncStripeIntent(oldTab).kind()).isEqualTo(PayResult.Kind.CHARGE_REFUNDED);

            String payer = data.recipientOf(f.link());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mail.to(payer).stream()
                    .anyMatch(m -> Mailbox.text(m).contains("refunded the full $65.00")));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> data.notifiedOf(f.invoice(), "CHARGE_REFUNDED").contains(admin));
        }
    }

    private RefundRefused.Reason refused(String user, long payment, String amount, String reason) {
        try {
            As.staff(user, BILLING, () -> refunds.refund(payment, amount, reason));
        } catch (RefundRefused e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the refund was made");
    }

    @Test
    void pay12_aPartialThenAFullRefundThroughStripe_theBalanceRises_thePayerIsTold() throws Exception {
        try (LocalStripe stripe = new LocalStripe(); Mailbox mail = Mailbox.start()) {
            useStripe(stripe);
            Fixture f = fixture("100.00");
            String intent = checkout.startStripe(f.link()).orElseThrow().intentId();
            stripe.succeed(intent);
            checkout.syncStripeIntent(intent);
            long payment = data.paymentId(f.invoice());
            RefundOptions options = As.staff(f.biller(), BILLING, () -> refunds.options(payment));
            assertThat(options.refundable()).isEqualTo(Money.of("100.00", "USD"));
            assertThat(options.receiptNumber()).matches("R-[2-9A-HJ-NP-Z]{10}");

            assertThat(refused(f.biller(), payment, "abc", "duplicate")).isEqualTo(RefundRefused.Reason.INVALID_AMOUNT);
            assertThat(refused(f.biller(), payment, "0", "duplicate")).isEqualTo(RefundRefused.Reason.INVALID_AMOUNT);
            assertThat(refused(f.biller(), payment, "100.01", "duplicate")).isEqualTo(RefundRefused.Reason.AMOUNT_TOO_HIGH);
            assertThat(refused(f.biller(), payment, "30.00", " ")).isEqualTo(RefundRefused.Reason.REASON_REQUIRED);
            assertThat(stripe.refundKeys()).as("nothing asked of Stripe").isEmpty();

            RefundDone part = As.staff(f.biller(), BILLING, () -> refunds.refund(payment, "30.00", "charged twice for one session"));
            assertThat(part.amount()).isEqualTo(Money.of("30.00", "USD"));
            assertThat(part.stillRefundable()).isEqualTo(Money.of("70.00", "USD"));
            assertThat(stripe.refunded(intent)).isEqualTo(3000);
            assertThat(stripe.refundKeys()).singleElement().asString()
                    .as("our key: the row's id and a random part nobody can guess").matches("refund-" + part.refundId() + "-[0-9a-f]{32}");
            assertThat(data.invoiceStatus(f.invoice())).isEqualTo("PARTIALLY_PAID");
            assertThat(data.balance(f.invoice())).isEqualTo("30.00 USD");
            assertThat(refused(f.biller(), payment, "70.01", "rest")).isEqualTo(RefundRefused.Reason.AMOUNT_TOO_HIGH);

            RefundDone rest = As.staff(f.biller(), BILLING, () -> refunds.refund(payment, "", "session cancelled"));
            assertThat(rest.amount()).isEqualTo(Money.of("70.00", "USD"));
            assertThat(stripe.refunded(intent)).isEqualTo(10000);
            assertThat(data.invoiceStatus(f.invoice())).isEqualTo("OPEN");
            assertThat(data.balance(f.invoice())).isEqualTo("100.00 USD");
            assertThat(refused(f.biller(), payment, "1.00", "again")).isEqualTo(RefundRefused.Reason.NOT_REFUNDABLE);

            String payer = data.recipientOf(f.link());
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mail.to(payer).stream()
                    .filter(m -> Mailbox.text(m).contains("refunded")).count() == 2);
            assertThat(mail.to(payer).stream().map(Mailbox::text))
                    .anyMatch(t -> t.contains("refunded $30.00 of your payment of $100.00"))
                    .allMatch(t -> !t.contains("charged twice") && !t.contains("Therapy"));
        }
    }

    @Test
    void pay12_refundsAreForBillingStaffOfThePractice_forLinkPaymentsOnly_andAGatewayRefusalChangesNothing() throws Exception {
        Fixture f = fixture("50.00");
        assertThat(checkout.paySandbox(f.link(), card("4242424242424242"), key(), null).kind()).isEqualTo(PayResult.Kind.PAID);
        long payment = data.paymentId(f.invoice());
        String frontDesk = data.staff(data.practiceOfInvoice(f.invoice()), TestData.unique("front"), false, Set.of());
        assertThatThrownBy(() -> As.staff(frontDesk, Set.of(), () -> refunds.refund(payment, "", "x")))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        assertThatThrownBy(() -> As.staff(frontDesk, BILLING, () -> refunds.refund(payment, "", "x")))
                .as("the role is forged; the database says no").isInstanceOf(com.paylink.shared.PermissionDeniedException.class);
        Fixture other = fixture("10.00");
        assertThatThrownBy(() -> As.staff(other.biller(), BILLING, () -> refunds.options(payment)))
                .isInstanceOf(com.paylink.shared.NotFoundException.class);
        String dr = data.staff(data.practiceOfInvoice(f.invoice()), TestData.unique("dr"), true, Set.of());
        long cash = data.invoice(data.clientOfInvoice(f.invoice()), dr, TestData.unique("C"), "20.00");
        data.pay(cash, "20.00");
        assertThat(refused(f.biller(), data.paymentId(cash), "", "x")).isEqualTo(RefundRefused.Reason.NOT_REFUNDABLE);

        // the sandbox refunds in-process
        RefundDone done = As.staff(f.biller(), BILLING, () -> refunds.refund(payment, "20.00", "goodwill"));
        assertThat(done.stillRefundable()).isEqualTo(Money.of("30.00", "USD"));
        assertThat(data.balance(f.invoice())).isEqualTo("20.00 USD");

        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            Fixture s = fixture("40.00");
            String intent = checkout.startStripe(s.link()).orElseThrow().intentId();
            stripe.succeed(intent);
            checkout.syncStripeIntent(intent);
            stripe.refuseRefunds();
            long stripePayment = data.paymentId(s.invoice());
            assertThat(refused(s.biller(), stripePayment, "", "client asked")).isEqualTo(RefundRefused.Reason.GATEWAY_REFUSED);
            assertThat(data.invoiceStatus(s.invoice())).isEqualTo("PAID");
            assertThat(As.staff(s.biller(), BILLING, () -> refunds.options(stripePayment)).refundable())
                    .as("a refused refund holds nothing back").isEqualTo(Money.of("40.00", "USD"));
        }
    }

    /** The application's readiness endpoint, as a load balancer would ask it. */
    private static HttpResponse<String> readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(System.getProperty("paylink.public.url") + "/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void stripeIntentsAreCreatedOnceAndSettledOnlyBySignedWebhooksOrByReReadingTheIntent() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            Fixture f = fixture("150.00");

            CheckoutView view = checkout.view(f.link());
            assertThat(view.isSandbox()).isFalse();
            assertThat(view.stripe().publishableKey()).isEqualTo("pk_test_paylink");
            // direct charges: the page's Stripe.js must be given the practice's account, where the intent lives
            assertThat(view.stripe().account()).startsWith("acct_test_")
                    .isEqualTo(data.accountOfLink(f.link()));
            StripeStart start = checkout.startStripe(f.link()).orElseThrow();
            StripeStart reload = checkout.startStripe(f.link()).orElseThrow();
            assertThat(reload.intentId()).isEqualTo(start.intentId());
            assertThat(stripe.creates()).isEqualTo(1);
            assertThat(stripe.amount(start.intentId())).isEqualTo(15000);
            assertThat(start.clientSecret()).startsWith(start.intentId());

            // an event that says "succeeded" while Stripe says otherwise changes nothing: Stripe is re-read
            assertThat(webhook(stripe.event("evt_early", "payment_intent.succeeded", start.intentId()), sign(
                    stripe.event("evt_early", "payment_intent.succeeded", start.intentId())))).isEqualTo(200);
            assertThat(data.payments(f.invoice())).isEmpty();

            // forged and stale signatures are refused
            String event = stripe.event("evt_paid", "payment_intent.succeeded", start.intentId());
            stripe.succeed(start.intentId(), "mastercard", "4444");
            event = stripe.event("evt_paid", "payment_intent.succeeded", start.intentId());
            assertThat(webhook(event, "t=" + now() + ",v1=" + "0".repeat(64))).isEqualTo(400);
            assertThat(webhook(event, Webhook.Signature.generateSignatureHeader(event, "whsec_wrong", now()))).isEqualTo(400);
            assertThat(webhook(event, Webhook.Signature.generateSignatureHeader(event, WEBHOOK_SECRET, now() - 600))).isEqualTo(400);
            assertThat(webhook(event, null)).isEqualTo(400);
            assertThat(data.payments(f.invoice())).isEmpty();

            // the signed event settles it; replays, the return page and a late failure event change nothing
            assertThat(webhook(event, sign(event))).isEqualTo(200);
            assertThat(data.payments(f.invoice())).hasSize(1);
            assertThat(data.paymentCards(f.invoice())).as("L12: the card of the charge Stripe reports, re-read with the intent")
                    .containsExactly("mastercard 4444");
            assertThat(webhookResponse(event, sign(event)).body()).as("PAY6: each event id is handled once")
                    .contains("\"duplicate\":true");
            assertThat(checkout.syncStripeIntent(start.intentId()).kind()).isEqualTo(PayResult.Kind.PAID);
            String late = stripe.event("evt_late_failure", "payment_intent.payment_failed", start.intentId());
            assertThat(webhook(late, sign(late))).isEqualTo(200);
            assertThat(data.payments(f.invoice())).hasSize(1);
            assertThat(data.linkStatus(f.link())).isEqualTo("PAID");
            assertThat(checkout.startStripe(f.link())).as("a paid link starts nothing").isEmpty();
        }
    }

    @Test
    void aDeclinedStripePaymentLeavesTheLinkUsable_andConcurrentSettlementsPostOnce() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            Fixture f = fixture("40.00");
            String intent = checkout.startStripe(f.link()).orElseThrow().intentId();
            stripe.decline(intent, "insufficient_funds");
            PayResult declined = checkout.syncStripeIntent(intent);
            assertThat(declined.kind()).isEqualTo(PayResult.Kind.DECLINED);
            assertThat(declined.code()).isEqualTo("insufficient_funds");
            assertThat(checkout.view(f.link()).state()).isEqualTo(CheckoutView.State.PAYABLE);

            stripe.succeed(intent);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String event = stripe.event("evt_dup_" + (i % 2), "payment_intent.succeeded", intent);
                    calls.add(pool.submit(() -> {
                        start.await();
                        return webhook(event, sign(event));
                    }));
                }
                calls.add(pool.submit(() -> {
                    start.await();
                    return checkout.syncStripeIntent(intent).kind() == PayResult.Kind.PAID ? 200 : 0;
                }));
                start.countDown();
                for (Future<Integer> call : calls) {
                    call.get(); // some webhook copies may get 500 and would be retried by Stripe
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(data.payments(f.invoice())).hasSize(1);
            assertThat(data.invoiceStatus(f.invoice())).isEqualTo("PAID");
        }
    }

    /**
     * Issue 14's webhook storm: 100 paid intents, each with its "succeeded" event delivered three times and a late
     * "payment_failed" event once, all 400 deliveries shuffled and sent 16 at a time, with Stripe's retry of any
     * copy not answered 200. Every intent is recorded once, every link paid, every notification once.
     */
    @Test
    void aWebhookStormOfDuplicatesOutOfOrderPostsEachPaymentOnce() throws Exception {
        int intents = 100;
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            List<Fixture> fixtures = new ArrayList<>();
            List<String> deliveries = new ArrayList<>();
            for (int i = 0; i < intents; i++) {
                Fixture f = fixture("20.00");
                fixtures.add(f);
                String intent = checkout.startStripe(f.link()).orElseThrow().intentId();
                stripe.succeed(intent);
                String succeeded = stripe.event("evt_storm_ok_" + intent, "payment_intent.succeeded", intent);
                deliveries.add(succeeded);
                deliveries.add(succeeded);
                deliveries.add(succeeded);
                deliveries.add(stripe.event("evt_storm_failed_" + intent, "payment_intent.payment_failed", intent));
            }
            java.util.Collections.shuffle(deliveries, new java.util.Random(14));
            java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (String event : deliveries) {
                    answers.add(pool.submit(() -> {
                        int status = webhook(event, sign(event));
                        for (int attempt = 1; status != 200 && attempt < 6; attempt++) { // Stripe retries
                            retried.incrementAndGet();
                            Thread.sleep(200L * attempt);
                            status = webhook(event, sign(event));
                        }
                        return status;
                    }));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).as("every delivery is accepted in the end").isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> fixtures.stream().allMatch(f -> !data.notified(f.invoice()).isEmpty()));
            int doubled = 0;
            int notificationsDoubled = 0;
            for (Fixture f : fixtures) {
                doubled += data.payments(f.invoice()).size() == 1 ? 0 : 1;
                assertThat(data.linkStatus(f.link())).isEqualTo("PAID");
                List<String> notified = data.notified(f.invoice());
                notificationsDoubled += notified.size() - (int) notified.stream().distinct().count();
            }
            java.util.logging.Logger.getLogger(getClass().getName()).info(String.format(
                    "webhook storm: %d deliveries of %d events, %d retried after a non-200 answer; %d invoices not paid exactly once, "
                            + "%d duplicate notifications", deliveries.size(), intents * 2, retried.get(), doubled, notificationsDoubled));
            assertThat(doubled).as("invoices paid other than once").isZero();
            assertThat(notificationsDoubled).as("duplicate notifications").isZero();
        }
    }

    @Test
    void theStripeAdapterSpeaksTheWholePortThroughTheRealClient() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            useStripe(stripe);
            CardGateway gateway = gateways.of(Gateway.STRIPE, "acct_test_port");
            Money amount = Money.of("120.00", "USD");

            GatewayIntent intent = gateway.createIntent(amount, "port-" + key(), Map.of("paylink_link_id", "1"));
            assertThat(gateway.retrieve(intent.reference()).status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
            assertThat(intent.card()).isNull();
            GatewayIntent declined = gateway.confirm(intent.reference(), "pm_card_visa_chargeDeclinedInsufficientFunds");
            assertThat(declined.status()).isEqualTo(IntentStatus.REQUIRES_PAYMENT);
            assertThat(declined.failureCode()).isEqualTo("insufficient_funds");
            assertThat(declined.card()).isNull();
            GatewayIntent paid = gateway.confirm(intent.reference(), "pm_card_visa");
            assertThat(paid.status()).isEqualTo(IntentStatus.SUCCEEDED);
            assertThat(paid.currency()).isEqualTo("USD");
            // L12: brand and last four from the charge's payment_method_details.card (latest_charge expanded)
            assertThat(paid.card()).isEqualTo(new com.paylink.shared.CardSummary("visa", "4242"));
            assertThat(gateway.retrieve(intent.reference()).card()).isEqualTo(paid.card());

            String refundKey = "refund-" + key();
            GatewayRefund refund = gateway.refund(intent.reference(), Money.of("20.00", "USD"), refundKey);
            assertThat(refund.status()).isEqualTo(GatewayRefund.Status.SUCCEEDED);
            assertThat(refund.amountMinor()).isEqualTo(2000);
            assertThat(gateway.refund(intent.reference(), Money.of("20.00", "USD"), refundKey).reference())
                    .as("the same key refunds once").isEqualTo(refund.reference());
            assertThat(stripe.refunded(intent.reference())).isEqualTo(2000);
            assertThatThrownBy(() -> gateway.refund(intent.reference(), amount, "refund-" + key()))
                    .as("never more than was taken").isInstanceOf(GatewayUnavailable.class);

            GatewayIntent other = gateway.createIntent(amount, "port-" + key(), Map.of());
            assertThat(gateway.cancel(other.reference()).status()).isEqualTo(IntentStatus.CANCELED);
            assertThatThrownBy(() -> gateway.confirm(other.reference(), "pm_card_visa"))
                    .isInstanceOf(GatewayUnavailable.class);
        }
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static String sign(String payload) throws Exception {
        return Webhook.Signature.generateSignatureHeader(payload, WEBHOOK_SECRET, now());
    }

    static int webhook(String payload, String signature) throws Exception {
        return webhookResponse(payload, signature).statusCode();
    }

    /** Posts to the real webhook endpoint over HTTP, as Stripe would. */
    static HttpResponse<String> webhookResponse(String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(System.getProperty("paylink.public.url") + "/webhooks/stripe"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
