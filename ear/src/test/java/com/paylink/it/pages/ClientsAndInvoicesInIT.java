package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * L15 (issue 27) from outside: a practice's billing system keeps Paylink in step over the API by its own ids
 * (create-or-update is idempotent; bad input gets a specific 4xx and changes nothing; another practice's ids are not
 * found; a paid invoice keeps its content), an invoice brought in this way is paid through a link, and the forms
 * bring a client and an invoice in for a practice without a billing system.
 */
class ClientsAndInvoicesInIT extends PageTest {

    private static final String BILLER = "biller:" + PASSWORD;
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBillingSystemPutsClientsAndInvoicesByItsOwnIds_onceEach_andAPaidInvoiceKeepsItsContent() throws Exception {
        String client = "{\"firstName\":\"Quinn\",\"lastName\":\"Harper\",\"dateOfBirth\":\"1990-04-02\","
                + "\"email\":\"quinn.harper@example.com\",\"language\":\"es\","
                + "\"household\":[{\"relationship\":\"Parent\",\"name\":\"Robin Harper\",\"email\":\"robin@example.com\"}]}";
        // bad input: a specific answer, and nothing created
        assertError(api("PUT", "/api/sync/clients/PMS-C-100", BILLER, client.replace("quinn.harper@example.com", "quinn@")),
                422, "client-email-invalid", "Client Details");
        assertError(api("PUT", "/api/sync/clients/PMS-C-100", BILLER, client.replace("\"es\"", "\"fr\"")), 422,
                "client-language-not-offered", "\\\"fr\\\"");
        assertError(api("PUT", "/api/sync/clients/PMS-C-100", BILLER, client.replace("1990-04-02", "02/04/1990")), 400,
                "bad-request", "dateOfBirth must be a date");
        assertError(api("PUT", "/api/sync/clients/PMS-C-100", BILLER, "{not json"), 400, "bad-request", "not a JSON object");
        assertError(api("PUT", "/api/sync/clients/has%20space", BILLER, client), 422, "external-id-invalid", "has space");
        assertError(api("GET", "/api/sync/clients/PMS-C-100", BILLER, null), 404, "not-found", "");
        // only Billing and Admins
        assertError(api("PUT", "/api/sync/clients/PMS-C-100", "frontdesk:" + PASSWORD, client), 403, "forbidden", "");

        HttpResponse<String> created = api("PUT", "/api/sync/clients/PMS-C-100", BILLER, client);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long clientId = id(created);
        HttpResponse<String> again = api("PUT", "/api/sync/clients/PMS-C-100", BILLER, client);
        assertThat(again.statusCode()).as("the same client again: updated, not another").isEqualTo(200);
        assertThat(id(again)).isEqualTo(clientId);
        assertThat(Database.count("select count(*) from client where last_name = 'Harper' and first_name = 'Quinn'")).isEqualTo(1);
        // another practice does not see it, and its own id space is its own
        assertError(api("GET", "/api/sync/clients/PMS-C-100", "lakeadmin:" + PASSWORD, null), 404, "not-found", "");

        String invoice = "{\"client\":\"PMS-C-100\",\"number\":\"PMS-5001\",\"issuedOn\":\"2026-12-01\",\"provider\":\"drsmith\","
                + "\"lines\":[{\"description\":\"Individual session\",\"quantity\":1,\"unitAmount\":\"150.00\"},"
                + "{\"description\":\"Late cancellation\",\"unitAmount\":25}]}";
        assertError(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice.replace("PMS-C-100", "PMS-C-404")), 422,
                "invoice-client-unknown", "PMS-C-404");
        assertError(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice.replace("PMS-5001", "RC-1004")), 409,
                "invoice-number-taken", "RC-1004");
        assertError(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice.replace("\"150.00\"", "\"1,50\"")), 422,
                "invoice-line-amount", "line 1");
        assertError(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice.replace("drsmith", "frontdesk")), 422,
                "invoice-provider-unknown", "frontdesk");
        assertError(api("GET", "/api/sync/invoices/PMS-I-1", BILLER, null), 404, "not-found", "");

        HttpResponse<String> put = api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(put.body()).contains("\"status\":\"OPEN\"", "\"total\":\"175.00\"", "\"balance\":\"175.00\"");
        long invoiceId = id(put);
        HttpResponse<String> same = api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(id(same)).isEqualTo(invoiceId);
        // nothing paid yet: the billing system may restate it
        HttpResponse<String> restated = api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice.replace("25}", "30}"));
        assertThat(restated.body()).contains("\"total\":\"180.00\"");

        // the invoice is paid through a link like any other
        int before = mail.linksTo("quinn.harper@example.com").size();
        HttpResponse<String> sent = api("POST", "/api/invoices/" + invoiceId + "/payment-links", BILLER, "{\"recipient\":\"client\"}");
        assertThat(sent.statusCode()).as(sent.body()).isBetween(200, 201);
        String link = mail.awaitNewLinkTo("quinn.harper@example.com", before);
        new SandboxPayer().pay(link, "4242424242424242"); // the client reads Spanish: the API says it is paid
        assertThat(api("GET", "/api/sync/invoices/PMS-I-1", BILLER, null).body()).contains("\"status\":\"PAID\"", "\"balance\":\"0.00\"");

        // paid: its content cannot change and it cannot be voided; the same content again is still fine
        assertError(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice), 409, "invoice-has-postings", "180.00");
        assertError(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER,
                invoice.replace("25}", "30}").replace("\"lines\"", "\"status\":\"void\",\"lines\"")), 409, "invoice-void-paid", "");
        assertThat(api("PUT", "/api/sync/invoices/PMS-I-1", BILLER, invoice.replace("25}", "30}")).statusCode()).isEqualTo(200);

        // an unpaid one is voided, and a void invoice is not reopened
        String second = invoice.replace("PMS-5001", "PMS-5002");
        assertThat(api("PUT", "/api/sync/invoices/PMS-I-2", BILLER, second).statusCode()).isEqualTo(201);
        String voided = second.replace("\"lines\"", "\"status\":\"void\",\"voidReason\":\"Entered twice\",\"lines\"");
        assertThat(api("PUT", "/api/sync/invoices/PMS-I-2", BILLER, voided).body()).contains("\"status\":\"VOID\"");
        assertThat(api("PUT", "/api/sync/invoices/PMS-I-2", BILLER, voided).statusCode()).as("void again: no change").isEqualTo(200);
        assertError(api("PUT", "/api/sync/invoices/PMS-I-2", BILLER, second), 409, "invoice-void", "PMS-5002");
    }

    @Test
    void aPracticeWithoutABillingSystemAddsAClientAndAnInvoiceOnForms_andSendsItsLink() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.click(By.id("newClientLink"));
        b.waitForPath("/staff/client-new.xhtml");
        b.type(By.id("newClient:firstName"), "Jordan");
        b.type(By.id("newClient:lastName"), "Ellis");
        b.type(By.id("newClient:email"), "jordan@example"); // the browser lets it through; the server does not
        b.click(By.id("newClient:save"));
        b.waitForText(By.id("newClient:messages"), "\"jordan@example\" (Client Details) is not a valid email address");
        assertThat(Database.count("select count(*) from client where last_name = 'Ellis'")).as("nothing created").isZero();
        b.type(By.id("newClient:email"), "jordan.ellis@example.com");
        b.click(By.id("newClient:save"));
        b.waitForPath("/staff/client.xhtml");
        assertThat(b.text(By.id("clientCreatedNote"))).contains("Client added");
        assertThat(b.text(By.id("clientDetails"))).contains("jordan.ellis@example.com");

        b.click(By.id("menuLedger"));
        b.click(By.id("newInvoiceLink"));
        b.waitForPath("/staff/invoice-new.xhtml");
        b.type(By.id("newInvoice:number"), "F-77");
        b.click(By.id("newInvoice:save"));
        b.waitForText(By.id("newInvoice:messages"), "at least one line");
        new Select(b.driver().findElement(By.id("newInvoice:provider"))).selectByVisibleText("Dr. Sarah Smith");
        b.type(By.cssSelector("[id$='0:description']"), "Intake session");
        b.type(By.cssSelector("[id$='0:unitAmount']"), "120.00");
        b.click(By.id("newInvoice:save"));
        b.waitForPath("/staff/ledger.xhtml");
        assertThat(b.text(By.id("invoiceCreatedNote"))).isEqualTo("Invoice F-77 added.");
        assertThat(b.text(By.id("totalBalance"))).isEqualTo("$120.00");

        int before = mail.linksTo("jordan.ellis@example.com").size();
        b.openActions("F-77");
        b.chooseAction("Send 1-Time Payment Link");
        b.waitForText(By.id("dialogInvoice"), "F-77");
        b.click(By.id("sendLinkForm:send"));
        b.waitForText(By.cssSelector(".ui-growl"), "Payment link sent");
        assertThat(mail.awaitNewLinkTo("jordan.ellis@example.com", before)).contains("/pay/");
    }

    private HttpResponse<String> api(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(HttpResponse<String> response) {
        Matcher m = ID.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String inMessage) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"code\":\"" + code + "\"", "\"message\":\"").contains(inMessage);
        StaffPagesIT.assertNoStackTrace(response.body());
    }
}
