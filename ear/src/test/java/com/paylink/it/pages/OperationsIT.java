package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
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
 * What operators meet, checked from outside as they would (issue 28):
 * <ul>
 * <li>Log hygiene: operators read ERROR and WARN as faults, so the everyday walk through the product (a link sent,
 * opened and paid, its receipt with the PDF, a refund of part of it) writes nothing above INFO to the server's log,
 * read in the test server's own server.log.</li>
 * <li>M3: a mail request that SMTP refuses for all its attempts ends in the dead-letter queue, and the replay that
 * docs/operations.md gives operators (the management model's move-messages) sends it, once.</li>
 * </ul>
 */
class OperationsIT extends PageTest {

    private static final ModelNode OUTBOUND_MAIL_SETTING = address("address-setting", "jms.queue.OutboundMail");
    private static final ModelNode DLQ = address("jms-queue", "DLQ");

    @ArquillianResource
    ManagementClient management;

    @Test
    void m3_mailRefusedForAllItsAttempts_isDeadLettered_andTheDocumentedReplaySendsItOnce() throws Exception {
        String payer = "olivia.bennett@example.com";
        // the test server retries mail 40 times over minutes; two quick attempts make the same path short
        String attempts = read(OUTBOUND_MAIL_SETTING, "max-delivery-attempts");
        String delay = read(OUTBOUND_MAIL_SETTING, "redelivery-delay");
        write(OUTBOUND_MAIL_SETTING, "max-delivery-attempts", "2");
        write(OUTBOUND_MAIL_SETTING, "redelivery-delay", "200");
        try {
            StaffSession staff = new StaffSession(base);
            staff.signIn("biller", PASSWORD);
            mail.stop();
            HttpResponse<String> sent = staff.sendLinkAnswer(staff.invoiceId("Bennett, Noah", "RC-1002"), "biller", PASSWORD);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
            assertThat(sent.body()).as("staff are told the email waits").contains("\"emailPending\":true");
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"linkId\":(\\d+)").matcher(sent.body());
            assertThat(id.find()).as(sent.body()).isTrue();
            // the dead-letter queue is shared and outlives deployments: this test's own request, by its properties
            String ours = "_AMQ_ORIG_ADDRESS='jms.queue.OutboundMail' AND kind='payment-link' AND linkId='" + id.group(1) + "'";
            await("the refused request reaches the dead-letter queue").atMost(Duration.ofSeconds(30))
                    .until(() -> count(DLQ, ours) == 1);

            mail = Mailbox.start();
            ModelNode replay = operation(DLQ, "move-messages");
            replay.get("filter").set(ours);
            replay.get("other-queue-name").set("OutboundMail");
            assertThat(succeeded(replay).asInt()).as("messages moved back").isEqualTo(1);
            await("the replayed request is sent").atMost(Duration.ofSeconds(30)).until(() -> mail.linksTo(payer).size() == 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> mail.linksTo(payer).size() == 1 && count(DLQ, ours) == 0);
        } finally {
            write(OUTBOUND_MAIL_SETTING, "max-delivery-attempts", attempts);
            write(OUTBOUND_MAIL_SETTING, "redelivery-delay", delay);
        }
    }

    private static ModelNode address(String type, String name) {
        ModelNode address = new ModelNode();
        address.add("subsystem", "messaging-activemq").add("server", "default").add(type, name);
        return address;
    }

    private static ModelNode operation(ModelNode address, String name) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").set(address);
        return op;
    }

    private ModelNode succeeded(ModelNode op) throws Exception {
        ModelNode answer = management.getControllerClient().execute(op);
        assertThat(answer.get("outcome").asString()).as(answer.toString()).isEqualTo("success");
        return answer.get("result");
    }

    private String read(ModelNode address, String attribute) throws Exception {
        ModelNode op = operation(address, "read-attribute");
        op.get("name").set(attribute);
        return succeeded(op).asString();
    }

    private void write(ModelNode address, String attribute, String value) throws Exception {
        ModelNode op = operation(address, "write-attribute");
        op.get("name").set(attribute);
        op.get("value").set(value);
        succeeded(op);
    }

    private long count(ModelNode queue, String filter) throws Exception {
        ModelNode op = operation(queue, "count-messages");
        op.get("filter").set(filter);
        return succeeded(op).asLong();
    }

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
