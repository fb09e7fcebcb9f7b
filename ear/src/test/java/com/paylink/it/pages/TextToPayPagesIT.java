package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23 in the browser, as staff and clients meet it: Billing sends one link by email and text from the ledger
 * (the dialog shows the exact text and its segments; the green confirmation names both channels); the demo phone shows
 * the text and its link pays; STOP from the phone withdraws consent and the dialog then says why no text can go,
 * START restores it; Valentina's text is in Spanish; Client Details refuses a bad number with its reason and keeps the
 * history; the Admin's Text messages page shows the sender's registration and sends a test text.
 * <p>Quiet hours follow the client's time zone: each test gives its client a zone where it is midday now, so the texts
 * go at once whatever the hour this runs at; one test moves the server's clock (POST /demo/clock) to 22:30 in the
 * client's zone and then to 8:00, to see the text held, then delivered with a whole day to pay.
 */
class TextToPayPagesIT extends PageTest {

    private static final String EMMA = "+12015550123";
    private static final String VALENTINA = "+12125550147";
    private static final String HARPER = "+16175550199";

    /** A fixed-offset zone where it is about 13:00 now, given to the client as their own. */
    private static void middayFor(String firstName, String lastName) throws Exception {
        int offset = 13 - ZonedDateTime.now(ZoneOffset.UTC).getHour();
        if (offset > 14) {
            offset -= 24;
        } else if (offset < -12) {
            offset += 24;
        }
        String zone = ZoneOffset.ofHours(offset).getId();
        assertThat(Database.update("update client set time_zone = '" + zone + "' where first_name = '" + firstName
                + "' and last_name = '" + lastName + "'")).isEqualTo(1);
    }

    private void openSendDialog(Browser b, String client, String invoice) {
        b.openLedger(client);
        b.openActions(invoice);
        b.chooseAction("Send 1-Time Payment Link");
        b.waitForText(By.id("dialogInvoice"), invoice);
    }

    /** The link in the newest text the demo phone shows for {@code number}. */
    private static String linkOnThePhone(Browser b, String number) {
        b.open("/demo/phone.xhtml");
        List<WebElement> links = b.driver().findElements(By.xpath("//tr[td[contains(@class,'pl-phone-to') and normalize-space(.)='"
                + number + "']]//a[contains(@class,'pl-phone-link')]"));
        return links.isEmpty() ? null : links.get(0).getAttribute("href");
    }

    private static String textOnThePhone(Browser b, String number) {
        b.open("/demo/phone.xhtml");
        List<WebElement> texts = b.driver().findElements(By.xpath("//tr[td[contains(@class,'pl-phone-to') and normalize-space(.)='"
                + number + "']]//pre[contains(@class,'pl-phone-text')]"));
        return texts.isEmpty() ? null : texts.get(0).getText();
    }

    @Test
    void billingSendsOneLinkByEmailAndText_theClientPaysFromThePhone() throws Exception {
        middayFor("Emma", "Carter");
        Browser b = browser().signIn("biller", PASSWORD);
        openSendDialog(b, "Carter, Emma", "RC-1001");
        assertThat(b.text(By.id("channelSet"))).contains("Email", "Text message to +1 •••-•••-0123");
        assertThat(b.driver().findElement(By.id("sendLinkForm:byEmail")).isSelected()).as("email by default").isTrue();
        String preview = b.text(By.id("textPreviewBody"));
        assertThat(preview).contains("Riverside Counseling", "$150.00", "/pay/XXXX", "Reply STOP to opt out")
                .doesNotContain("Therapy", "Dr. ", "Emma");
        assertThat(b.text(By.id("sendLinkForm:textPreview"))).contains("1 SMS segment(s), GSM-7");
        b.click(By.id("sendLinkForm:byText"));
        b.click(By.id("sendLinkForm:send"));
        b.waitForText(By.cssSelector(".ui-growl"), "Payment link sent to e***@example.com by email and to +1 •••-•••-0123 by text.");

        await().atMost(Duration.ofSeconds(30)).until(() -> linkOnThePhone(b, EMMA) != null);
        String text = textOnThePhone(b, EMMA);
        assertThat(text).startsWith("Riverside Counseling:").contains("$150.00", "Reply STOP to opt out");
        for (String clinical : List.of("Individual Therapy", "Dr. Sarah Smith", "Carter")) {
            assertThat(text).doesNotContain(clinical);
        }
        b.driver().get(linkOnThePhone(b, EMMA));
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$150.00");
        b.fillSandboxCard("Emma Carter", "4242424242424242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");

        b.signIn("biller", PASSWORD);
        b.openLedger("Carter, Emma");
        b.waitForText(By.id("ledger:tabs:allInvoices"), "text delivered to +1 •••-•••-0123");
    }

    /** The server's "now", moved (the test server's adjustable clock; the next class's demo reset puts it back). */
    private void serverClockAt(Instant at) throws Exception {
        HttpResponse<String> moved = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/demo/clock?at="
                        + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }

