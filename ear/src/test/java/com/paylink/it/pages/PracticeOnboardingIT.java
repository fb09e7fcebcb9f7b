package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * I5 (issue 27) from outside, as a new practice meets Paylink: the operator's call creates the practice, its Admin sets
 * a password from the emailed link in Chromium, signs in, invites a biller with Billing who does the same; the Admin
 * takes Billing away and the biller's next request is refused; the only Admin cannot step down; "Forgot password?"
 * end to end, with the same answer for an address no account has.
 */
class PracticeOnboardingIT extends PageTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s\"]+(/account/password\\.xhtml\\?t=[A-Za-z0-9_-]{43})");
    private static final String OPERATOR = "it-operator-token";
    private static final String ADMIN_PASSWORD = "maple river lantern";
    private static final String BILLER_PASSWORD = "copper meadow kettle";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anOperatorCreatesAPractice_itsAdminSetsAPasswordAndInvitesABiller_whoseBillingTheAdminControls() throws Exception {
        String practice = "{\"name\":\"Hillside Therapy\",\"timeZone\":\"America/Chicago\",\"contactEmail\":"
                + "\"office@hillside.example\",\"contactPhone\":\"(555) 010-2000\",\"adminName\":\"Avery Hill\","
                + "\"adminEmail\":\"avery@hillside.example\"}";
        // the operator's call: refused without the token, with another, or with a bad field; nothing created then
        assertThat(operator(null, practice).statusCode()).isEqualTo(401);
        assertThat(operator("guess", practice).statusCode()).isEqualTo(403);
        HttpResponse<String> badZone = operator(OPERATOR, practice.replace("America/Chicago", "Mars/Olympus"));
        assertThat(badZone.statusCode()).isEqualTo(422);
        assertThat(badZone.body()).contains("\"code\":\"practice-zone-invalid\"", "Mars/Olympus", "America/Chicago");
        assertThat(operator(OPERATOR, "{not json").statusCode()).isEqualTo(400);
        assertThat(Database.count("select count(*) from practice where name = 'Hillside Therapy'")).isZero();
        HttpResponse<String> created = operator(OPERATOR, practice);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"adminUsername\":\"avery@hillside.example\"", "\"invitation\":\"sent\"");
        assertThat(operator(OPERATOR, practice).body()).as("the same Admin twice").contains("staff-email-taken");

        // the first Admin follows the invitation
        MimeMessage invitation = awaitMail("avery@hillside.example", 1);
        assertThat(invitation.getSubject()).isEqualTo("Set up your Paylink account for Hillside Therapy");
        String adminLink = link(invitation);
        Browser b = browser();
        b.open(adminLink);
        assertThat(b.text(By.tagName("h1"))).isEqualTo("Welcome to Paylink");
        assertThat(b.text(By.id("whose"))).contains("Avery Hill", "Hillside Therapy");
        assertThat(b.text(By.id("usernameNote"))).contains("avery@hillside.example");
        setPassword(b, "short", "short");
        b.waitForText(By.id("password:messages"), "at least 12 characters");
        setPassword(b, ADMIN_PASSWORD, ADMIN_PASSWORD);
        b.waitForPath("/login.xhtml");
        assertThat(b.text(By.id("passwordSetNote"))).contains("Your password is set", "avery@hillside.example");
        assertThat(b.driver().findElement(By.id("login:username")).getAttribute("value")).isEqualTo("avery@hillside.example");
        b.open(adminLink);
        assertThat(b.text(By.id("unusable"))).as("once").contains("does not work any more");

        b.signIn("avery@hillside.example", ADMIN_PASSWORD);
        assertThat(b.text(By.id("practiceName"))).isEqualTo("Hillside Therapy");
        b.click(By.id("navAdminMenu"));
        b.click(By.id("navStaff"));
        b.waitForPath("/staff/admin/staff.xhtml");
        assertThat(b.text(By.id("changes"))).contains("Operator (new practice)", "Invited", "Set their password");

        // the Admin invites a biller with Billing
        b.type(By.id("invite:name"), "Blake Biller");
        b.type(By.id("invite:email"), "blake@hillside.example");
        b.click(By.id("invite:billing"));
        b.click(By.id("invite:send"));
        b.waitForText(By.cssSelector(".ui-messages"), "Invitation sent to blake@hillside.example.");
        assertThat(b.text(By.id("staffForm:staff"))).contains("Blake Biller", "Invited, no password yet");
        String billerLink = link(awaitMail("blake@hillside.example", 1));

        Browser biller = browser();
        biller.open(billerLink);
        setPassword(biller, BILLER_PASSWORD, BILLER_PASSWORD);
        biller.waitForPath("/login.xhtml");
        biller.signIn("blake@hillside.example", BILLER_PASSWORD);
        assertThat(biller.text(By.id("signedInAs"))).isEqualTo("Blake Biller");
        StaffSession api = new StaffSession(base);
        long noSuchInvoice = 999_999_999L;
        // with Billing the send is refused only because the new practice has not set up card processing yet
        assertThat(api.sendLink(noSuchInvoice, "blake@hillside.example", BILLER_PASSWORD)).as("with Billing").isEqualTo(409);

        // the Admin sets up card processing (the sandbox's simulated set-up)
        b = browser().signIn("avery@hillside.example", ADMIN_PASSWORD);
        b.open("/staff/admin/card-processing.xhtml");
        b.click(By.id("cardsForm:start"));
        b.waitForPath("/staff/admin/sandbox-onboarding.xhtml");
        b.click(By.id("sandboxOnboarding:complete"));
        b.waitForText(By.id("cardStatus"), "Taking card payments");

        // the biller brings in the practice's first client and invoice on the forms, and sends its link
        biller = browser().signIn("blake@hillside.example", BILLER_PASSWORD);
        biller.click(By.id("newClientLink"));
        biller.waitForPath("/staff/client-new.xhtml");
        biller.type(By.id("newClient:firstName"), "Nora");
        biller.type(By.id("newClient:lastName"), "Quill");
        biller.type(By.id("newClient:email"), "nora.quill@example.com");
        biller.click(By.id("newClient:save"));
        biller.waitForPath("/staff/client.xhtml");
        biller.click(By.id("menuLedger"));
        biller.click(By.id("newInvoiceLink"));
        biller.waitForPath("/staff/invoice-new.xhtml");
        biller.type(By.id("newInvoice:number"), "HT-1");
        biller.type(By.cssSelector("[id$='0:description']"), "Intake");
        biller.type(By.cssSelector("[id$='0:unitAmount']"), "95.00");
        biller.click(By.id("newInvoice:save"));
        biller.waitForPath("/staff/ledger.xhtml");
        biller.openActions("HT-1");
        biller.chooseAction("Send 1-Time Payment Link");
        biller.waitForText(By.id("dialogInvoice"), "HT-1");
        biller.click(By.id("sendLinkForm:send"));
        biller.waitForText(By.cssSelector(".ui-growl"), "Payment link sent");
        MimeMessage link = awaitMail("nora.quill@example.com", 1);
        assertThat(link.getSubject()).as("the practice's name").isEqualTo("Hillside Therapy");
        assertThat(((jakarta.mail.internet.InternetAddress) link.getFrom()[0]).getPersonal()).isEqualTo("Blake Biller");

        // the Admin takes Billing away: the biller's next request is refused, and the ledger no longer offers a send
        b = browser().signIn("avery@hillside.example", ADMIN_PASSWORD);
        b.open("/staff/admin/staff.xhtml");
        b.click(row("Blake Biller", "input", ":billing"));
        b.click(row("Blake Biller", "button", ":save"));
        b.waitForText(By.id("staffForm:messages"), "Saved the permissions of Blake Biller.");
        assertThat(api.sendLink(noSuchInvoice, "blake@hillside.example", BILLER_PASSWORD)).as("without Billing").isEqualTo(403);
        biller = browser().signIn("blake@hillside.example", BILLER_PASSWORD);
        biller.openLedger("Quill, Nora");
        biller.openActions("HT-1");
        assertThat(biller.visibleMenuItems()).doesNotContain("Send 1-Time Payment Link");

        b = browser().signIn("avery@hillside.example", ADMIN_PASSWORD);
        b.open("/staff/admin/staff.xhtml");
        // the practice's only Admin cannot step down
        b.click(row("Avery Hill", "input", ":admin"));
        b.click(row("Avery Hill", "button", ":save"));
        b.waitForText(By.id("staffForm:messages"), "without an active Admin");
        assertThat(b.driver().findElement(row("Avery Hill", "input", ":admin")).isSelected()).isTrue();
    }

    @Test
    void forgotPassword_theSameAnswerForAnyAddress_andTheEmailedLinkSetsANewPasswordOnce() throws Exception {
        String email = "frontdesk@riverside-counseling.example";
        Browser b = browser();
        b.open("/login.xhtml");
        b.click(By.id("login:forgot"));
        b.waitForPath("/account/forgot.xhtml");
        b.type(By.id("forgot:email"), "nobody@riverside-counseling.example");
        b.click(By.id("forgot:send"));
        String answer = b.text(By.id("asked"));
        assertThat(answer).contains("If a Paylink account uses this address");

        b.open("/account/forgot.xhtml");
        b.type(By.id("forgot:email"), email);
        b.click(By.id("forgot:send"));
        assertThat(b.text(By.id("asked"))).as("the same answer").isEqualTo(answer);
        MimeMessage reset = awaitMail(email, 1);
        assertThat(reset.getSubject()).isEqualTo("Set a new Paylink password");
        assertThat(Mailbox.text(reset)).contains("Frankie Diaz", "frontdesk");
        await("no account, no email").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mail.to("nobody@riverside-counseling.example").isEmpty());

        b.open(link(reset));
        assertThat(b.text(By.tagName("h1"))).isEqualTo("Set a new password");
        setPassword(b, "violet harbor compass", "violet harbor compass");
        b.waitForPath("/login.xhtml");
        b.signIn("frontdesk", PASSWORD);
        assertThat(b.path()).as("the old password no longer works").startsWith("/login.xhtml");
        b.signIn("frontdesk", "violet harbor compass");
        assertThat(b.text(By.id("signedInAs"))).isEqualTo("Frankie Diaz");

        // neither page keeps a session for someone not signed in, and the token's page leaves no referrer
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(root() + link(reset))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("does not work any more");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private HttpResponse<String> operator(String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + "/operator/practices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void setPassword(Browser b, String password, String again) {
        b.type(By.id("password:newPassword"), password);
        b.type(By.id("password:confirmation"), again);
        b.click(By.id("password:save"));
    }

    private static MimeMessage awaitMail(String to, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(to).size() >= count);
        List<MimeMessage> mails = mail.to(to);
        return mails.get(count - 1);
    }

    /** The set-password link's path and token, from the email. */
    private static String link(MimeMessage message) {
        Matcher m = LINK.matcher(Mailbox.text(message));
        assertThat(m.find()).as("a set-password link").isTrue();
        return m.group(1);
    }

    private static By row(String name, String element, String idEnding) {
        return By.xpath("//tr[td[contains(., '" + name + "')]]//" + element + "[contains(@id, '" + idEnding + "')]");
    }
}
