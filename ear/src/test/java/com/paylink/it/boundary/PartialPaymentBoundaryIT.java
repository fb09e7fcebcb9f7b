package com.paylink.it.boundary;

import com.paylink.stripelocal.LocalStripe;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.notification.boundary.NotificationRow;
import com.paylink.notification.boundary.NotificationService;
import com.paylink.payment.boundary.AmountRefused;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.CheckoutView;
import com.paylink.payment.boundary.PayAmount;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.SandboxCard;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.practice.boundary.PracticeService;
import com.paylink.practice.boundary.PracticeSettingsView;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.platform.PaymentsConfig;
import com.paylink.practice.entity.EmailFrom;
import com.paylink.shared.Money;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * PAY16 inside WildFly on PostgreSQL: the amount a payer asks for is decided on the server, with the link's
 * own minimum (never the practice's current setting), for the sandbox and for Stripe (the real stripe-java
 * code against the local Stripe-compatible server); a partial payment uses the link up, the invoice keeps
 * the rest, and the receipt and the notification say what remains.
 */
@ExtendWith(ArquillianExtension.class)
class PartialPaymentBoundaryIT {

    private static final Set<Permission> BILLING = Set.of(Permission.BILLING);
    private static final Set<Permission> ADMIN = Set.of(Permission.ADMIN);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(PartialPaymentBoundaryIT.class);
    }

    @EJB
    CheckoutService checkout;

    @EJB
    PaymentLinkService links;

    @EJB
    PracticeService settings;

    @EJB
    NotificationService notifications;

    @Inject
    TestData data;

    @AfterEach
    void restore() {
        for (String key : List.of(PaymentsConfig.STRIPE_SECRET_KEY, PaymentsConfig.STRIPE_PUBLISHABLE_KEY,
                PaymentsConfig.STRIPE_WEBHOOK_SECRET, PaymentsConfig.STRIPE_API_BASE)) {
            System.clearProperty(key);
        }
        System.setProperty(PaymentsConfig.MODE, "sandbox"); // as the test server starts
    }

    /** An enrolled practice with its Admin and biller, a client with an email, and an invoice of $150.00. */
    private record Practice(String admin, String biller, long invoice, String payer) {
    }

    private Practice practice() {
        long practice = data.practice(TestData.unique("Partial"), true);
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        String dr = data.staff(practice, TestData.unique("dr"), true, EnumSet.of(Permission.BILLING));
        String payer = TestData.unique("payer").toLowerCase() + "@example.com";
        long client = data.clientWithEmails(practice, payer, null, null);
        return new Practice(admin, biller, data.invoice(client, dr, TestData.unique("INV"), "150.00"), payer);
    }

    /** The practice's Admin allows partial payments from {@code minimum} (or turns them off: null). */
    private void allowPartial(Practice p, String minimum) throws Exception {
        PracticeSettingsView.Values now = As.staff(p.admin(), ADMIN, () -> settings.view()).values();
        As.staff(p.admin(), ADMIN, () -> settings.save(new PracticeSettingsView.Values(now.linkLifetimeHours(),
                minimum != null, minimum == null ? now.partialMinimum() : new BigDecimal(minimum), now.reminderEnabled(),
                now.reminderHoursBefore(), EmailFrom.STAFF_NAME)));
    }

    private long send(Practice p) throws Exception {
        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(p.invoice(), null));
        return sent.linkId();
    }

    private PayResult pay(long link, PayAmount amount) {
        return checkout.paySandbox(link, amount, new SandboxCard("Jo Payer", "4242424242424242", "12/39", "123", "02139"),
                LinkTokens.newToken(), null);
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void pay16_eachBadAmountIsRefusedWithItsReason_chargingNothing_thenAPartialPaymentUsesTheLinkUp_andAnotherLinkPaysTheRest()
            throws Exception {
        try (Mailbox mail = Mailbox.start()) {
            Practice p = practice();
            allowPartial(p, "20.00");
            long link = send(p);
            mail.awaitNewLinkTo(p.payer(), 0);
            CheckoutView view = checkout.view(link);
            assertThat(view.isPartialAllowed()).isTrue();
            assertThat(view.partialMinimum()).isEqualTo(usd("20.00"));
            assertThat(view.amountDue()).isEqualTo(usd("150.00"));

            Map<String, String> refused = Map.of("5", "amount_below_minimum 20.00 USD", "150.01", "amount_above_balance 150.00 USD",
                    "abc", "amount_not_a_number null", "50.123", "amount_too_many_decimals null", "0", "amount_not_positive null",
                    "-50", "amount_not_positive null", "", "amount_required null", "149.80", "amount_leaves_too_little 0.50 USD");
            refused.forEach((entered, why) -> {
                PayResult result = pay(link, PayAmount.other(entered));
                assertThat(result.kind()).as(entered).isEqualTo(PayResult.Kind.INVALID_INPUT);
                assertThat(result.code() + " " + result.limit()).as(entered).isEqualTo(why);
            });
            assertThat(data.payments(p.invoice())).as("nothing charged").isEmpty();
            assertThat(data.linkStatus(link)).isEqualTo("ACTIVE");

            assertThat(pay(link, PayAmount.other("$50")).kind()).isEqualTo(PayResult.Kind.PAID);
            assertThat(data.payments(p.invoice())).singleElement().asString().startsWith("50.00 USD R-");
            assertThat(data.balance(p.invoice())).isEqualTo("100.00 USD");
            assertThat(data.invoiceStatus(p.invoice())).isEqualTo("PARTIALLY_PAID");
            assertThat(data.linkStatus(link)).as("used up, though the invoice still owes").isEqualTo("PAID");
            CheckoutView paid = checkout.view(link);
            assertThat(paid.state()).isEqualTo(CheckoutView.State.PAID);
            assertThat(paid.amountPaid()).isEqualTo(usd("50.00"));
            assertThat(paid.remainingBalance()).isEqualTo(usd("100.00"));
            assertThat(pay(link, PayAmount.other("20")).kind()).as("the link pays once").isEqualTo(PayResult.Kind.ALREADY_PAID);

            await().atMost(Duration.ofSeconds(30)).until(() -> receipts(mail, p.payer()).size() == 1);
            assertThat(receipts(mail, p.payer()).get(0)).contains("Amount paid: $50.00", "Remaining balance: $100.00");
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(p).size() == 1);
            assertThat(inbox(p).get(0).remaining()).isEqualTo(usd("100.00"));
            assertThat(inbox(p).get(0).amount()).isEqualTo(usd("50.00"));

            // staff send a new link for the rest; the payer pays the whole remaining balance
            int mailed = mail.linksTo(p.payer()).size();
            long second = send(p);
            mail.awaitNewLinkTo(p.payer(), mailed);
            assertThat(checkout.view(second).amountDue()).isEqualTo(usd("100.00"));
            assertThat(pay(second, PayAmount.FULL_BALANCE).kind()).isEqualTo(PayResult.Kind.PAID);
            assertThat(data.balance(p.invoice())).isEqualTo("0.00 USD");
            assertThat(data.invoiceStatus(p.invoice())).isEqualTo("PAID");
            assertThat(checkout.view(link).remainingBalance()).as("the first link's page: nothing remains now")
                    .isEqualTo(usd("0.00"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receipts(mail, p.payer()).size() == 2);
            assertThat(receipts(mail, p.payer()).get(1)).contains("Amount paid: $100.00", "Paid in full");
            assertThat(receipts(mail, p.payer()).get(0)).as("the first receipt keeps what remained then")
                    .contains("Remaining balance: $100.00");
            await().atMost(Duration.ofSeconds(30)).until(() -> inbox(p).size() == 2);
            assertThat(inbox(p).get(0).remaining()).as("newest first: paid in full").isEqualTo(usd("0.00"));
        }
    }

    /**
     * A link keeps what it was sent with (P5): sent while partial payments were off, it takes the full balance
     * only, by either gateway, even after the practice turned them on; the next link takes part.
     */
    @Test
    void pay16_aLinkSentWithoutPartialPaymentsRefusesPart_evenAfterThePracticeAllowsThem() throws Exception {
        try (Mailbox mail = Mailbox.start()) {
            aLinkSentWithoutPartialPaymentsRefusesPart(mail);
        }
    }

    private void aLinkSentWithoutPartialPaymentsRefusesPart(Mailbox mail) throws Exception {
        Practice p = practice();
        long before = send(p);
        mail.awaitNewLinkTo(p.payer(), 0);
        allowPartial(p, "20.00");
        assertThat(checkout.view(before).isPartialAllowed()).isFalse();
        PayResult result = pay(before, PayAmount.other("50"));
        assertThat(result.kind()).isEqualTo(PayResult.Kind.INVALID_INPUT);
        assertThat(result.code()).isEqualTo("amount_partial_not_allowed");
        assertThat(result.limit()).isEqualTo(usd("150.00"));
        assertThat(data.payments(p.invoice())).isEmpty();

        try (LocalStripe stripe = new LocalStripe()) {
            CheckoutBoundaryIT.useStripe(stripe);
            assertThatThrownBy(() -> checkout.startStripe(before, PayAmount.other("50")))
                    .isInstanceOfSatisfying(AmountRefused.class, e -> {
                        assertThat(e.code()).isEqualTo("amount_partial_not_allowed");
                        assertThat(e.limit()).isEqualTo(usd("150.00"));
                    });
            assertThat(stripe.requests()).as("nothing asked of Stripe").isZero();
        }
        restore();

        long after = send(p); // replaces the earlier link, and is sent with the practice's settings now
        mail.awaitNewLinkTo(p.payer(), 1); // its email is out: no mail attempt changes the link while it is paid
        assertThat(checkout.view(after).isPartialAllowed()).isTrue();
        assertThat(pay(after, PayAmount.other("50")).kind()).isEqualTo(PayResult.Kind.PAID);
        assertThat(data.balance(p.invoice())).isEqualTo("100.00 USD");
    }

    /**
     * Stripe, as the page's script asks it: a refused amount is answered 422 with its message and makes no
     * intent; the intent is made for the partial amount (and re-priced when the payer changes it); the signed
     * webhook posts what Stripe took, once.
     */
    @Test
    void pay16_withStripeTheIntentIsForThePartialAmount_andTheWebhookPostsWhatStripeTook() throws Exception {
        try (Mailbox mail = Mailbox.start(); LocalStripe stripe = new LocalStripe()) {
            Practice p = practice();
            allowPartial(p, "20.00");
            long link = send(p);
            String url = mail.awaitNewLinkTo(p.payer(), 0);
            CheckoutBoundaryIT.useStripe(stripe);

            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String base = System.getProperty("paylink.public.url");
            String page = browser.send(HttpRequest.newBuilder(URI.create(base + url.substring(url.indexOf("/pay/")))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("id=\"stripe-checkout\"", "data-amount=\"15000\"", "id=\"stripeAmountOther\"",
                    "Pay the full balance ($150.00)", "From $20.00 to $150.00");
            Matcher form = Pattern.compile("data-form=\"([^\"]+)\"").matcher(page);
            assertThat(form.find()).isTrue();

            HttpResponse<String> tooLittle = intent(browser, base, form.group(1), "other", "5");
            assertThat(tooLittle.statusCode()).isEqualTo(422);
            assertThat(tooLittle.body()).contains("The smallest amount you can pay through this link is $20.00.");
            assertThat(intent(browser, base, form.group(1), "other", "1000").body())
                    .contains("You cannot pay more than the balance of $150.00.");
            assertThat(stripe.creates()).as("a refused amount makes no intent").isZero();

            HttpResponse<String> fifty = intent(browser, base, form.group(1), "other", "50.00");
            assertThat(fifty.statusCode()).isEqualTo(200);
            assertThat(fifty.body()).contains("\"amount\":5000");
            String intent = fifty.body().replaceAll(".*\"(pi_[A-Za-z0-9]+)_secret.*", "$1");
            assertThat(stripe.amount(intent)).isEqualTo(5000);
            assertThat(intent(browser, base, form.group(1), "other", "60").statusCode()).isEqualTo(200);
            assertThat(stripe.amount(intent)).as("the payer changed the amount: the same intent, re-priced")
                    .isEqualTo(6000);
            assertThat(stripe.creates()).isEqualTo(1);

            stripe.succeed(intent);
            String event = stripe.event("evt_partial", "payment_intent.succeeded", intent);
            assertThat(CheckoutBoundaryIT.webhook(event, CheckoutBoundaryIT.sign(event))).isEqualTo(200);
            assertThat(CheckoutBoundaryIT.webhook(event, CheckoutBoundaryIT.sign(event))).as("a replay").isEqualTo(200);
            assertThat(data.payments(p.invoice())).singleElement().asString().startsWith("60.00 USD R-");
            assertThat(data.balance(p.invoice())).isEqualTo("90.00 USD");
            assertThat(data.linkStatus(link)).isEqualTo("PAID");
            assertThat(checkout.startStripe(link, PayAmount.FULL_BALANCE)).as("a used link starts nothing").isEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> receipts(mail, p.payer()).size() == 1);
            assertThat(receipts(mail, p.payer()).get(0)).contains("Amount paid: $60.00", "Remaining balance: $90.00");
        }
    }

    /**
     * Two tabs ask for different amounts while Stripe is still making the first one's intent: the first attempt
     * (which has no intent yet, and whose idempotency key Stripe would refuse for another amount) is replaced;
     * its intent, when it comes, is never handed out and is canceled, so only the later amount can be paid.
     */
    @Test
    void pay16_twoTabsAskingForDifferentAmountsAtOnce_onlyTheLaterIntentCanBePaid() throws Exception {
        try (Mailbox mail = Mailbox.start(); LocalStripe stripe = new LocalStripe()) {
            Practice p = practice();
            allowPartial(p, "20.00");
            long link = send(p);
            mail.awaitNewLinkTo(p.payer(), 0);
            CheckoutBoundaryIT.useStripe(stripe);
            java.util.concurrent.CountDownLatch release = stripe.holdCreates();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> checkout.startStripe(link, PayAmount.other("50")));
                assertThat(stripe.awaitCreate(10)).isTrue();
                var second = pool.submit(() -> checkout.startStripe(link, PayAmount.other("60")));
                await().atMost(Duration.ofSeconds(10)).until(() -> data.attempts(link).size() == 2);
                assertThat(data.attempts(link)).containsExactly("CANCELED null", "PENDING null");
                release.countDown();
                var later = second.get(30, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
                assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("the replaced tab gets no intent").isEmpty();
                assertThat(later.amountMinor()).isEqualTo(6000);
                assertThat(stripe.amount(later.intentId())).isEqualTo(6000);
                List<String> attempts = data.attempts(link);
                assertThat(attempts.get(1)).isEqualTo("PENDING " + later.intentId());
                String replaced = attempts.get(0).substring("CANCELED ".length());
                assertThat(stripe.status(replaced)).as("nothing can pay the replaced intent").isEqualTo("canceled");
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    private static HttpResponse<String> intent(HttpClient browser, String base, String form, String choice, String amount)
            throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + "/checkout/intent"))
                .header("X-Paylink-Form", form)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amountChoice=" + choice + "&amount="
                        + java.net.URLEncoder.encode(amount, java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> receipts(Mailbox mail, String payer) {
        return mail.to(payer).stream().map(Mailbox::text).filter(t -> t.contains("Receipt number")).toList();
    }

    private List<NotificationRow> inbox(Practice p) throws Exception {
        return As.staff(p.admin(), ADMIN, () -> notifications.inbox());
    }
}