    /** Ticks or clears a channel's box in the send dialog, whatever it showed first. */
    private static void channel(Browser b, String id, boolean wanted) {
        WebElement box = b.driver().findElement(By.id(id));
        if (box.isSelected() != wanted) {
            b.click(By.id(id));
        }
    }

    @Test
    void aTextAskedForAt2230ClientTime_waitsFor8_thenArrivesWithAWholeDayToPay() throws Exception {
        ZoneId chicago = ZoneId.of("America/Chicago");
        String ava = "+13125550164";
        assertThat(Database.update("update client set mobile_phone = '" + ava + "', text_consent = 'GIVEN', "
                + "text_consent_method = 'ON_FORM', text_consent_at = now(), time_zone = 'America/Chicago' "
                + "where first_name = 'Ava' and last_name = 'Thompson'")).isEqualTo(1);
        ZonedDateTime tonight = ZonedDateTime.now(chicago).with(LocalTime.of(22, 30));
        if (tonight.isBefore(ZonedDateTime.now(chicago))) {
            tonight = tonight.plusDays(1);
        }
        Instant eight = tonight.plusDays(1).with(LocalTime.of(8, 0)).toInstant();
        try {
            serverClockAt(tonight.toInstant());
            Browser b = browser().signIn("biller", PASSWORD);
            openSendDialog(b, "Thompson, Ava", "RC-1003");
            channel(b, "sendLinkForm:byText", true);
            channel(b, "sendLinkForm:byEmail", false);
            assertThat(b.text(By.cssSelector("[id$='textHeld']"))).as("the dialog says when it will go")
                    .contains("Quiet hours", "9:00 AM", "America/Chicago", "24 hours from that moment");
            b.click(By.id("sendLinkForm:send"));
            b.waitForText(By.cssSelector(".ui-growl"), "by text (held by quiet hours until");
            assertThat(b.text(By.cssSelector(".ui-growl"))).doesNotContain("by email");
            b.openLedger("Thompson, Ava");
            b.waitForText(By.id("ledger:tabs:allInvoices"), "waits for quiet hours to end");
            assertThat(textOnThePhone(b, ava)).as("nothing at 22:30").isNull();

            serverClockAt(eight.plusSeconds(20));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> textOnThePhone(b, ava) != null);
            String text = textOnThePhone(b, ava);
            String expiry = DateTimeFormatter.ofPattern("MMM d, h:mm a", Locale.US).format(eight.plus(Duration.ofHours(24)).atZone(chicago));
            assertThat(text).as("a whole day to pay from when the text went").contains(expiry);
            b.driver().get(linkOnThePhone(b, ava));
            String amount = b.text(By.id("amountDue"));
            assertThat(text).as("the amount the page asks for").contains(amount);
            b.fillSandboxCard("Ava Thompson", "4242424242424242");
            b.click(By.id("card:pay"));
            b.waitForText(By.id("paid"), "This invoice has been paid");
        } finally {
            serverClockAt(Instant.now());
        }
    }

    @Test
    void stopFromThePhone_withdrawsConsent_theDialogSaysWhy_andStartRestoresIt() throws Exception {
        middayFor("Harper", "Lewis");
        Browser b = browser();
        b.open("/demo/phone.xhtml");
        b.type(By.id("replyForm:from"), HARPER);
        b.type(By.id("replyForm:body"), "STOP");
        b.click(By.id("replyForm:sendReply"));
        b.waitForText(By.id("phoneMessages"), "Reply delivered to Paylink (HTTP 200).");

        b.signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        b.click(By.linkText("Lewis, Harper"));
        assertThat(b.text(By.id("clientTextConsent"))).startsWith("Withdrawn (opted out)").contains("by replying STOP", "the client");
        assertThat(b.text(By.id("texting"))).contains("The client opted out by text (STOP)");

        openSendDialog(b, "Lewis, Harper", "RC-1011");
        assertThat(b.driver().findElement(By.id("sendLinkForm:byText")).isEnabled()).isFalse();
        assertThat(b.text(By.id("sendLinkForm:textUnavailable"))).contains("opted out of texts at +1 •••-•••-0199");

        b.open("/demo/phone.xhtml");
        b.type(By.id("replyForm:from"), HARPER);
        b.type(By.id("replyForm:body"), "START");
        b.click(By.id("replyForm:sendReply"));
        b.waitForText(By.id("phoneMessages"), "Reply delivered to Paylink (HTTP 200).");
        assertThat(b.pageText()).as("Twilio's own confirmations, on the phone").contains("successfully been unsubscribed",
                "successfully been re-subscribed");
        b.open("/staff/clients.xhtml");
        b.click(By.linkText("Lewis, Harper"));
        assertThat(b.text(By.id("clientTextConsent"))).startsWith("Given").contains("by replying START");
    }

    @Test
    void theApiSendsByText_andRefusesWhatCannotBeSentWithItsReason_changingNothing() throws Exception {
        middayFor("Harper", "Lewis");
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        long mia = staff.invoiceId("Chen, Mia", "RC-1005");
        long harper = staff.invoiceId("Lewis, Harper", "RC-1012");
        HttpResponse<String> none = staff.sendLinkWith(harper, "{\"channels\":[]}", "biller", PASSWORD);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("no-channel");
        assertThat(staff.sendLinkWith(harper, "{\"channels\":[\"fax\"]}", "biller", PASSWORD).statusCode()).isEqualTo(422);
        assertThat(staff.sendLinkWith(harper, "{\"channels\":\"text\"}", "biller", PASSWORD).statusCode()).isEqualTo(400);
        HttpResponse<String> noConsent = staff.sendLinkWith(mia, "{\"channels\":[\"text\"]}", "biller", PASSWORD);
        assertThat(noConsent.statusCode()).isEqualTo(409);
        assertThat(noConsent.body()).contains("no-text-consent", "+1 •••-•••-0136");
        assertThat(Database.linkCount("RC-1005") + Database.linkCount("RC-1012")).as("nothing sent").isZero();
        assertThat(staff.sendLinkWith(mia, "{\"channels\":[\"text\"]}", "frontdesk", PASSWORD).statusCode())
                .as("Billing only").isEqualTo(403);

        HttpResponse<String> sent = staff.sendLinkWith(harper, "{\"channels\":[\"text\"]}", "biller", PASSWORD);
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.body()).contains("\"channels\":[\"text\"]", "\"textTo\":\"+1 •••-•••-0199\"");
        Browser b = browser();
        await().atMost(Duration.ofSeconds(30)).until(() -> linkOnThePhone(b, HARPER) != null);
    }

    @Test
    void valentinasTextIsInSpanish() throws Exception {
        middayFor("Valentina", "Ortiz");
        Browser b = browser().signIn("biller", PASSWORD);
        openSendDialog(b, "Ortiz, Valentina", "RC-1006");
        b.click(By.id("sendLinkForm:byEmail"));
        b.click(By.id("sendLinkForm:byText"));
        b.click(By.id("sendLinkForm:send"));
        b.waitForText(By.cssSelector(".ui-growl"), "by text");
        assertThat(b.pageText()).doesNotContain("by email and");
        await().atMost(Duration.ofSeconds(30)).until(() -> textOnThePhone(b, VALENTINA) != null);
        assertThat(textOnThePhone(b, VALENTINA)).contains("pague", "180,00").doesNotContain("Reply STOP", "pay $");
        assertThat(mail.to("valentina.ortiz@example.com")).as("by text only: no email").isEmpty();
    }

    @Test
    void clientDetailsRefuseABadNumber_recordConsentWithItsHistory_andTheAdminSendsATestText() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        b.click(By.linkText("Chen, Mia"));
        assertThat(b.text(By.id("clientTextConsent"))).startsWith("Not given");
        b.type(By.id("textingForm:mobile"), "555-CALL-NOW");
        b.click(By.id("textingForm:saveTexting"));
        b.waitForText(By.cssSelector(".ui-growl"), "is not a phone number");
        assertThat(Database.count("select count(*) from client_history h join client c on c.id = h.client_id where c.first_name = 'Mia'"))
                .as("a refused number changes nothing").isZero();
        b.type(By.id("textingForm:mobile"), "(415) 555-0199");
        b.click(By.xpath("//label[normalize-space(.)='The client agreed on a signed form']"));
        b.click(By.id("textingForm:saveTexting"));
        b.waitForText(By.cssSelector(".ui-growl"), "Text settings saved.");
        assertThat(b.text(By.id("clientMobile"))).isEqualTo("+1 415-555-0199");
        assertThat(b.text(By.id("clientTextConsent"))).startsWith("Given").contains("on a signed form", "Bailey Brooks");
        assertThat(b.text(By.id("texting"))).contains("Mobile number changed", "Consent to texts recorded");

        b.signOut();
        b.signIn("frontdesk", PASSWORD);
        b.open("/staff/clients.xhtml");
        b.click(By.linkText("Chen, Mia"));
        assertThat(b.driver().findElements(By.id("textingForm"))).as("only Billing staff and Admins change it").isEmpty();

        b.signOut();
        b.signIn("admin", PASSWORD);
        b.open("/staff/admin/texting.xhtml");
        assertThat(b.text(By.id("registrationStatus"))).startsWith("Registered");
        b.type(By.id("testForm:testNumber"), "(617) 555-0142");
        b.click(By.id("testForm:sendTest"));
        b.waitForText(By.cssSelector(".ui-growl"), "Test text sent to +1 •••-•••-0142");
        await().atMost(Duration.ofSeconds(30)).until(() -> textOnThePhone(b, "+16175550142") != null);
        assertThat(textOnThePhone(b, "+16175550142")).contains("test text from Paylink");
    }
}
