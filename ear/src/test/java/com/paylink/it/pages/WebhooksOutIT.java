package com.paylink.it.pages;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * P9 (issue 27) from outside: an Admin registers an endpoint on Admin &gt; Webhooks; a receiver in this test checks that
 * every event is signed with the shown secret, that an event refused with a 500 is retried, that an invoice's events
 * arrive in the order they happened (the payment not before its link, the refund not before its payment), that
 * nothing clinical or personal is in them, and that "Send again" sends one again.
 */
class WebhooksOutIT extends PageTest {

    private static final String BILLER = "biller:" + PASSWORD;
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z.]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"id\":\"(evt_\\d+)\"");
    private final HttpClient http = HttpClient.newHttpClient();

    /** One request the receiver got: its signature header, body, and the answer it gave. */
    record Received(String signature, String body, int answered) {
        String type() {
            Matcher m = TYPE.matcher(body);
            return m.find() ? m.group(1) : "";
        }

        String eventId() {
            Matcher m = EVENT_ID.matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    @Test
    void eventsAreSigned_retriedAfterA500_inOrderPerInvoice_freeOfClinicalDetail_andSentAgainOnRequest() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger linkSentCalls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the first delivery of link.sent is refused: it must come again, and nothing of its invoice before it
            int status = body.contains("\"type\":\"link.sent\"") && linkSentCalls.getAndIncrement() == 0 ? 500 : 200;
            received.add(new Received(exchange.getRequestHeaders().getFirst("Paylink-Signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Browser b = browser().signIn("admin", PASSWORD);
            b.open("/staff/admin/webhooks.xhtml");
            b.type(By.id("endpoint:url"), "http://billing.example.com/paylink");
            b.click(By.id("endpoint:save"));
            b.waitForText(By.id("endpoint:messages"), "must start with https://");
            b.type(By.id("endpoint:url"), hook);
            b.click(By.id("endpoint:save"));
            b.waitForText(By.id("endpoint:messages"), "Saved");
            String secret = b.text(By.id("secret"));
            assertThat(secret).startsWith("whsec_");

            // the facts: an invoice from the billing system, its link sent and paid, then part refunded
            assertThat(api("PUT", "/api/sync/clients/WH-C-1", "{\"firstName\":\"Sam\",\"lastName\":\"Webb\","
                    + "\"email\":\"sam.webb@example.com\"}").statusCode()).isEqualTo(201);
            HttpResponse<String> invoice = api("PUT", "/api/sync/invoices/WH-I-1", "{\"client\":\"WH-C-1\",\"number\":\"WH-1\","
                    + "\"issuedOn\":\"2026-12-02\",\"provider\":\"drsmith\",\"service\":\"Individual Therapy (53 min)\","
                    + "\"lines\":[{\"description\":\"Individual Therapy (53 min)\",\"unitAmount\":\"140.00\"}]}");
            assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(201);
            long invoiceId = Long.parseLong(invoice.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            int before = mail.linksTo("sam.webb@example.com").size();
            assertThat(api("POST", "/api/invoices/" + invoiceId + "/payment-links", "{}").statusCode()).isBetween(200, 201);
            new SandboxPayer().pay(mail.awaitNewLinkTo("sam.webb@example.com", before), "4242424242424242");
            String payments = api("GET", "/api/invoices/" + invoiceId + "/payments", null).body();
            long paymentId = Long.parseLong(payments.replaceAll(".*\"paymentId\":(\\d+).*", "$1"));
            HttpResponse<String> refund = api("POST", "/api/payments/" + paymentId + "/refunds",
                    "{\"amount\":\"40.00\",\"reason\":\"Sliding scale\"}");
            assertThat(refund.statusCode()).as(refund.body()).isBetween(200, 202);

            await().atMost(Duration.ofSeconds(90)).until(() -> received.stream().filter(r -> r.answered() == 200)
                    .map(Received::type).toList().containsAll(List.of("link.sent", "payment.succeeded", "payment.refunded")));
            List<Received> accepted = received.stream().filter(r -> r.answered() == 200).toList();
            List<String> order = accepted.stream().map(Received::type).filter(t -> !t.equals("link.expired")).toList();
            assertThat(order).as("in the order they happened, the refused link.sent first delivered again")
                    .containsSubsequence("link.sent", "payment.succeeded", "payment.refunded");
            assertThat(received.get(0).type()).isEqualTo("link.sent");
            assertThat(received.get(0).answered()).isEqualTo(500);
            assertThat(received.stream().filter(r -> r.type().equals("link.sent")).map(Received::eventId).distinct())
                    .as("the same event, tried twice").hasSize(1);

            for (Received r : received) {
                assertSigned(r, secret);
                assertThat(r.body()).contains("\"externalId\":\"WH-I-1\"", "\"number\":\"WH-1\"", "\"externalId\":\"WH-C-1\"")
                        .doesNotContain("Therapy", "Smith", "Sam", "Webb", "sam.webb", "@");
            }
            Received paid = accepted.stream().filter(r -> r.type().equals("payment.succeeded")).findFirst().orElseThrow();
            assertThat(paid.body()).contains("\"amount\":\"140.00\"", "\"currency\":\"USD\"", "\"receiptNumber\":\"R-");
            assertThat(accepted.stream().filter(r -> r.type().equals("payment.refunded")).findFirst().orElseThrow().body())
                    .contains("\"amount\":\"40.00\"");

            // the page shows each event's deliveries; "Send again" posts one again
            b.open("/staff/admin/webhooks.xhtml");
            String events = b.text(By.id("eventsForm:events"));
            assertThat(events).contains("link.sent", "payment.succeeded", "payment.refunded", "Delivered (2)", "HTTP 200");
            int count = received.size();
            String resent = paid.eventId();
            b.click(By.xpath("//tr[td[contains(., '" + resent + " ')]]//button[contains(@id, ':resend')]"));
            b.waitForText(By.id("endpoint:messages"), "sent again");
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() > count);
            assertThat(received.get(received.size() - 1).eventId()).isEqualTo(resent);

            // Admins only
            StaffSession billerSession = new StaffSession(base);
            billerSession.signIn("biller", PASSWORD);
            assertThat(billerSession.get("/staff/admin/webhooks.xhtml").statusCode()).isEqualTo(403);
        } finally {
            receiver.stop(0);
        }
    }

    /** As docs/api.md tells a receiver to: HMAC-SHA256 of "t.body" with the secret, compared in constant time, recent t. */
    private static void assertSigned(Received r, String secret) throws Exception {
        assertThat(r.signature()).as("signature header").matches("t=\\d+,v1=[0-9a-f]{64}");
        long t = Long.parseLong(r.signature().replaceAll("t=(\\d+),.*", "$1"));
        String v1 = r.signature().replaceAll(".*v1=", "");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII)))
                .as("signed with the secret shown").isTrue();
        assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(BILLER.getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
