package com.paylink.it.boundary;

import com.paylink.collection.boundary.BalanceReminders;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.ledger.boundary.RecordRefused;
import com.paylink.ledger.boundary.ReminderPauseService;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.platform.AdjustableClock;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 24, balance reminders (C1-C4), with the server's adjustable clock: a schedule runs to its end, one fresh link
 * each time in the practice's name with how to stop them; it stops when the balance is paid between two reminders and
 * when the client stops them (a GET does not); a paused client gets none, a paused invoice is left out; two runs at
 * the same moment send each reminder once.
 */
@ExtendWith(ArquillianExtension.class)
class BalanceRemindersIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(BalanceRemindersIT.class);
    }

    @EJB
    BalanceReminders reminders;

    @EJB
    ReminderPauseService pauses;

    @EJB
    com.paylink.report.boundary.LinkActivityService reports;

    @Inject
    TestData data;

    private Mailbox smtp;

    @BeforeEach
    void start() {
        AdjustableClock.instance().reset();
        smtp = Mailbox.start();
    }

    @AfterEach
    void stop() {
        AdjustableClock.instance().reset();
        smtp.stop();
    }

    private record Fx(long practice, long client, long invoice, String biller, String email) {
    }

    /** A practice taking cards with reminders on {@code days}, a client with an email, an invoice and its first link, sent now. */
    private Fx fixture(String days) {
        long practice = data.practice(TestData.unique("Remind"), true);
        data.execute("update practice set balance_reminders_enabled = true, balance_reminder_days = '" + days + "' where id = " + practice);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        String email = TestData.unique("owes").toLowerCase() + "@example.com";
        long client = data.clientWithEmails(practice, email, null, null);
        long invoice = data.invoice(client, dr, TestData.unique("RM"), "80.00");
        data.link(invoice, biller, LinkTokens.newToken(), AdjustableClock.instance().instant());
        return new Fx(practice, client, invoice, biller, email);
    }

    private static void daysLater(double days) {
        AdjustableClock clock = AdjustableClock.instance();
        clock.advance(Duration.ofMinutes((long) (days * 24 * 60)));
    }

    private void run() throws Exception {
        As.system(() -> reminders.runDue(AdjustableClock.instance().instant()));
    }

    private long sent(Fx f) {
        return data.count("select count(*) from balance_reminder where client_id = " + f.client());
    }

    private String reminderEmail(Fx f, int nth) {
        await().atMost(Duration.ofSeconds(20)).until(() -> smtp.to(f.email()).size() >= nth);
        return Mailbox.text(smtp.to(f.email()).get(nth - 1));
    }

    @Test
    void c1_aScheduleRunsToItsEnd_oneFreshLinkEachTime_inThePracticesName_withHowToStopThem() throws Exception {
        Instant start = AdjustableClock.instance().instant();
        Fx f = fixture("3, 7");
        daysLater(2.9);
        run();
        assertThat(sent(f)).as("not before day 3").isZero();

        daysLater(0.2);
        run();
        run();
        assertThat(sent(f)).as("reminder 1, once however often the schedule runs").isEqualTo(1);
        assertThat(data.linkStatuses(f.invoice())).as("the first link had expired; a fresh one").containsExactly("EXPIRED", "ACTIVE");
        assertThat(data.audit(f.invoice())).last().asString().startsWith("BALANCE_REMINDER ");
        String first = reminderEmail(f, 1);
        assertThat(first).contains("This is reminder 1 of 2", "$80.00", "Stop these reminders: ", "/reminders/stop/");
        String admin = data.staff(f.practice(), TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        java.time.LocalDate day = AdjustableClock.instance().instant().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate();
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> reports.rows(
                new com.paylink.report.boundary.LinkActivityFilter(day.minusDays(4), day, null, null, null),
                com.paylink.ledger.boundary.PageRequest.firstRows(25))))
                .as("the link activity report says which reminder").extracting(r -> r.reminder()).contains("1 of 2", "");
        MimeMessage mail = smtp.to(f.email()).get(0);
        assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getPersonal())
                .as("in the practice's name, not a staff member's").startsWith("Remind-");
        for (String clinical : data.clinicalWords()) {
            assertThat(first).doesNotContain(clinical);
        }

        daysLater(2);
        run();
        assertThat(sent(f)).as("day 5: nothing").isEqualTo(1);
        daysLater(2);
        run();
        assertThat(sent(f)).isEqualTo(2);
        assertThat(reminderEmail(f, 2)).contains("This is reminder 2 of 2");
        assertThat(data.linkStatuses(f.invoice())).as("each reminder a fresh link; the one before had run out")
                .containsExactly("EXPIRED", "EXPIRED", "ACTIVE");

        AdjustableClock.instance().reset();
        AdjustableClock.instance().advance(Duration.between(Instant.now(), start.plus(Duration.ofDays(40))));
        run();
        assertThat(sent(f)).as("the schedule ran to its end").isEqualTo(2);
    }

    @Test
    void c2_remindersStopWhenTheBalanceIsPaidBetweenTwo_andWhenTheClientStopsThem_butAGetStopsNothing() throws Exception {
        Fx paid = fixture("3,7");
        Fx stopping = fixture("3,7");
        daysLater(3.1);
        run();
        assertThat(sent(paid)).isEqualTo(1);
        assertThat(sent(stopping)).isEqualTo(1);

        data.pay(paid.invoice(), "80.00");

        Matcher link = Mailbox.LINK.matcher(reminderEmail(stopping, 1));
        assertThat(link.find()).isTrue();
        String stopUrl = System.getProperty("paylink.public.url") + "/reminders/stop/" + link.group(2);
        MimeMessage reminderMail = smtp.to(stopping.email()).get(0);
        assertThat(reminderMail.getHeader("List-Unsubscribe")).as("RFC 2369: the mail client's own Unsubscribe")
                .containsExactly("<" + stopUrl + ">");
        assertThat(reminderMail.getHeader("List-Unsubscribe-Post")).as("RFC 8058: one click, a POST")
                .containsExactly("List-Unsubscribe=One-Click");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stopUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Stop these reminders", "<form method=\"post\"");
        assertThat(data.count("select count(*) from client where reminders_stopped_at is not null and id = " + stopping.client()))
                .as("a GET (a mail scanner) stops nothing").isZero();
        HttpResponse<String> stopped = http.send(HttpRequest.newBuilder(URI.create(stopUrl))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                .header("Content-Type", "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.body()).contains("no more balance reminders");
        assertThat(data.count("select count(*) from client_history where kind = 'REMINDERS_STOPPED' and client_id = "
                + stopping.client())).isEqualTo(1);
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(System.getProperty("paylink.public.url")
                        + "/reminders/stop/" + LinkTokens.newToken())).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.body()).as("the same answer for any token").contains("no more balance reminders");

        daysLater(4);
        run();
        assertThat(sent(paid)).as("paid between two reminders").isEqualTo(1);
        assertThat(sent(stopping)).as("the client stopped them").isEqualTo(1);
    }

    @Test
    void c3_aPausedClientGetsNone_aPausedInvoiceIsLeftOut_andResumingBringsThemBack() throws Exception {
        Fx client = fixture("3");
        Fx invoices = fixture("3");
        long second = data.invoiceOn(invoices.client(), TestData.unique("RM"), java.time.LocalDate.now(), "20.00");
        data.link(second, invoices.biller(), LinkTokens.newToken(), AdjustableClock.instance().instant());

        assertThatThrownBy(() -> As.staff(client.biller(), BILLING, () -> {
            pauses.pauseClient(client.client(), "  ");
            return null;
        })).isInstanceOfSatisfying(RecordRefused.class, e -> assertThat(e.code()).isEqualTo("reminders-reason-required"));
        As.staff(client.biller(), BILLING, () -> {
            pauses.pauseClient(client.client(), "Payment plan agreed by phone");
            return null;
        });
        As.staff(invoices.biller(), BILLING, () -> {
            pauses.pauseInvoice(second, "Insurance claim pending");
            return null;
        });
        String desk = data.staff(client.practice(), TestData.unique("desk"), false, EnumSet.noneOf(Permission.class));
        assertThatThrownBy(() -> As.staff(desk, EnumSet.noneOf(Permission.class), () -> {
            pauses.resumeClient(client.client());
            return null;
        })).as("Billing or Admin only").isInstanceOf(Exception.class);

        daysLater(3.1);
        run();
        assertThat(sent(client)).as("a paused client gets none").isZero();
        assertThat(sent(invoices)).isEqualTo(1);
        assertThat(data.linksCovering(second)).as("the paused invoice is left out of the reminder").isEqualTo(1);
        assertThat(data.linkStatuses(invoices.invoice())).containsExactly("EXPIRED", "ACTIVE");

        As.staff(client.biller(), BILLING, () -> {
            pauses.resumeClient(client.client());
            return null;
        });
        run();
        assertThat(sent(client)).as("resumed: the reminder due goes").isEqualTo(1);
        assertThat(data.count("select count(*) from client_history where client_id = " + client.client()
                + " and kind in ('REMINDERS_PAUSED', 'REMINDERS_RESUMED')")).isEqualTo(2);
    }

    @Test
    void c4_twoRunsAtTheSameMomentSendEachReminderOnce() throws Exception {
        List<Fx> clients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clients.add(fixture("3"));
        }
        daysLater(3.1);
        Instant now = AdjustableClock.instance().instant();
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    gate.await();
                    return As.system(() -> reminders.runDue(now));
                }));
            }
            gate.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (Fx f : clients) {
            assertThat(sent(f)).as("client " + f.client()).isEqualTo(1);
            assertThat(data.linkStatuses(f.invoice())).containsExactly("EXPIRED", "ACTIVE");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> clients.stream().allMatch(f -> smtp.to(f.email()).size() == 1));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .until(() -> clients.stream().allMatch(f -> smtp.to(f.email()).size() == 1)); // and stays so
    }
}
