package com.paylink.it.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.notification.boundary.NotificationRow;
import com.paylink.notification.boundary.NotificationService;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.SandboxCard;
import com.paylink.payment.control.PaymentEvents;
import com.paylink.paymentlink.boundary.LinkExpirySweep;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.platform.AdjustableClock;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payment-completed events over JMS into in-app notifications (N1–N4), and the link expiry sweep
 * (PL3), inside WildFly on PostgreSQL with the adjustable clock.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(NotificationsIT.class);
    }

    @EJB
    CheckoutService checkout;

    @EJB
    NotificationService notifications;

    @EJB
    LinkExpirySweep sweep;

    @Inject
    TestData data;

    @Inject
    JMSContext jms;

    @Inject
    PaymentEvents events;

    @Resource(lookup = "java:/jms/queue/PaymentCompleted")
    Queue paymentCompleted;

    @Resource(lookup = "java:/jms/queue/DLQ")
    Queue deadLetters;

    @Resource(lookup = "java:/jms/queue/OutboundMail")
    Queue outboundMail;

    @Inject
    com.paylink.mail.boundary.MailQueue mailQueue;

    @Inject
    com.paylink.mail.boundary.Mailer mailer;

    @Resource
    jakarta.transaction.UserTransaction tx;

    @AfterEach
    void resetClock() {
        AdjustableClock.instance().reset();
    }

    /** A practice with two admins, providers of each kind, and a second practice with its own admin. */
    private record Practice(long id, String admin, String billingAdmin, String drBilling, String drNoBilling,
                            String drAdmin, String drAdminBilling, String otherAdmin) {
    }

    private Practice practice() {
        long id = data.practice(TestData.unique("Notify"), true);
        long other = data.practice(TestData.unique("Other"), true);
        return new Practice(id,
                data.staff(id, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN)),
                data.staff(id, TestData.unique("badmin"), false, EnumSet.of(Permission.ADMIN, Permission.BILLING)),
                data.staff(id, TestData.unique("drbill"), true, EnumSet.of(Permission.BILLING)),
                data.staff(id, TestData.unique("drnobill"), true, Set.of()),
                data.staff(id, TestData.unique("dradmin"), true, EnumSet.of(Permission.ADMIN)),
                data.staff(id, TestData.unique("dradminbill"), true, EnumSet.of(Permission.ADMIN, Permission.BILLING)),
                data.staff(other, TestData.unique("otheradmin"), false, EnumSet.of(Permission.ADMIN, Permission.BILLING)));
    }

    private record Paid(long invoice, long link) {
    }

    /** Pays an invoice rendered by {@code provider} through a link with the sandbox. */
    private Paid paid(Practice p, String provider) {
        long client = data.clientWithEmails(p.id(), TestData.unique("c").toLowerCase() + "@example.com", null, null);
        long invoice = data.invoice(client, provider, TestData.unique("N"), "55.00");
        String token = LinkTokens.newToken();
        long link = data.link(invoice, p.billingAdmin(), token, Instant.now());
        PayResult paid = checkout.paySandbox(link, new SandboxCard("Jo", "4242424242424242", "12/39", "123", ""),
                LinkTokens.newToken(), null);
        assertThat(paid.kind()).isEqualTo(PayResult.Kind.PAID);
        return new Paid(invoice, link);
    }

    /** Pays an invoice rendered by {@code provider}; returns the invoice id. */
    private long paidInvoice(Practice p, String provider) {
        return paid(p, provider).invoice();
    }

    private List<String> awaitNotified(long invoice, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> data.notified(invoice).size() >= count);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> data.notified(invoice).size() == count);
        return data.notified(invoice);
    }

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        Collections.sort(list);
        return list;
    }

    @Test
    void aProviderWithBillingAndEveryAdminHearOfThePayment_eachOnce_nobodyElse() {
        Practice p = practice();
        assertThat(awaitNotified(paidInvoice(p, p.drBilling()), 5))
                .isEqualTo(sorted(p.drBilling(), p.admin(), p.billingAdmin(), p.drAdmin(), p.drAdminBilling()));
    }

    @Test
    void aProviderWithoutBillingIsNotNotified() {
        Practice p = practice();
        assertThat(awaitNotified(paidInvoice(p, p.drNoBilling()), 4))
                .isEqualTo(sorted(p.admin(), p.billingAdmin(), p.drAdmin(), p.drAdminBilling()))
                .doesNotContain(p.drNoBilling(), p.otherAdmin());
    }

    @Test
    void aProviderWhoIsAlsoAnAdminGetsOneNotification() {
        Practice p = practice();
        assertThat(awaitNotified(paidInvoice(p, p.drAdminBilling()), 4))
                .isEqualTo(sorted(p.admin(), p.billingAdmin(), p.drAdmin(), p.drAdminBilling()));
        Practice q = practice();
        assertThat(awaitNotified(paidInvoice(q, q.drAdmin()), 4))
                .as("an admin provider without Billing hears of it as an admin")
                .isEqualTo(sorted(q.admin(), q.billingAdmin(), q.drAdmin(), q.drAdminBilling()));
    }

    /**
     * N2 over the real queue. The unique key (payment, recipient) alone would also keep one notification
     * each, but by failing: the duplicate would be retried and dead-lettered, an alarm for nothing. The
     * consumer must see the earlier notifications and succeed without creating any.
     */
    @Test
    void aDuplicatedMessageCreatesNothingNew_andIsConsumed_notDeadLettered() throws Exception {
        Practice p = practice();
        Paid paid = paid(p, p.drBilling());
        long invoice = paid.invoice();
        List<String> once = awaitNotified(invoice, 5);
        long paymentId = data.paymentId(invoice);
        // the DLQ outlives deployments while payment ids start again with each fresh database
        int deadBefore = waiting(deadLetters, paymentId);
        // the very message the payment published (same producer, body and properties), twice more:
        // the broker delivers at least once, and a DLQ replay resends what it holds
        tx.begin(); // a message is an outbox row of the publishing transaction (ADR 0013)
        events.paymentCompleted(paymentId, invoice, paid.link(), null);
        events.paymentCompleted(paymentId, invoice, paid.link(), null);
        tx.commit();
        await("the relay hands them to the broker").atMost(Duration.ofSeconds(10))
                .until(() -> data.count("select count(*) from outbox") == 0);
        // polled in the test's own thread: the injected JMSContext needs its naming context
        await("the duplicates are consumed").pollInSameThread().atMost(Duration.ofSeconds(10))
                .until(() -> waiting(paymentCompleted, paymentId) == 0);
        // a consumer that failed on the duplicates (e.g. on the unique key) would retry them and then
        // dead-letter them within about a second (test server: 3 attempts, 200 ms doubling)
        await("no duplicate is retried or dead-lettered").pollInSameThread().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .until(() -> waiting(deadLetters, paymentId) == deadBefore && waiting(paymentCompleted, paymentId) == 0);
        assertThat(data.notified(invoice)).as("exactly one per recipient").isEqualTo(once);
        assertThat(As.system(() -> notifications.paymentCompleted(paymentId))).as("called directly again").isZero();
    }

    /**
     * M2: a mail whose key is recorded sends nothing when it is asked for again (a redelivery, a DLQ replay), and the
     * request is consumed, not retried: without the key check it would fail on the key's unique row, again and again.
     */
    @Test
    void m2_aReceiptAskedForAgainSendsNothing_andTheRequestIsConsumed_notRetried() throws Exception {
        try (com.paylink.it.Mailbox smtp = com.paylink.it.Mailbox.start()) {
            Practice p = practice();
            Paid paid = paid(p, p.drBilling());
            long paymentId = data.paymentId(paid.invoice());
            await("the receipt goes out").atMost(Duration.ofSeconds(20)).until(() -> data.mailSent("receipt:" + paymentId));
            String receipt = data.payments(paid.invoice()).get(0).replaceAll(".* ", "");
            java.util.function.Supplier<Long> receipts = () -> smtp.all().stream()
                    .filter(m -> com.paylink.it.Mailbox.text(m).contains(receipt)).count();
            await("the receipt arrives").atMost(Duration.ofSeconds(20)).until(() -> receipts.get() == 1);
            tx.begin();
            mailQueue.enqueue(com.paylink.payment.control.PaymentRecorder.RECEIPT_MAIL_KIND,
                    java.util.Map.of(com.paylink.payment.control.PaymentRecorder.RECEIPT_PAYMENT_ID, String.valueOf(paymentId)));
            tx.commit();
            await("the relay hands it to the broker").atMost(Duration.ofSeconds(10))
                    .until(() -> data.count("select count(*) from outbox") == 0);
            await("the repeated request is consumed").pollInSameThread().atMost(Duration.ofSeconds(10))
                    .until(() -> waitingReceipts(paymentId) == 0);
            await("and not retried").pollInSameThread().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> waitingReceipts(paymentId) == 0);
            assertThat(receipts.get()).as("nothing sent again").isEqualTo(1);
        }
    }

    /**
     * M2 at its own line, for every kind of mail: a key recorded before sends nothing and fails nothing. Without the
     * check the second call fails on the key's unique row, and its request would be retried until dead-lettered
     * (a retry waiting out its delay is invisible to a queue browser, so the test above alone cannot tell).
     */
    @Test
    void m2_aMailKeyRecordedBefore_sendsNothingTheSecondTime_andFailsNothing() throws Exception {
        try (com.paylink.it.Mailbox smtp = com.paylink.it.Mailbox.start()) {
            String key = "m2-check:" + UUID.randomUUID();
            String to = "m2-" + UUID.randomUUID() + "@example.com";
            com.paylink.mail.boundary.OutgoingMail mail = new com.paylink.mail.boundary.OutgoingMail("Bailey Brooks",
                    "billing@riverside-counseling.example", to, "Riverside Counseling", "A receipt", "<p>A receipt</p>");
            assertThat(inTransaction(() -> mailer.sendOnce(key, mail))).as("the first time").isTrue();
            assertThat(inTransaction(() -> mailer.sendOnce(key, mail))).as("asked again: nothing, and no failure").isFalse();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.to(to).size() == 1);
        }
    }

    private <T> T inTransaction(java.util.concurrent.Callable<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
    }

    private int waitingReceipts(long paymentId) throws Exception {
        try (QueueBrowser browser = jms.createBrowser(outboundMail, "kind = 'receipt' AND paymentId = '" + paymentId + "'")) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    /** Messages about {@code paymentId} still in {@code queue}. */
    private int waiting(Queue queue, long paymentId) throws Exception {
        try (QueueBrowser browser = jms.createBrowser(queue, com.paylink.shared.PaymentEventMessage.PAYMENT_ID + " = " + paymentId)) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    @Test
    void onlyTheListenerMayPostANotification_noStaffMemberNorAnonymousCaller() {
        Practice p = practice();
        long invoice = paidInvoice(p, p.drBilling());
        awaitNotified(invoice, 5);
        long paymentId = data.paymentId(invoice);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> As.staff(p.admin(),
                        java.util.EnumSet.allOf(com.paylink.identity.entity.Permission.class),
                        () -> notifications.paymentCompleted(paymentId)))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> As.anonymous(() -> notifications.paymentCompleted(paymentId)))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueAfterItsRetries() throws Exception {
        String marker = UUID.randomUUID().toString();
        for (String body : new String[]{"not-a-payment-id", "999999999"}) {
            TextMessage poison = jms.createTextMessage(body);
            poison.setStringProperty("poisonTest", marker);
            jms.createProducer().send(paymentCompleted, poison);
        }
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> deadLettered(marker) == 2);
    }

    private int deadLettered(String marker) throws Exception {
        try (QueueBrowser browser = jms.createBrowser(deadLetters, "poisonTest = '" + marker + "'")) {
            return Collections.list(browser.getEnumeration()).size();
        }
    }

    @Test
    void theInboxListsNewestFirst_andMarksReadOnlyTheCallersOwn() throws Exception {
        Practice p = practice();
        long first = paidInvoice(p, p.drBilling());
        long second = paidInvoice(p, p.drBilling());
        awaitNotified(first, 5);
        awaitNotified(second, 5);
        Set<Permission> admin = EnumSet.of(Permission.ADMIN);
        List<NotificationRow> inbox = As.staff(p.admin(), admin, () -> notifications.inbox());
        assertThat(inbox).extracting(NotificationRow::invoiceId).containsExactly(second, first);
        assertThat(inbox.get(0).amount().toString()).isEqualTo("55.00 USD");
        assertThat(inbox.get(0).clientName()).as("the payer as they entered it, who may not be the client").isEqualTo("Jo");
        assertThat(As.staff(p.admin(), admin, () -> notifications.unreadCount())).isEqualTo(2);

        long someoneElses = As.staff(p.drBilling(), Set.of(), () -> notifications.inbox()).get(0).id();
        As.staff(p.admin(), admin, () -> {
            notifications.markRead(someoneElses);
            notifications.markRead(inbox.get(0).id());
            return null;
        });
        assertThat(As.staff(p.admin(), admin, () -> notifications.unreadCount())).isEqualTo(1);
        assertThat(As.staff(p.drBilling(), Set.of(), () -> notifications.unreadCount())).isEqualTo(2);
        assertThat(As.staff(p.admin(), admin, () -> notifications.markAllRead())).isEqualTo(1);
        assertThat(As.staff(p.admin(), admin, () -> notifications.unreadCount())).isZero();
        assertThat(As.staff(p.otherAdmin(), admin, () -> notifications.inbox()))
                .extracting(NotificationRow::invoiceId).doesNotContain(first, second);
    }

    // --- the expiry sweep -------------------------------------------------------------------------
    // The test server runs with the schedule switched off (arquillian.xml), so only these calls sweep and
    // the counts they return are exact. Each test first sweeps what other tests left due at its clock, so
    // a count covers exactly its own links.

    private record Link(long invoice, long id) {
    }

    private List<Link> links(int count, Instant sentAt) {
        long practice = data.practice(TestData.unique("Sweep"), true);
        String biller = data.staff(practice, TestData.unique("b"), false, EnumSet.of(Permission.BILLING));
        String dr = data.staff(practice, TestData.unique("dr"), true, Set.of());
        long client = data.clientWithEmails(practice, "sweep@example.com", null, null);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long invoice = data.invoice(client, dr, TestData.unique("S"), "10.00");
            links.add(new Link(invoice, data.link(invoice, biller, LinkTokens.newToken(), sentAt)));
        }
        return links;
    }

    /** Expires whatever other tests left due now, so the next sweep's count is this test's alone. */
    private void sweepLeftovers() {
        sweep.sweep(LinkExpirySweep.BATCH_SIZE);
    }

    private List<String> statuses(List<Link> links) {
        return links.stream().map(l -> data.linkStatus(l.id())).toList();
    }

    @Test
    void theSweepExpiresLinksAt24HoursNotBefore() {
        sweepLeftovers();
        // due 30 seconds from now: nothing else can fall due in between (leftovers are swept, others are fresh)
        List<Link> links = links(1, Instant.now().minus(Duration.ofHours(24)).plusSeconds(30));
        assertThat(sweep.sweep(LinkExpirySweep.BATCH_SIZE)).as("before 24 h").isZero();
        assertThat(data.linkStatus(links.get(0).id())).as("before 24 h").isEqualTo("ACTIVE");

        AdjustableClock.instance().advance(Duration.ofSeconds(60));
        assertThat(sweep.sweep(LinkExpirySweep.BATCH_SIZE)).as("after 24 h").isEqualTo(1);
        assertThat(data.linkStatus(links.get(0).id())).as("after 24 h").isEqualTo("EXPIRED");
        AdjustableClock.instance().advance(Duration.ofHours(1));
        sweep.sweep(LinkExpirySweep.BATCH_SIZE);
        assertThat(data.linkStatus(links.get(0).id())).as("again: no harm").isEqualTo("EXPIRED");

        AdjustableClock.instance().reset();
        sweepLeftovers();
        List<Link> exactly = links(1, Instant.now().minus(Duration.ofHours(24)));
        assertThat(sweep.sweep(LinkExpirySweep.BATCH_SIZE)).as("at 24 h").isEqualTo(1);
        assertThat(data.linkStatus(exactly.get(0).id())).as("at 24 h").isEqualTo("EXPIRED");
    }

    @Test
    void aBacklogLargerThanABatchIsSweptInBatches_andPaidOrRevokedLinksAreLeftAlone() {
        sweepLeftovers();
        List<Link> backlog = links(23, Instant.now().minus(Duration.ofHours(30)));
        List<Link> paid = links(1, Instant.now().minus(Duration.ofHours(1)));
        checkout.paySandbox(paid.get(0).id(), new SandboxCard("Jo", "4242424242424242", "12/39", "123", ""), "k-" + UUID.randomUUID(), null);
        assertThat(sweep.sweep(5)).isEqualTo(23);
        assertThat(statuses(backlog)).containsOnly("EXPIRED");
        AdjustableClock.instance().advance(Duration.ofHours(48));
        sweep.sweep(5);
        assertThat(data.linkStatus(paid.get(0).id())).isEqualTo("PAID");
    }

    @Test
    void twoSweepsAtOnceDoNoHarm_eachLinkIsCountedOnce() throws Exception {
        sweepLeftovers();
        List<Link> backlog = links(30, Instant.now().minus(Duration.ofHours(30)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // a start gate: both sweeps wait until both threads are ready, then begin together
            java.util.concurrent.CyclicBarrier gate = new java.util.concurrent.CyclicBarrier(2);
            Future<Integer> one = pool.submit(() -> {
                gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
                return sweep.sweep(4);
            });
            Future<Integer> two = pool.submit(() -> {
                gate.await(10, java.util.concurrent.TimeUnit.SECONDS);
                return sweep.sweep(4);
            });
            int first = one.get();
            int second = two.get();
            assertThat(first + second).as("each link counted once, whichever sweep marked it").isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses(backlog)).containsOnly("EXPIRED");
    }

    @Test
    void theScheduledRunSweepsOnlyWhileTheOperatorSwitchIsOn() {
        String before = System.getProperty(LinkExpirySweep.SCHEDULE_ENABLED);
        assertThat(before).as("the test server switches the schedule off (arquillian.xml)").isEqualTo("false");
        sweepLeftovers();
        List<Link> due = links(2, Instant.now().minus(Duration.ofHours(30)));
        try {
            sweep.scheduled();
            assertThat(statuses(due)).as("switched off").containsOnly("ACTIVE");
            System.setProperty(LinkExpirySweep.SCHEDULE_ENABLED, "true");
            sweep.scheduled();
            assertThat(statuses(due)).as("switched on").containsOnly("EXPIRED");
        } finally {
            System.setProperty(LinkExpirySweep.SCHEDULE_ENABLED, before);
        }
    }

    /**
     * The schedule itself: WildFly's management model lists the singleton's automatic timer (read from
     * outside, as an operator would; the bean's own TimerService is only visible inside the bean).
     */
    @Test
    @RunAsClient
    void theSweepIsScheduledEveryMinute_asOnePersistentTimer(@ArquillianResource ManagementClient management)
            throws Exception {
        ModelNode read = new ModelNode();
        read.get("operation").set("read-attribute");
        read.get("name").set("timers");
        ModelNode address = read.get("address");
        address.add("deployment", "paylink.ear");
        address.add("subdeployment", "paylink-ejb.jar");
        address.add("subsystem", "ejb3");
        address.add("singleton-bean", LinkExpirySweep.class.getSimpleName());
        ModelNode answer = management.getControllerClient().execute(read);
        assertThat(answer.get("outcome").asString()).as(answer.toString()).isEqualTo("success");
        List<ModelNode> timers = answer.get("result").asListOrEmpty();
        assertThat(timers).as(answer.toString()).hasSize(1);
        ModelNode timer = timers.get(0);
        assertThat(timer.get("persistent").asBoolean()).isTrue();
        assertThat(timer.get("calendar-timer").asBoolean()).isTrue();
        assertThat(timer.get("info").asString()).isEqualTo("payment link expiry sweep");
        ModelNode schedule = timer.get("schedule");
        assertThat(List.of(schedule.get("second").asString(), schedule.get("minute").asString(),
                schedule.get("hour").asString())).as(timer.toString()).containsExactly("0", "*", "*");
    }
}
