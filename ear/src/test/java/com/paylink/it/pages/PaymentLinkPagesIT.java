package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Send 1-Time Payment Link from outside: the ledger page in Chromium and the JSON API over HTTP, with a
 * real SMTP server (GreenMail) in this JVM receiving the mail. Uses the seeded demo data.
 */
class PaymentLinkPagesIT extends PageTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> api(String method, String path, String user, String body) throws Exception {
        return api(method, path, user, body, "POST".equals(method) ? "application/json" : null);
    }

    private HttpResponse<String> api(String method, String path, String user, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long invoice(String signIn, String client, String number) throws Exception {
        StaffSession session = new StaffSession(base);
        session.signIn(signIn, PASSWORD);
        return session.invoiceId(client, number);
    }

    @Test
    void billerSendsALinkFromTheLedgerAndSeesTheGreenConfirmation() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Rivera, Lucas");
        b.openActions("RC-1004");
        assertThat(b.visibleMenuItems()).contains("View Details", "Send 1-Time Payment Link");
        b.chooseAction("Send 1-Time Payment Link");

        b.waitForText(By.id("dialogInvoice"), "RC-1004");
        assertThat(b.text(By.id("dialogBalance"))).isEqualTo("$180.00");
        String choices = b.text(By.id("sendLinkForm:recipient"));
        assertThat(choices).contains("Bill To & Insurance Info: Rivera Family Trust <trust@rivera-family.example>",
                "Client Details: Lucas Rivera <lucas.rivera@example.com>",
                "Household Information: Sofia Rivera <sofia.rivera@example.com>");
        b.click(By.id("sendLinkForm:send"));

        b.waitForText(By.cssSelector(".ui-growl"), "Payment link sent to t***@rivera-family.example");
        assertThat(b.driver().findElement(By.cssSelector(".ui-growl-item-container")).getAttribute("class"))
                .contains("ui-growl-info");
        assertThat(b.driver().findElement(By.cssSelector(".ui-growl-item-container")).getCssValue("background-color"))
                .as("green").isEqualTo("rgba(230, 246, 236, 1)");
        b.waitForText(By.id("ledger:tabs:allInvoices"), "Sent");

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("trust@rivera-family.example").size() == 1);
        MimeMessage sent = mail.to("trust@rivera-family.example").get(0);
        assertThat(sent.getSubject()).isEqualTo("Riverside Counseling");
        assertThat(((InternetAddress) sent.getFrom()[0]).getPersonal()).isEqualTo("Bailey Brooks");

        // revoke, after confirming
        b.openActions("RC-1004");
        b.chooseAction("Revoke payment link");
        b.waitForText(By.cssSelector(".ui-confirm-dialog"), "no longer be able to pay");
        b.click(By.id("confirmYes"));
        b.waitForText(By.cssSelector(".ui-growl"), "Payment link revoked");
        b.waitForText(By.id("ledger:tabs:allInvoices"), "Revoked");
    }

    /** PAY12 as a biller meets it: the receipt number on the Payments tab, Refund payment, the green answer. */
    @Test
    void aBillerRefundsPartOfALinkPaymentFromThePaymentsTab() throws Exception {
        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        assertThat(new SandboxPayer().pay(link, "4242424242424242")).contains("This invoice has been paid");

        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Carter, Emma");
        b.click(By.linkText("Payments"));
        b.waitForText(By.id("ledger:tabs:payments"), "R-");
        b.click(By.cssSelector("#ledger\\:tabs\\:payments .pl-select-action button"));
        b.chooseAction("Refund payment");
        b.waitForText(By.id("refundable"), "$150.00");
        WebElement amount = b.driver().findElement(By.id("refundForm:amount"));
        amount.clear();
        amount.sendKeys("200");
        b.type(By.id("refundForm:reason"), "Session shortened");
        b.click(By.id("refundForm:refund"));
        b.waitForText(By.id("refundForm:refundMessages"), "You can refund at most $150.00 of this payment.");
        amount = b.driver().findElement(By.id("refundForm:amount"));
        amount.clear();
        amount.sendKeys("25.00");
        b.click(By.id("refundForm:refund"));
        b.waitForText(By.cssSelector(".ui-growl"), "Refunded $25.00 of payment R-");
        b.waitForText(By.id("ledger:tabs:refunds"), "Session shortened");
        assertThat(b.text(By.id("ledger:tabs:refunds"))).contains("Refunded", "$25.00");
        assertThat(b.text(By.id("ledger:tabs:payments"))).contains("$25.00");
        assertThat(b.text(By.id("totalBalance"))).isEqualTo("$25.00");
    }

    @Test
    void staffWithoutBillingDoNotSeeTheAction() throws Exception {
        Browser b = browser().signIn("frontdesk", PASSWORD);
        b.openLedger("Carter, Emma");
        b.openActions("RC-1001");
        assertThat(b.visibleMenuItems()).containsExactly("View Details");
    }

    /**
     * PL1 from outside: the page showed the action, then an Admin took Billing away. The menu item's
     * postback is ignored (the page re-reads the permission, so the action no longer exists on the server
     * side of the view); the send form, already open, posts to the boundary, which refuses it. Nothing is sent.
     */
    @Test
    void aBillerWhoLosesBillingMidSessionCanNeitherOpenNorPostTheSendForm() throws Exception {
        long before = Database.linkCount("RC-1002");
        Browser b = browser().signIn("biller", PASSWORD);
        try {
            b.openLedger("Bennett, Noah");
            Database.setPermission("biller", "BILLING", false);
            b.openActions("RC-1002");
            b.chooseAction("Send 1-Time Payment Link");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    b.driver().findElements(By.id("dialogInvoice")).stream().noneMatch(e -> e.isDisplayed()));

            Database.setPermission("biller", "BILLING", true);
            b.open("/staff/clients.xhtml");
            b.openLedger("Bennett, Noah");
            b.openActions("RC-1002");
            b.chooseAction("Send 1-Time Payment Link");
            b.waitForText(By.id("dialogInvoice"), "RC-1002");
            Database.setPermission("biller", "BILLING", false);
            b.click(By.id("sendLinkForm:send"));
            b.waitForText(By.cssSelector(".ui-growl"), "does not have the permission this needs");
            assertThat(Database.linkCount("RC-1002")).as("nothing sent").isEqualTo(before);
        } finally {
            Database.setPermission("biller", "BILLING", true);
        }
    }

    @Test
    void aPracticeNotEnrolledSeesTheActionDisabledWithTheReason() throws Exception {
        Browser b = browser().signIn("lakeadmin", PASSWORD);
        b.openLedger("Walsh, Ethan");
        assertThat(b.text(By.id("notEnrolledNote"))).contains("card processing to be set up");
        b.openActions("LT-2001");
        assertThat(b.visibleMenuItems()).contains("Send 1-Time Payment Link (disabled)");
    }

    @Test
    void aClientWithoutEmailGetsTheSameMessageOnThePageAndInTheApi() throws Exception {
        HttpResponse<String> api = api("POST", "/api/invoices/" + invoice("biller", "Chen, Mia", "RC-1005")
                + "/payment-links", "biller:" + PASSWORD, null);
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(api.body()).contains("\"code\":\"no-recipient-email\"");
        String message = "This client has no email address on file. Add one on the Client Profile (in Client Details,"
                + " Household Information or Bill To & Insurance Info), then send the link.";
        assertThat(api.body()).contains(message);

        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Chen, Mia");
        b.openActions("RC-1005");
        b.chooseAction("Send 1-Time Payment Link");
        b.waitForText(By.cssSelector(".ui-growl"), message);
        // the way to fix it stays on the page: a link to where the address is added
        b.waitForText(By.id("noEmailForm"), "No email address is on file for this client");
        b.click(By.id("noEmailForm:addEmailLink"));
        b.waitForPath("/staff/client.xhtml");
    }

    @Test
    void theApiSendsAndReportsALink_neverTheToken() throws Exception {
        long invoice = invoice("biller", "Thompson, Ava", "RC-1003");
        String path = "/api/invoices/" + invoice + "/payment-links";
        HttpResponse<String> sent = api("POST", path, "biller:" + PASSWORD, "{\"recipient\":\"bill-to\"}");
        assertThat(sent.statusCode()).isEqualTo(201);
        assertThat(sent.body()).contains("\"status\":\"ACTIVE\"", "\"recipient\":\"c***@harbor-eap.example\"",
                "\"recipientSource\":\"BILL_TO\"").doesNotContainIgnoringCase("token");

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("claims@harbor-eap.example").size() == 1);
        assertThat(Mailbox.text(mail.to("claims@harbor-eap.example").get(0))).contains("$275.00");

        HttpResponse<String> state = api("GET", path, "frontdesk:" + PASSWORD, null);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body()).contains("\"status\":\"ACTIVE\"", "\"sentBy\":\"Bailey Brooks\"")
                .doesNotContainIgnoringCase("token");
    }

    @Test
    void theApiEnforcesEveryRuleWithItsOwnCode() throws Exception {
        long open = invoice("biller", "Carter, Emma", "RC-1001");
        long voided = invoice("biller", "Thompson, Ava", "RC-0998");
        long paid = invoice("biller", "Carter, Emma", "RC-0994");
        long lakeside = invoice("lakeadmin", "Walsh, Ethan", "LT-2001");
        String biller = "biller:" + PASSWORD;

        HttpResponse<String> before = api("GET", "/api/invoices/" + open + "/payment-links", biller, null);
        assertError(api("POST", "/api/invoices/" + open + "/payment-links", "frontdesk:" + PASSWORD, null), 403, "forbidden");
        assertThat(api("GET", "/api/invoices/" + open + "/payment-links", biller, null).body())
                .as("a refused call changes nothing").isEqualTo(before.body());

        HttpResponse<String> anonymous = api("POST", "/api/invoices/" + open + "/payment-links", null, null);
        assertError(anonymous, 401, "unauthenticated");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertError(api("POST", "/api/invoices/" + open + "/payment-links", "biller:wrong", null), 401, "unauthenticated");

        assertError(api("POST", "/api/invoices/" + lakeside + "/payment-links", "lakeadmin:" + PASSWORD, null), 409,
                "practice-not-enrolled");
        assertError(api("GET", "/api/invoices/" + open + "/payment-links", "lakeadmin:" + PASSWORD, null), 404, "not-found");
        assertError(api("POST", "/api/invoices/" + lakeside + "/payment-links", biller, null), 404, "not-found");
        assertError(api("POST", "/api/invoices/" + voided + "/payment-links", biller, null), 409, "invoice-void");
        assertError(api("POST", "/api/invoices/" + paid + "/payment-links", biller, null), 409, "invoice-paid");
        assertError(api("POST", "/api/invoices/" + open + "/payment-links", biller, "{\"recipient\":\"household-0\"}"),
                422, "unknown-recipient");
        assertError(api("POST", "/api/invoices/" + open + "/payment-links", biller, "{not json"), 400, "bad-request");
        assertError(api("POST", "/api/invoices/999999999/payment-links", biller, null), 404, "not-found");
        assertThat(api("GET", "/api/invoices/" + open + "/payment-links", biller, null).body()).isEqualTo(before.body());
    }

    /**
     * A cross-site form can post text/plain or form data, never application/json; and a path spelled
     * another way (percent-encoded, with a path parameter, doubled slashes, other case) is the API with
     * the same sign-in and permission checks, or nothing at all.
     */
    @Test
    void theApiTakesOnlyJson_andEveryOtherSpellingOfItsPathIsProtectedOrNotFound() throws Exception {
        long open = invoice("biller", "Carter, Emma", "RC-1001");
        String path = "/api/invoices/" + open + "/payment-links";
        String biller = "biller:" + PASSWORD;
        HttpResponse<String> before = api("GET", path, biller, null);

        assertError(api("POST", path, biller, "{\"recipient\":\"bill-to\"}", "text/plain"), 415, "unsupported-media-type");
        assertError(api("POST", path, biller, "recipient=bill-to", "application/x-www-form-urlencoded"), 415,
                "unsupported-media-type");
        assertError(api("POST", path, biller, null, null), 415, "unsupported-media-type");
        assertError(api("POST", path, biller, "{}", "application/jsonx"), 415, "unsupported-media-type");

        for (String other : java.util.List.of("/%61pi/invoices/" + open + "/payment-links",
                "/api;x/invoices/" + open + "/payment-links", "//api/invoices/" + open + "/payment-links",
                "/api//invoices/" + open + "/payment-links", "/API/invoices/" + open + "/payment-links",
                "/Api/invoices/" + open + "/payment-links", "/api/invoices/" + open + "/payment-links/")) {
            int anonymous = api("POST", other, null, "{}").statusCode();
            assertThat(anonymous).as("anonymous POST " + other).isIn(401, 404);
            int frontdesk = api("POST", other, "frontdesk:" + PASSWORD, "{}").statusCode();
            assertThat(frontdesk).as("POST without Billing " + other).isIn(403, 404);
            int form = api("POST", other, biller, "{}", "text/plain").statusCode();
            assertThat(form).as("text/plain POST " + other).isIn(404, 415);
        }
        for (String other : java.util.List.of("/STAFF/clients.xhtml", "/Staff/admin/staff.xhtml", "/Checkout/",
                "/PAY/" + "a".repeat(43), "/Login.xhtml")) {
            assertThat(api("GET", other, biller, null).statusCode()).as("GET " + other).isEqualTo(404);
        }
        assertThat(api("GET", path, biller, null).body()).as("nothing above sent a link").isEqualTo(before.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"message\":\"");
        StaffPagesIT.assertNoStackTrace(response.body());
    }
}
