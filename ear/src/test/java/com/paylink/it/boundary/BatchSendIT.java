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
}
