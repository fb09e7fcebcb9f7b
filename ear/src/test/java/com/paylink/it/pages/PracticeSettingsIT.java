package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P5, P6 from outside: an Admin changes the practice's settings on the Practice settings page; the next link
 * follows them (lifetime, the email's From name) while a link already sent keeps what it was sent with; a
 * value out of range is refused with its reason and nothing changes; each change is audited with who and
 * when; only Admins reach the page.
 */
class PracticeSettingsIT extends PageTest {

    private static final String PRACTICE = "Riverside Counseling";
    private static final String PAYER = "claims@harbor-eap.example";
    private static final String LUCAS = "trust@rivera-family.example"; // the default: Bill To
    private static final String EMMA = "emma.carter@example.com";

    /** The demo practice gets its defaults back, so the other page tests see the help page's behaviour. */
    @AfterEach
    void restoreDefaults() throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("""
                update practice set link_lifetime_hours = 24, email_from = 'STAFF_NAME', partial_payments_allowed = false,
                       reminder_enabled = false where name = ?""")) {
            s.setString(1, PRACTICE);
            s.executeUpdate();
        }
    }

    @Test
    void anAdminChangesTheLifetimeAndFromName_theNextLinkFollows_anEarlierLinkKeepsItsOwn() throws Exception {
        long earlier = sendAndAwaitMail();
        assertThat(lifetimeOf(earlier)).as("sent under the defaults").isEqualTo(Duration.ofHours(24));

        List<String> auditedBefore = changesAudited();
        Browser b = browser().signIn("admin", PASSWORD);
        b.click(By.id("navAdminMenu")); // the Admin pages are under one menu
        b.click(By.id("navSettings"));
        b.waitForPath("/staff/admin/settings.xhtml");
        assertThat(value(b, "settingsForm:lifetime")).as("the default").isEqualTo("24");
        assertThat(b.text(By.id("lifetimeHelp"))).contains("Default: 24 hours");
        // the From name's help with its default filled in (an apostrophe once swallowed the {0} and itself)
        assertThat(b.text(By.id("fromHelp"))).contains("the practice's own. Default: The staff member who sends the link.");
        assertThat(b.driver().findElement(By.cssSelector("input[value='STAFF_NAME']")).isSelected()).isTrue();
        assertThat(b.text(By.id("settingsCardStatus"))).isEqualTo("Taking card payments");

        b.type(By.id("settingsForm:lifetime"), "721");
        b.click(By.id("settingsForm:save"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "from 1 to 720 (30 days)");
        b.open("/staff/admin/settings.xhtml");
        assertThat(value(b, "settingsForm:lifetime")).as("a refused save keeps nothing").isEqualTo("24");

        b.type(By.id("settingsForm:lifetime"), "48");
        b.driver().findElement(By.cssSelector("label[for$='emailFrom:1']")).click();
        b.click(By.id("settingsForm:save"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "Settings saved");
        b.open("/staff/admin/settings.xhtml");
        assertThat(value(b, "settingsForm:lifetime")).isEqualTo("48");
        String history = b.text(By.id("history"));
        assertThat(history).contains("Morgan Avery", "Link lifetime", "24 hours", "48 hours", "Emails come from",
                "The practice's name");

        long next = sendAndAwaitMail();
        assertThat(lifetimeOf(next)).as("a link sent after the change").isEqualTo(Duration.ofHours(48));
        List<MimeMessage> mails = mail.to(PAYER);
        MimeMessage latest = mails.get(mails.size() - 1);
        assertThat(((InternetAddress) latest.getFrom()[0]).getPersonal()).as("From: the practice's name now")
                .isEqualTo(PRACTICE);
        assertThat(latest.getSubject()).isEqualTo(PRACTICE);
        assertThat(lifetimeOf(earlier)).as("the earlier link keeps its 24 hours").isEqualTo(Duration.ofHours(24));
        List<String> audited = changesAudited();
        assertThat(audited.subList(auditedBefore.size(), audited.size()))
                .as("two settings changed, each audited once with who")
                .containsExactly("linkLifetimeHours:admin", "emailFrom:admin");
    }

    @Test
    void practiceSettingsAreForAdminsOnly() throws Exception {
        StaffSession biller = new StaffSession(base);
        biller.signIn("biller", PASSWORD);
        assertThat(biller.get("/staff/admin/settings.xhtml").statusCode()).isEqualTo(403);
        Browser b = browser().signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        assertThat(b.driver().findElements(By.id("navSettings"))).as("no menu entry for billing staff").isEmpty();
    }

    @Test
    void aReminderThatDoesNotFitTheLifetimeIsRefused() throws Exception {
        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/settings.xhtml");
        b.type(By.id("settingsForm:lifetime"), "6");
        b.driver().findElement(By.cssSelector("label[for='settingsForm:reminder']")).click();
        b.type(By.id("settingsForm:reminderHours"), "6");
        b.click(By.id("settingsForm:save"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "less than the link lifetime");
        b.open("/staff/admin/settings.xhtml");
        assertThat(value(b, "settingsForm:lifetime")).isEqualTo("24");
        assertThat(b.driver().findElement(By.id("settingsForm:reminder")).isSelected()).isFalse();

        b.type(By.id("settingsForm:partialMinimum"), "0.10");
        b.click(By.id("settingsForm:save"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "from $0.50");
    }

    /**
     * PL11 in the browser: the Admin turns the reminder on; when the link's reminder falls due (moved forward
     * here in the database, as the clock would) the schedule mails it once; its link opens the payment page and
     * pays; once paid, a reminder that falls due is never sent.
     */
    @Test
    void theReminderGoesOutOnce_itsLinkPays_andAPaidLinkIsNeverReminded() throws Exception {
        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/settings.xhtml");
        b.driver().findElement(By.cssSelector("label[for='settingsForm:reminder']")).click();
        b.type(By.id("settingsForm:reminderHours"), "6");
        b.click(By.id("settingsForm:save"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "Settings saved");

        long link = sendAndAwaitMail("Rivera, Lucas", "RC-1004", LUCAS);
        makeReminderDue(link, false);
        await().atMost(Duration.ofSeconds(40)).until(() -> reminders().size() >= 1);
        String reminder = Mailbox.text(reminders().get(0));
        assertThat(reminder).contains("RC-1004", "$180.00", "expires on");
        java.util.regex.Matcher url = Mailbox.LINK.matcher(reminder);
        assertThat(url.find()).isTrue();

        b = browser();
        b.driver().get(url.group(1));
        assertThat(b.text(By.id("invoiceNumber"))).isEqualTo("RC-1004");
        b.fillSandboxCard("Lucas Rivera", "4242424242424242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");

        // an unpaid link sent with a reminder and the paid one fall due together: the unpaid one's reminder shows that
        // the schedule went through both, and the paid one was neither claimed nor mailed
        long unpaid = sendAndAwaitMail("Carter, Emma", "RC-1001", EMMA);
        makeReminderDue(link, true); // as if its reminder fell due now that it is paid
        makeReminderDue(unpaid, false);
        await().atMost(Duration.ofSeconds(40)).until(() -> reminders(EMMA).size() >= 1);
        assertThat(reminderQueued(link)).as("the paid link's reminder was never claimed").isNull();
        assertThat(reminders()).as("one reminder, none after payment").hasSize(1);
    }

    private List<MimeMessage> reminders() {
        return reminders(LUCAS);
    }

    private List<MimeMessage> reminders(String to) {
        return mail.to(to).stream().filter(m -> Mailbox.text(m).contains("A reminder from")).toList();
    }

    private static java.sql.Timestamp reminderQueued(long linkId) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "select reminder_queued_at from payment_link where id = ?")) {
            s.setLong(1, linkId);
            try (java.sql.ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getTimestamp(1);
            }
        }
    }

    private static void makeReminderDue(long linkId, boolean again) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "update payment_link set remind_at = now() - interval '1 second'"
                        + (again ? ", reminder_queued_at = null" : "") + " where id = ? and remind_at is not null")) {
            s.setLong(1, linkId);
            assertThat(s.executeUpdate()).as("the link was sent with a reminder").isEqualTo(1);
        }
    }

    private static String value(Browser b, String id) {
        return b.driver().findElement(By.id(id)).getAttribute("value");
    }

    /** Sends a link for Ava Thompson's invoice as the biller, waits for its email; returns the link's id. */
    private long sendAndAwaitMail() throws Exception {
        return sendAndAwaitMail("Thompson, Ava", "RC-1003", PAYER);
    }

    private long sendAndAwaitMail(String client, String number, String payer) throws Exception {
        int before = mail.to(payer).size();
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        assertThat(staff.sendLink(staff.invoiceId(client, number), "biller", PASSWORD)).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(payer).size() > before);
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "select max(l.id) from payment_link l join invoice i on i.id = l.invoice_id where i.number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Duration lifetimeOf(long linkId) throws Exception {
        try (Connection c = Database.connect();
             PreparedStatement s = c.prepareStatement("select sent_at, expires_at from payment_link where id = ?")) {
            s.setLong(1, linkId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Instant sent = r.getObject(1, java.time.OffsetDateTime.class).toInstant();
                return Duration.between(sent, r.getObject(2, java.time.OffsetDateTime.class).toInstant());
            }
        }
    }

    private static List<String> changesAudited() throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("""
                select ch.setting || ':' || s.username from practice_setting_change ch
                join staff s on s.id = ch.staff_id join practice p on p.id = ch.practice_id
                where p.name = ? order by ch.id""")) {
            s.setString(1, PRACTICE);
            try (ResultSet r = s.executeQuery()) {
                List<String> rows = new java.util.ArrayList<>();
                while (r.next()) {
                    rows.add(r.getString(1));
                }
                return rows;
            }
        }
    }
}
