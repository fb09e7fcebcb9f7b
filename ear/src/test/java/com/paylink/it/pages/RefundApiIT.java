package com.paylink.it.pages;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PAY12 through the API, from outside with a staff member's key: {@code GET /api/invoices/{id}/payments} and
 * {@code POST /api/payments/{id}/refunds}; each refused refund has its own status, code and message and changes
 * nothing. PAY17: a refund whose request died after it was written (the server killed between writing it and
 * asking the gateway) is completed once by the refund recovery, and not before the request could still be
 * under way; meanwhile another refund of that payment is refused as under way.
 */
class RefundApiIT extends PageTest {

    private static final String BILLER_KEY = "plk_" + "refundapibiller".repeat(3).substring(0, 43);
    private static final String FRONTDESK_KEY = "plk_" + "refundapifrontdesk".repeat(3).substring(0, 43);
    private static final String LAKESIDE_KEY = "plk_" + "refundapilakeside".repeat(3).substring(0, 43);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefundThroughTheApiIsMadeOnce_andEachRefusalSaysWhyAndChangesNothing() throws Exception {
        keys();
        long invoice = paid("Carter, Emma", "RC-1001", "emma.carter@example.com");
        String payments = get("/api/invoices/" + invoice + "/payments", BILLER_KEY).body();
        assertThat(payments).contains("\"invoiceNumber\":\"RC-1001\"", "\"balance\":\"0.00\"", "\"amount\":\"150.00\"",
                "\"refundable\":\"150.00\"", "\"method\":\"CARD\"").doesNotContain("Individual", "Dr.");
        long payment = paymentOf("RC-1001");

        HttpResponse<String> notJson = http.send(HttpRequest.newBuilder(uri("/api/payments/" + payment + "/refunds"))
                .header("Authorization", "Bearer " + BILLER_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertRefused(refund(payment, "{\"amount\":\"200\",\"reason\":\"Session shortened\"}", BILLER_KEY), 422,
                "refund-amount-too-high", "You can refund at most $150.00 of this payment.");
        assertRefused(refund(payment, "{\"amount\":\"twenty\",\"reason\":\"Session shortened\"}", BILLER_KEY), 422,
                "refund-invalid-amount", "Enter the amount to refund as a number");
        // a short number with billions of digits, and a long text: refused at once, as any bad amount
        assertRefused(refund(payment, "{\"amount\":1e2000000000,\"reason\":\"Session shortened\"}", BILLER_KEY), 422,
                "refund-invalid-amount", "Enter the amount to refund as a number");
        assertRefused(refund(payment, "{\"amount\":\"" + "9".repeat(1_000_000) + "\",\"reason\":\"Session shortened\"}",
                BILLER_KEY), 422, "refund-invalid-amount", "Enter the amount to refund as a number");
        assertRefused(refund(payment, "{\"amount\":\"1E+30\",\"reason\":\"Session shortened\"}", BILLER_KEY), 422,
                "refund-invalid-amount", "Enter the amount to refund as a number");
        assertRefused(refund(payment, "{\"amount\":\"25.00\"}", BILLER_KEY), 422, "refund-reason-required",
                "Say why you are refunding");
        assertRefused(refund(payment, "{\"amount\":\"25.00\",\"reason\":\"Session shortened\"}", FRONTDESK_KEY), 403,
                "forbidden", "");
        assertRefused(refund(payment, "{\"amount\":\"25.00\",\"reason\":\"Session shortened\"}", LAKESIDE_KEY), 404,
                "", "");
        assertThat(get("/api/invoices/" + invoice + "/payments", LAKESIDE_KEY).statusCode())
                .as("another practice's invoice is not found").isEqualTo(404);
        assertThat(count("select count(*) from refund where payment_id = " + payment)).as("refused: nothing written").isZero();

        HttpResponse<String> done = refund(payment, "{\"amount\":\"25.00\",\"reason\":\"Session shortened\"}", BILLER_KEY);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
        assertThat(done.body()).contains("\"amount\":\"25.00\"", "\"status\":\"SUCCEEDED\"", "\"stillRefundable\":\"125.00\"");
        assertThat(get("/api/invoices/" + invoice + "/payments", BILLER_KEY).body())
                .contains("\"balance\":\"25.00\"", "\"refunded\":\"25.00\"", "\"refundable\":\"125.00\"", "\"status\":\"SUCCEEDED\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from sent_mail where mail_key in "
                + "(select 'refund:' || id from refund where payment_id = " + payment + ")") == 1);
        assertThat(count("select count(*) from refund where payment_id = " + payment)).isEqualTo(1);
    }

    @Test
    void aRefundWhoseRequestDiedIsCompletedOnceByTheRecovery_notWhileItCouldStillBeUnderWay() throws Exception {
        keys();
        long invoice = paid("Bennett, Noah", "RC-1002", "olivia.bennett@example.com");
        long died = paymentOf("RC-1002");
        paid("Thompson, Ava", "RC-1003", "claims@harbor-eap.example");
        long recent = paymentOf("RC-1003");
        // what a server killed after writing the refund (and before recording the gateway's answer) leaves behind:
        // one asked six minutes ago (past the recovery's default five), one asked just now (its request may still be waiting for the gateway)
        long diedRefund = pendingRefund(died, "interval '6 minutes'");
        long recentRefund = pendingRefund(recent, "interval '0 seconds'");

        assertRefused(refund(died, "{\"reason\":\"Asked again\"}", BILLER_KEY), 409, "refund-under-way",
                "A refund of $150.00 of this payment is already under way");
        assertThat(count("select count(*) from refund where payment_id = " + died)).as("refused: nothing written").isEqualTo(1);

        await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1))
                .until(() -> text("select status from refund where id = " + diedRefund).equals("SUCCEEDED"));
        assertThat(text("select gateway_reference from refund where id = " + diedRefund)).as("the gateway's refund").isNotBlank();
        assertThat(get("/api/invoices/" + invoice + "/payments", BILLER_KEY).body())
                .contains("\"balance\":\"150.00\"", "\"refunded\":\"150.00\"", "\"refundable\":\"0.00\"");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from sent_mail where mail_key = 'refund:" + diedRefund + "'") == 1);
        assertThat(text("select status from refund where id = " + recentRefund))
                .as("a refund asked just now is left to its own request").isEqualTo("PENDING");
        assertThat(count("select count(*) from refund where payment_id in (" + died + ", " + recent + ")")).isEqualTo(2);
    }

    private long paid(String client, String number, String email) throws Exception {
        String link = sendLinkAndReadIt(client, number, email);
        assertThat(new SandboxPayer().pay(link, "4242424242424242")).contains("This invoice has been paid");
        return count("select id from invoice where number = '" + number + "'");
    }

    private static long paymentOf(String invoiceNumber) throws Exception {
        return count("select p.id from payment p join invoice i on i.id = p.invoice_id where i.number = '" + invoiceNumber
                + "' and p.method = 'CARD' and p.gateway_reference is not null");
    }

    private static long pendingRefund(long payment, String age) throws Exception {
        return count("insert into refund (payment_id, invoice_id, amount_minor, currency, reason, status, requested_by_staff_id, "
                + "requested_at, version) select p.id, p.invoice_id, p.amount_minor, p.currency, 'Asked before the crash', "
                + "'PENDING', (select id from staff where username = 'biller'), now() - " + age + ", 0 from payment p "
                + "where p.id = " + payment + " returning id");
    }

    /** A key for biller (Billing), frontdesk (no Billing) and lakeadmin (another practice), stored as the page stores them. */
    private static void keys() throws Exception {
        for (String[] key : new String[][]{{"biller", BILLER_KEY}, {"frontdesk", FRONTDESK_KEY}, {"lakeadmin", LAKESIDE_KEY}}) {
            execute("insert into api_key (staff_id, name, key_hash, key_hint, created_at) select id, 'refund test', "
                    + "encode(sha256(convert_to('" + key[1] + "', 'UTF8')), 'hex'), '" + key[1].substring(0, 10)
                    + "', now() from staff where username = '" + key[0] + "' on conflict do nothing");
        }
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String code, String message) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        if (!code.isEmpty()) {
            assertThat(answer.body()).contains("\"code\":\"" + code + "\"", message);
        }
    }

    private HttpResponse<String> refund(long payment, String json, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/payments/" + payment + "/refunds"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(root() + path);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(String sql) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
