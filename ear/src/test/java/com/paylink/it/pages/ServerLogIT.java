package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Log hygiene (issue 28): operators read ERROR and WARN as faults, so the everyday walk through the product (a link
 * sent, opened and paid, its receipt with the PDF, a refund of part of it) writes nothing above INFO to the server's
 * log. Read from outside, in the test server's own server.log.
 */
class ServerLogIT extends PageTest {

    @Test
    void sendPayReceiptAndRefund_logNothingAboveInfo() throws Exception {
        Path log = serverLog();
        long before = Files.size(log);

        String payer = "emma.carter@example.com";
        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", payer);
        assertThat(new SandboxPayer().pay(link, "4242424242424242")).contains("This invoice has been paid");
        String receipt = Database.rows("select p.receipt_number from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = 'RC-1001' and p.method = 'CARD'").get(0)[0];
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(payer).stream().map(Mailbox::text)
                .anyMatch(t -> t.contains(receipt)));
        String payment = Database.rows("select p.id from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = 'RC-1001' and p.method = 'CARD'").get(0)[0];
        HttpResponse<String> refund = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(root() + "/api/payments/" + payment + "/refunds"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("biller:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"20.00\",\"reason\":\"Session shortened\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(payer).stream().map(Mailbox::text)
                .anyMatch(t -> t.contains("refund of $20.00") || t.contains("$20.00")));

        List<String> loud = linesSince(log, before).stream()
                .filter(l -> l.matches("^\\S+ \\S+ (ERROR|WARN|WARNING|SEVERE|FATAL) .*")).toList();
        assertThat(loud).as("ERROR or WARN lines written while sending, paying, receipting and refunding").isEmpty();
    }

    /** The test server's server.log (the build unpacks it under target/test-server). */
    private static Path serverLog() throws Exception {
        try (Stream<Path> found = Files.find(Path.of("target", "test-server"), 6,
                (p, a) -> p.getFileName().toString().equals("server.log") && p.toString().contains("standalone"))) {
            return found.findFirst().orElseThrow(() -> new IllegalStateException("no test server log under target/test-server"));
        }
    }

    private static List<String> linesSince(Path log, long offset) throws Exception {
        byte[] all = Files.readAllBytes(log);
        String added = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
        return added.lines().toList();
    }
}
