package com.paylink.it.boundary;

import com.paylink.collection.boundary.OpenBalances;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.ledger.boundary.PageRequest;
import com.paylink.paymentlink.control.LinkTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 24 (C6): a batch send to 200 clients who owe, with every reason to skip some, started by two staff members at
 * the same moment: the summaries say what happened to each client, and each client who could be reached gets exactly
 * one message; the practice's cap refuses a larger batch; the Open balances page's filters and figures.
 */
@ExtendWith(ArquillianExtension.class)
class BatchSendIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(BatchSendIT.class);
    }

    @EJB
    OpenBalances balances;

    @EJB
    com.paylink.collection.boundary.BatchRunner runner;

    @Inject
    TestData data;

    @Test
    void c6_twoStaffSendToTheSame200ClientsAtOnce_eachReachableClientGetsOneMessage_andTheSummarySaysWhy() throws Exception {
        long practice = data.practice(TestData.unique("Batch"), true);
        String one = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String two = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        List<String> reachable = new ArrayList<>();
        List<Long> paidMeanwhile = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int kind = i % 10; // 0-5: an email; 6: a working link; 7: a number, no consent; 8: nothing; 9: voided meanwhile
            String email = kind <= 6 || kind == 9 ? TestData.unique("owes").toLowerCase() + "@example.com" : null;
            long client = data.clientWithEmails(practice, email, null, null);
            long invoice = data.invoice(client, dr, TestData.unique("B"), (50 + i) + ".00");
            if (kind == 6) {
                data.link(invoice, one, LinkTokens.newToken(), Instant.now());
            } else if (kind == 7) {
                data.execute("update client set mobile_phone = '+1718555" + String.format("%04d", i) + "' where id = " + client);
            } else if (kind == 9) {
                paidMeanwhile.add(invoice);
            }
            if (kind <= 5) {
                reachable.add(email);
            }
        }
        OpenBalances.Filter all = OpenBalances.Filter.none();
        assertThat(As.staff(one, BILLING, () -> balances.count(all))).isEqualTo(200);
        List<Long> ids = As.staff(one, BILLING, () -> balances.all(all));
        OpenBalances.Preview preview = As.staff(one, BILLING, () -> balances.preview(ids));
        assertThat(preview.clients()).isEqualTo(200);
        assertThat(preview.emails()).isEqualTo(160);
        assertThat(preview.neither()).isEqualTo(40);
        assertThat(As.staff(one, BILLING, () -> balances.count(new OpenBalances.Filter(new BigDecimal("240"), null, null, null,
                "email", null)))).as("filtered: at least $240 and an email").isEqualTo(8);
        assertThat(As.staff(one, BILLING, () -> balances.page(all, new PageRequest(0, 5, "balance", true))))
                .extracting(r -> r.balance().toString()).first().asString().contains("249");

        data.execute("update practice set batch_send_max = 150 where id = " + practice);
        assertThatThrownBy(() -> As.staff(one, BILLING, () -> balances.start(ids)))
                .isInstanceOfSatisfying(OpenBalances.Refused.class, e -> assertThat(e.code()).isEqualTo("batch-too-large"));
        data.execute("update practice set batch_send_max = 500 where id = " + practice);
        for (long invoice : paidMeanwhile) {
            data.voidInvoice(invoice); // between the preview and the send: nothing owed by then
        }

        try (Mailbox mail = Mailbox.start()) {
            CountDownLatch gate = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Long> batches = new ArrayList<>();
            try {
                List<Future<Long>> started = new ArrayList<>();
                for (String staff : List.of(one, two)) {
                    started.add(pool.submit(() -> {
                        gate.await();
                        return As.staff(staff, BILLING, () -> balances.start(ids));
                    }));
                }
                gate.countDown();
                for (Future<Long> batch : started) {
                    batches.add(batch.get());
                }
            } finally {
                pool.shutdown();
            }
            List<OpenBalances.Progress> done = new ArrayList<>();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                done.clear();
                for (long batch : batches) {
                    done.add(As.staff(one, BILLING, () -> balances.progress(batch)));
                }
                return done.stream().allMatch(OpenBalances.Progress::finished);
            });
            assertThat(done).allSatisfy(p -> assertThat(p.total()).isEqualTo(200));
            assertThat(done.stream().mapToInt(OpenBalances.Progress::sent).sum()).as("each reachable client once, across both batches")
                    .isEqualTo(120);
            assertThat(done.stream().mapToInt(OpenBalances.Progress::failed).sum()).isZero();
            List<String> reasons = done.stream().flatMap(p -> p.notSent().stream()).map(OpenBalances.Outcome::reason).toList();
            assertThat(reasons).filteredOn("no-address"::equals).hasSize(40);
            assertThat(reasons).filteredOn("no-consent"::equals).hasSize(40);
            assertThat(reasons).filteredOn("nothing-owed"::equals).hasSize(40);
            // 20 held a link before; the 120 sent by one batch are skipped by the other
            assertThat(reasons).filteredOn("link-active"::equals).hasSize(2 * 20 + 120);

            await().atMost(Duration.ofMinutes(2)).until(() -> reachable.stream().allMatch(e -> mail.to(e).size() == 1));
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                    .until(() -> reachable.stream().allMatch(e -> mail.to(e).size() == 1)); // and stays so
        }
    }

    @Test
    void c5_aStatementsBatchMakesOnePdfOfEveryOwingClientsStatement_aSecondPressKillsNoPrintedLink_andTheyAreErasedADayLater()
            throws Exception {
        long practice = data.practice(TestData.unique("Stmts"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        List<Long> clients = new ArrayList<>();
        List<Long> owing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // 0: an email; 1: no address at all (paper reaches them); 2: an email and a working emailed link; 3: voided
            long client = data.clientWithEmails(practice, i == 1 ? null : TestData.unique("paper").toLowerCase() + "@example.com", null, null);
            long invoice = data.invoice(client, dr, TestData.unique("PS"), (100 + i) + ".00");
            if (i == 2) {
                data.link(invoice, biller, LinkTokens.newToken(), Instant.now());
            }
            if (i == 3) {
                data.voidInvoice(invoice);
            } else {
                owing.add(invoice);
            }
            clients.add(client);
        }
        long batch = As.staff(biller, BILLING, () -> balances.startStatements(clients));
        OpenBalances.Progress done = finished(biller, batch);
        assertThat(done.statements()).isTrue();
        assertThat(done.sent()).as("three statements made").isEqualTo(3);
        assertThat(done.notSent()).extracting(OpenBalances.Outcome::reason).containsExactly("nothing-owed");
        assertThat(done.statementsReady()).isTrue();
        assertThat(done.statementsUntil()).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        As.staff(biller, BILLING, () -> {
            balances.writeStatements(batch, out);
            return null;
        });
        List<String> tokens = new ArrayList<>();
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).as("one page per statement").isEqualTo(3);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("$100.00", "$101.00", "$102.00").doesNotContain("$103.00");
            java.util.regex.Matcher pay = java.util.regex.Pattern.compile("/pay/([A-Za-z0-9_-]{43})").matcher(text);
            while (pay.find()) {
                tokens.add(pay.group(1));
            }
        }
        assertThat(tokens).as("each statement prints its own link").hasSize(3).doesNotHaveDuplicates();
        for (long invoice : owing) {
            assertThat(data.audit(invoice)).last().asString().startsWith("STATEMENT ");
            assertThat(data.linkStatuses(invoice)).last().isEqualTo("ACTIVE");
        }
        assertThat(data.linkStatuses(owing.get(2))).as("the emailed link is replaced by the printed one").containsExactly("REVOKED", "ACTIVE");

        long again = As.staff(biller, BILLING, () -> balances.startStatements(clients));
        OpenBalances.Progress second = finished(biller, again);
        assertThat(second.sent()).as("pressed twice: no second statement replaces a printed one").isZero();
        assertThat(second.notSent()).extracting(OpenBalances.Outcome::reason)
                .containsExactlyInAnyOrder("statement-active", "statement-active", "statement-active", "nothing-owed");
        for (long invoice : owing) {
            assertThat(data.linkStatuses(invoice)).last().isEqualTo("ACTIVE");
        }
        String other = data.staff(data.practice(TestData.unique("Other"), true), TestData.unique("biller"), false, BILLING);
        assertThatThrownBy(() -> As.staff(other, BILLING, () -> balances.progress(batch)))
                .as("another practice's batch").isInstanceOfSatisfying(OpenBalances.Refused.class,
                        e -> assertThat(e.code()).isEqualTo("batch-unknown"));

        data.execute("update batch_send set finished_at = finished_at - interval '25 hours' where id = " + batch);
        assertThat(As.system(() -> runner.eraseOldStatements())).isGreaterThanOrEqualTo(1);
        assertThat(data.count("select count(*) from batch_send_client where statement is not null and batch_id = " + batch))
                .as("the statements, each with a working link, are erased").isZero();
        assertThat(As.staff(biller, BILLING, () -> balances.progress(batch)).statementsReady()).isFalse();
        assertThatThrownBy(() -> As.staff(biller, BILLING, () -> {
            balances.writeStatements(batch, new java.io.ByteArrayOutputStream());
            return null;
        })).isInstanceOfSatisfying(OpenBalances.Refused.class, e -> assertThat(e.code()).isEqualTo("batch-statements-gone"));
    }

    @Test
    void c7_aBatchWhoseServerStoppedHalfwayIsResumedOnce_andOnlyWhenItsRunnerHasStoppedBeating() throws Exception {
        long practice = data.practice(TestData.unique("Resume"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        List<Long> clients = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String email = TestData.unique("resume").toLowerCase() + "@example.com";
            long client = data.clientWithEmails(practice, email, null, null);
            data.invoice(client, dr, TestData.unique("RS"), "30.00");
            clients.add(client);
            emails.add(email);
        }
        // what a server leaves when it stops in the middle: the batch and its rows, two clients done, no runner
        long batch = As.staff(biller, BILLING, () -> balances.create(clients, OpenBalances.Kind.LINKS));
        data.execute("update batch_send_client set outcome = 'SKIPPED', reason = 'nothing-owed' where batch_id = " + batch
                + " and client_id in (" + clients.get(0) + ", " + clients.get(1) + ")");
        data.execute("update batch_send set skipped = 2 where id = " + batch);
        // this server's own schedule would resume it too: off while the test plays two servers' schedules
        String before = System.getProperty(com.paylink.collection.boundary.BatchSchedule.SCHEDULE_ENABLED);
        System.setProperty(com.paylink.collection.boundary.BatchSchedule.SCHEDULE_ENABLED, "false");
        try (Mailbox mail = Mailbox.start()) {
            As.system(() -> runner.resumeStale());
            assertThat(As.staff(biller, BILLING, () -> balances.progress(batch)).done())
                    .as("its runner may still be at work: not resumed before it has been quiet 2 minutes").isEqualTo(2);

            data.execute("update batch_send set created_at = created_at - interval '3 minutes' where id = " + batch);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Integer>> resumed = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    resumed.add(pool.submit(() -> {
                        gate.await();
                        return As.system(() -> runner.resumeStale());
                    }));
                }
                gate.countDown();
                int total = 0;
                for (Future<Integer> r : resumed) {
                    total += r.get();
                }
                assertThat(total).as("two servers' schedules at once: one resumes it").isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            OpenBalances.Progress done = finished(biller, batch);
            assertThat(done.sent()).as("the four it had not reached").isEqualTo(4);
            assertThat(done.skipped()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).until(() -> emails.subList(2, 6).stream().allMatch(e -> mail.to(e).size() == 1));
            assertThat(mail.to(emails.get(0))).as("a client done before the stop is not done again").isEmpty();
        } finally {
            if (before == null) {
                System.clearProperty(com.paylink.collection.boundary.BatchSchedule.SCHEDULE_ENABLED);
            } else {
                System.setProperty(com.paylink.collection.boundary.BatchSchedule.SCHEDULE_ENABLED, before);
            }
        }
    }

    @Test
    void c6_theApiStartsABatchForTheFilteredClients_readsItsSummary_andRefusesWhatIsNotTheCallers() throws Exception {
        long practice = data.practice(TestData.unique("BatchApi"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String desk = data.staff(practice, TestData.unique("desk"), false, EnumSet.noneOf(Permission.class));
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String email = TestData.unique("api").toLowerCase() + "@example.com";
            data.invoice(data.clientWithEmails(practice, email, null, null), dr, TestData.unique("BA"), (i == 0 ? 20 : 200) + ".00");
            emails.add(email);
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = System.getProperty("paylink.public.url") + "/api/batch-sends";

        java.net.http.HttpResponse<String> malformed = api(http, biller, base, "{\"kind\": \"faxes\", \"all\": true}");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("kind must be links or statements");
        assertThat(api(http, desk, base, "{\"all\": true}").statusCode()).as("Billing or Admin only").isEqualTo(403);
        java.net.http.HttpResponse<String> none = api(http, biller, base, "{\"all\": true, \"filter\": {\"minBalance\": 5000}}");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("batch-empty");

        try (Mailbox mail = Mailbox.start()) {
            java.net.http.HttpResponse<String> started = api(http, biller, base,
                    "{\"kind\": \"links\", \"all\": true, \"filter\": {\"minBalance\": 100, \"channel\": \"email\"}}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(started.body()).contains("\"kind\":\"links\"", "\"total\":2");
            long id = Long.parseLong(started.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            String state = await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300))
                    .until(() -> get(http, biller, base + "/" + id).body(), b -> b.contains("\"finished\":true"));
            assertThat(state).contains("\"sent\":2", "\"skipped\":0", "\"failed\":0");
            await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(emails.get(1)).size() == 1 && mail.to(emails.get(2)).size() == 1);
            assertThat(mail.to(emails.get(0))).as("below the filter's minimum").isEmpty();
            assertThat(get(http, biller, base + "/" + id + "/statements").statusCode()).as("not a statements batch").isEqualTo(404);
            String stranger = data.staff(data.practice(TestData.unique("Else"), true), TestData.unique("biller"), false, BILLING);
            assertThat(get(http, stranger, base + "/" + id).statusCode()).as("another practice's batch").isEqualTo(404);
        }
    }

    private static java.net.http.HttpResponse<String> api(java.net.http.HttpClient http, String user, String url, String json)
            throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.http.HttpResponse<String> get(java.net.http.HttpClient http, String user, String url) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", basic(user)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + TestData.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private OpenBalances.Progress finished(String staff, long batch) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> As.staff(staff, BILLING, () -> balances.progress(batch)), OpenBalances.Progress::finished);
    }
}
