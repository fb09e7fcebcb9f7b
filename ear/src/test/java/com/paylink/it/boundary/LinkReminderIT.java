package com.paylink.it.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.SandboxCard;
import com.paylink.paymentlink.boundary.LinkReminders;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.practice.boundary.PracticeService;
import com.paylink.practice.boundary.PracticeSettingsView;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.platform.AdjustableClock;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PL11: the expiry reminder. Where the practice turned it on, a link still unpaid gets one PHI-free reminder
 * the chosen hours before it expires, with its own token for the same link; never after payment or revoke,
 * never twice (however often the schedule runs), never where the practice left it off.
 */
@ExtendWith(ArquillianExtension.class)
class LinkReminderIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);
    private static final Set<Permission> ADMIN = EnumSet.of(Permission.ADMIN);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(LinkReminderIT.class);
    }

    @EJB
    PaymentLinkService links;

    @EJB
    PracticeService settings;

    @EJB
    LinkReminders reminders;

    @EJB
    PayerLinkService payer;

    @EJB
    CheckoutService checkout;

    @Inject
    TestData data;

    private Mailbox smtp;

    @BeforeEach
    void startSmtp() {
        smtp = Mailbox.start();
    }

    @AfterEach
    void stopSmtpAndClock() {
        AdjustableClock.instance().reset();
        smtp.stop();
    }

    private record Practice(String biller, String admin, String dr, long client, String email) {
    }

    private Practice practice(boolean reminders) throws Exception {
        long practice = data.practice(TestData.unique("Remind"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String admin = data.staff(practice, TestData.unique("admin"), false, ADMIN);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        String email = TestData.unique("payer").toLowerCase() + "@example.com";
        long client = data.clientWithEmails(practice, email, null, null);
        if (reminders) {
            PracticeSettingsView.Values now = As.staff(admin, ADMIN, () -> settings.view()).values();
            As.staff(admin, ADMIN, () -> settings.save(new PracticeSettingsView.Values(24, false, now.partialMinimum(),
                    true, 4, now.emailFrom())));
        }
        return new Practice(biller, admin, dr, client, email);
    }

    private LinkSent send(Practice p, String number) throws Exception {
        long invoice = data.invoice(p.client(), p.dr(), number, "90.00");
        return As.staff(p.biller(), BILLING, () -> links.send(invoice, null));
    }

    private List<MimeMessage> remindersTo(String address) {
        return smtp.to(address).stream().filter(m -> Mailbox.text(m).contains("A reminder from")).toList();
    }

    @Test
    void pl12_theReminderOfALinkForSeveralInvoices_namesEveryInvoiceAndAsksForTheirTotal_asTheLinkDoes() throws Exception {
        Practice p = practice(true);
        String tag = TestData.unique("MR");
        long first = data.invoiceOn(p.client(), tag + "-1", java.time.LocalDate.of(2026, 10, 1), "100.00");
        long second = data.invoiceOn(p.client(), tag + "-2", java.time.LocalDate.of(2026, 11, 1), "60.00");
        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(List.of(first, second), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !smtp.to(p.email()).isEmpty());
        String linkEmail = Mailbox.text(smtp.to(p.email()).get(0));
        assertThat(linkEmail).contains(tag + "-1, " + tag + "-2", "$160.00");

        AdjustableClock.instance().advance(Duration.ofHours(20).plusMinutes(1));
        reminders.remindDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> remindersTo(p.email()).size() == 1);
        String reminder = Mailbox.text(remindersTo(p.email()).get(0));
        assertThat(reminder).as("the link asks for the total of both").contains(tag + "-1, " + tag + "-2", "$160.00")
                .doesNotContain("$100.00");
        assertThat(data.linkStatus(sent.linkId())).isEqualTo("ACTIVE");
    }

    @Test
    void anUnpaidLinkGetsOneReminder_aPaidOrRevokedOneNone_andAPracticeWithoutRemindersNone() throws Exception {
        Practice p = practice(true);
        String unpaidNumber = TestData.unique("INV");
        LinkSent unpaid = send(p, unpaidNumber);
        LinkSent paid = send(p, TestData.unique("INV"));
        LinkSent revoked = send(p, TestData.unique("INV"));
        Practice off = practice(false);
        LinkSent withoutReminders = send(off, TestData.unique("INV"));
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.to(p.email()).size() >= 3 && smtp.to(off.email()).size() >= 1);
        String firstToken = tokenIn(smtp.to(p.email()).stream()
                .filter(m -> Mailbox.text(m).contains(unpaidNumber)).findFirst().orElseThrow());

        assertThat(checkout.paySandbox(paid.linkId(), new SandboxCard("Jo Payer", "4242424242424242", "12/39", "123", "02139"),
                LinkTokens.newToken(), null).kind()).isEqualTo(PayResult.Kind.PAID);
        As.staff(p.biller(), BILLING, () -> links.revoke(revoked.invoiceId()));

        reminders.remindDue();
        assertThat(data.reminderQueued(unpaid.linkId())).as("not due yet: 20 hours after sending").isNull();

        AdjustableClock.instance().advance(Duration.ofHours(20).plusMinutes(1));
        reminders.remindDue();
        reminders.remindDue(); // a second run (or a second server) finds nothing left to claim
        assertThat(data.reminderQueued(unpaid.linkId())).isNotNull();
        assertThat(data.reminderQueued(paid.linkId())).as("paid: never reminded").isNull();
        assertThat(data.reminderQueued(revoked.linkId())).as("revoked: never reminded").isNull();
        assertThat(data.reminderQueued(withoutReminders.linkId())).as("the practice left reminders off").isNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> remindersTo(p.email()).size() >= 1);
        Thread.sleep(2000); // the queue drained: a duplicate would have arrived by now
        List<MimeMessage> sent = remindersTo(p.email());
        assertThat(sent).as("one reminder, for the unpaid link").hasSize(1);
        MimeMessage reminder = sent.get(0);
        String text = Mailbox.text(reminder);
        assertThat(reminder.getSubject()).as("Subject: the practice's name").startsWith("Remind");
        assertThat(((InternetAddress) reminder.getFrom()[0]).getPersonal()).isEqualTo("Staff " + p.biller());
        assertThat(text).contains(unpaidNumber, "$90.00", "expires on", "You do not need an account");
        for (String word : data.clinicalWords()) {
            assertThat(text).as("nothing clinical").doesNotContain(word);
        }
        assertThat(remindersTo(off.email())).isEmpty();

        String reminderToken = tokenIn(reminder);
        assertThat(reminderToken).isNotEqualTo(firstToken);
        assertThat(payer.open(reminderToken)).as("the reminder opens the same link").contains(unpaid.linkId());
        assertThat(payer.open(firstToken)).as("and the first email's link still works").contains(unpaid.linkId());
        assertThat(data.audit(unpaid.invoiceId())).anyMatch(line -> line.contains("REMINDED"));
    }

    private static String tokenIn(MimeMessage mail) {
        Matcher m = Mailbox.LINK.matcher(Mailbox.text(mail));
        assertThat(m.find()).isTrue();
        return m.group(2);
    }
}
