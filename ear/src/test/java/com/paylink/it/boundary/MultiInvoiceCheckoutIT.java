package com.paylink.it.boundary;

import com.paylink.stripelocal.LocalStripe;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.CheckoutView;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.RefundService;
import com.paylink.payment.boundary.StripeStart;
import com.paylink.payment.control.DeclineGuard;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.platform.AdjustableClock;
import com.paylink.platform.PaymentsConfig;
import com.paylink.shared.Money;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PL12, L14 on the Stripe path, inside WildFly against the local Stripe-compatible server: one intent for the
 * total of a link's invoices, with their numbers in its metadata; the webhook, its replays and the return page
 * settle it once, allocated oldest first; each allocated payment is refunded on its own, and Stripe's echo of
 * that refund is kept on the same payment, once.
 */
@ExtendWith(ArquillianExtension.class)
class MultiInvoiceCheckoutIT {

    private static final Set<Permission> BILLING = Set.of(Permission.BILLING);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(MultiInvoiceCheckoutIT.class);
    }

    @EJB
    CheckoutService checkout;

    @EJB
    PaymentLinkService links;

    @EJB
    RefundService refunds;

    @EJB
    com.paylink.paymentlink.boundary.PayerLinkService payer;

    @Inject
    TestData data;

    private Mailbox smtp;

    @BeforeEach
    void startSmtp() {
        smtp = Mailbox.start(); // the link's email goes out, as it would
    }

    @AfterEach
    void restore() {
        smtp.stop();
        AdjustableClock.instance().reset();
        for (String key : List.of(PaymentsConfig.STRIPE_SECRET_KEY, PaymentsConfig.STRIPE_PUBLISHABLE_KEY,
                PaymentsConfig.STRIPE_WEBHOOK_SECRET, PaymentsConfig.STRIPE_API_BASE)) {
            System.clearProperty(key);
        }
        System.setProperty(PaymentsConfig.MODE, "sandbox"); // as the test server starts
        System.clearProperty(DeclineGuard.PER_LINK);
    }

    @Test
    void pl12_oneStripeIntentForTheTotal_settledOnceHoweverOftenItIsReported_allocatedOldestFirst() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            CheckoutBoundaryIT.useStripe(stripe);

            long practice = data.practice(TestData.unique("Multi"), true);
            String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
            long client = data.clientWithEmails(practice, TestData.unique("payer").toLowerCase() + "@example.com", null, null);
            String tag = TestData.unique("M");
            long newest = data.invoiceOn(client, tag + "-3", LocalDate.of(2026, 11, 20), "40.00");
            long oldest = data.invoiceOn(client, tag + "-1", LocalDate.of(2026, 10, 1), "100.00");
            long middle = data.invoiceOn(client, tag + "-2", LocalDate.of(2026, 11, 1), "60.00");
            LinkSent sent = As.staff(biller, BILLING, () -> links.send(List.of(newest, oldest, middle), null));
            long link = sent.linkId();
            assertThat(sent.invoiceNumbers()).containsExactly(tag + "-1", tag + "-2", tag + "-3");
            assertThat(sent.amount()).isEqualTo(Money.of("200.00", "USD"));

            CheckoutView view = checkout.view(link);
            assertThat(view.lines()).extracting(CheckoutView.Line::invoiceNumber).containsExactly(tag + "-1", tag + "-2", tag + "-3");
            assertThat(view.amountDue()).isEqualTo(Money.of("200.00", "USD"));

            String intent = checkout.startStripe(link).map(StripeStart::intentId).orElseThrow();
            assertThat(stripe.amount(intent)).as("the total, in full").isEqualTo(20000);
            assertThat(stripe.metadata(intent)).containsEntry("paylink_link_id", String.valueOf(link))
                    .containsEntry("paylink_invoices", tag + "-1, " + tag + "-2, " + tag + "-3");

            // the signed webhook twice and the return page, all at once: one charge, posted once per invoice
            stripe.succeed(intent);
            String event = stripe.event("evt_multi_" + link, "payment_intent.succeeded", intent);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<Object>> calls = List.of(() -> webhook(event), () -> webhook(event),
                        () -> checkout.syncStripeIntent(intent));
                List<Future<Object>> done = new ArrayList<>();
                for (Callable<Object> call : calls) {
                    done.add(pool.submit(call));
                }
                for (Future<Object> call : done) {
                    call.get(); // a concurrent copy of the event may get 500; Stripe would send it again
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(webhook(event)).isEqualTo(200);
            assertThat(checkout.syncStripeIntent(intent).kind()).isEqualTo(PayResult.Kind.PAID);
            assertThat(data.payments(oldest)).singleElement().asString().startsWith("100.00 USD R-");
            assertThat(data.payments(middle)).singleElement().asString().startsWith("60.00 USD R-");
            assertThat(data.payments(newest)).singleElement().asString().startsWith("40.00 USD R-");
            String receipt = data.payments(oldest).get(0).substring("100.00 USD ".length());
            assertThat(data.payments(newest).get(0)).endsWith(receipt);
            assertThat(data.linkStatus(link)).isEqualTo("PAID");
            assertThat(checkout.startStripe(link)).as("a paid link starts nothing").isEmpty();

            // the middle invoice's part is refunded on its own; Stripe's echo of it is kept once, on that payment
            long middlePayment = data.paymentId(middle);
            As.staff(biller, BILLING, () -> refunds.refund(middlePayment, "10.00", "Overcharged"));
            assertThat(stripe.refunded(intent)).isEqualTo(1000);
            String ours = stripe.refundIdsOf(intent).get(0);
            assertThat(webhook(stripe.objectEvent("evt_rc_" + ours, "refund.created", stripe.refundJson(ours)))).isEqualTo(200);
            assertThat(webhook(stripe.objectEvent("evt_cr_" + ours, "charge.refunded", stripe.chargeJson(intent)))).isEqualTo(200);
            assertThat(data.refunds(middle)).containsExactly("10.00 USD SUCCEEDED");
            assertThat(data.refunds(oldest)).isEmpty();
            assertThat(data.refunds(newest)).isEmpty();
            assertThat(data.balance(middle)).isEqualTo("10.00 USD");
            assertThat(data.balance(oldest)).isEqualTo("0.00 USD");
        }
    }

    /** Three invoices paid by one Stripe charge through one link; returns {intent, oldest, middle, newest}. */
    private Object[] paidTogether(LocalStripe stripe, String biller, long client, String tag) throws Exception {
        long newest = data.invoiceOn(client, tag + "-3", LocalDate.of(2026, 11, 20), "40.00");
        long oldest = data.invoiceOn(client, tag + "-1", LocalDate.of(2026, 10, 1), "100.00");
        long middle = data.invoiceOn(client, tag + "-2", LocalDate.of(2026, 11, 1), "60.00");
        long link = As.staff(biller, BILLING, () -> links.send(List.of(newest, oldest, middle), null)).linkId();
        String intent = checkout.startStripe(link).map(StripeStart::intentId).orElseThrow();
        stripe.succeed(intent);
        assertThat(checkout.syncStripeIntent(intent).kind()).isEqualTo(PayResult.Kind.PAID);
        return new Object[]{intent, oldest, middle, newest};
    }

    @Test
    void pl12_aLostDisputeOfTheWholeChargeReversesEveryInvoicesPart_andADashboardRefundOfItIsSplitAcrossThem() throws Exception {
        try (LocalStripe stripe = new LocalStripe()) {
            CheckoutBoundaryIT.useStripe(stripe);
            long practice = data.practice(TestData.unique("Multi"), true);
            String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
            String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
            long client = data.clientWithEmails(practice, TestData.unique("payer").toLowerCase() + "@example.com", null, null);

            Object[] disputed = paidTogether(stripe, biller, client, TestData.unique("D"));
            String dispute = stripe.dispute((String) disputed[0], 20000);
            assertThat(webhook(stripe.objectEvent("evt_mdc_" + dispute, "charge.dispute.created", stripe.disputeJson(dispute))))
                    .isEqualTo(200);
            for (int i = 1; i <= 3; i++) {
                assertThat(data.disputed((Long) disputed[i])).as("every invoice of the charge is flagged").isTrue();
            }
            stripe.closeDispute(dispute, "lost");
            assertThat(webhook(stripe.objectEvent("evt_mdx_" + dispute, "charge.dispute.closed", stripe.disputeJson(dispute))))
                    .isEqualTo(200);
            assertThat(data.refunds((Long) disputed[1])).containsExactly("100.00 USD SUCCEEDED");
            assertThat(data.refunds((Long) disputed[2])).containsExactly("60.00 USD SUCCEEDED");
            assertThat(data.refunds((Long) disputed[3])).containsExactly("40.00 USD SUCCEEDED");
            for (int i = 1; i <= 3; i++) {
                assertThat(data.invoiceStatus((Long) disputed[i])).as("no invoice stays paid").isEqualTo("OPEN");
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> data.notifiedOf((Long) disputed[3], "DISPUTE_LOST").contains(admin));

            // a refund of $150 of the whole charge made in Stripe's dashboard: no part takes it whole, so it is split
            Object[] refunded = paidTogether(stripe, biller, client, TestData.unique("R"));
            String refund = stripe.refundOutside((String) refunded[0], 15000);
            assertThat(webhook(stripe.objectEvent("evt_mrc_" + refund, "refund.created", stripe.refundJson(refund)))).isEqualTo(200);
            assertThat(webhook(stripe.objectEvent("evt_mru_" + refund, "refund.updated", stripe.refundJson(refund)))).isEqualTo(200);
            assertThat(data.refunds((Long) refunded[3])).containsExactly("40.00 USD SUCCEEDED");
            assertThat(data.refunds((Long) refunded[2])).containsExactly("60.00 USD SUCCEEDED");
            assertThat(data.refunds((Long) refunded[1])).containsExactly("50.00 USD SUCCEEDED");
            assertThat(data.balance((Long) refunded[1])).isEqualTo("50.00 USD");
            // Stripe says it failed after all: every part of it stops counting
            stripe.failRefund(refund);
            assertThat(webhook(stripe.objectEvent("evt_mrf_" + refund, "refund.failed", stripe.refundJson(refund)))).isEqualTo(200);
            assertThat(data.refunds((Long) refunded[1])).containsExactly("50.00 USD FAILED");
            assertThat(data.refunds((Long) refunded[3])).containsExactly("40.00 USD FAILED");
            assertThat(data.balance((Long) refunded[2])).isEqualTo("0.00 USD");
        }
    }

    @Test
    void pl12_renewingAnExpiredLinkForSeveralInvoicesRenewsAllOfThem_orNoneWhenOneCanNoLongerBePaid() throws Exception {
        long practice = data.practice(TestData.unique("Renew"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        long client = data.clientWithEmails(practice, TestData.unique("payer").toLowerCase() + "@example.com", null, null);
        String tag = TestData.unique("N");
        long first = data.invoiceOn(client, tag + "-1", LocalDate.of(2026, 10, 1), "30.00");
        long second = data.invoiceOn(client, tag + "-2", LocalDate.of(2026, 11, 1), "20.00");
        long link = As.staff(biller, BILLING, () -> links.send(List.of(first, second), null)).linkId();
        AdjustableClock.instance().advance(java.time.Duration.ofHours(25));

        payer.requestNewLink(link); // "email me a new link" from the expired link
        long renewed = data.activeLinkCovering(first);
        assertThat(renewed).isNotEqualTo(link);
        assertThat(data.activeLinkCovering(second)).as("one new link for both invoices").isEqualTo(renewed);
        assertThat(checkout.view(renewed).lines()).extracting(CheckoutView.Line::invoiceNumber)
                .containsExactly(tag + "-1", tag + "-2");

        // expired again, and one of the invoices voided meanwhile: nothing is renewed, not even for the other
        AdjustableClock.instance().advance(java.time.Duration.ofHours(25).plusMinutes(16));
        data.voidInvoice(second);
        long linksBefore = data.linksCovering(first);
        payer.requestNewLink(renewed);
        assertThat(data.linksCovering(first)).as("no link for part of them").isEqualTo(linksBefore);
        assertThat(data.linksCovering(second)).isEqualTo(linksBefore);
    }

    private static int webhook(String payload) throws Exception {
        return CheckoutBoundaryIT.webhook(payload, CheckoutBoundaryIT.sign(payload));
    }
}
