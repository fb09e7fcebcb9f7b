package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 item 10: nothing acknowledged is lost to a crash. Its own WildFly (a copy of the configured test
 * server, ports +200, the demo EAR, the suite's PostgreSQL, the XA datasource): a payment is answered, the
 * server is killed with {@code kill -9} at once, started again, and the payment, the paid invoice and each
 * person's notification are there exactly once.
 */
class CrashDurabilityIT {

    private static final int OFFSET = 200;
    private static final String BASE = "http://127.0.0.1:" + (8080 + OFFSET);
    private static Path home;
    private static Process server;
    private static Mailbox mail;

    @BeforeAll
    static void copyTheTestServer() throws IOException {
        Path source = Path.of(System.getProperty("jboss.home"));
        home = source.getParent().getParent().resolve("crash-server").resolve(source.getFileName());
        deleteRecursively(home);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                String r = relative.toString().replace('\\', '/');
                if (r.startsWith("standalone/data") || r.startsWith("standalone/tmp") || r.startsWith("standalone/log")
                        || r.startsWith("standalone/deployments/")) {
                    continue;
                }
                Path target = home.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(home.resolve("standalone/deployments"));
        Files.copy(Path.of(System.getProperty("paylink.ear")), home.resolve("standalone/deployments/paylink.ear"));
        mail = Mailbox.start();
    }

    @AfterAll
    static void stop() throws Exception {
        kill();
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aPaymentAnsweredJustBeforeKillMinus9IsThereOnceAfterTheRestart_withEachNotificationOnce() throws Exception {
        start(true);
        StaffSession staff = new StaffSession(new URL(BASE + "/"));
        staff.signIn("biller", PageTest.PASSWORD);
        int seen = mail.linksTo("emma.carter@example.com").size();
        assertThat(staff.sendLink(staff.invoiceId("Carter, Emma", "RC-1001"), "biller", PageTest.PASSWORD)).isEqualTo(201);
        String link = mail.awaitNewLinkTo("emma.carter@example.com", seen);

        String paid = new SandboxPayer().pay(link, "4242424242424242");
        assertThat(paid).contains("This invoice has been paid");
        kill(); // kill -9, the moment the payer has the answer

        start(false);
        assertThat(count("select count(*) from payment p join invoice i on i.id = p.invoice_id where i.number = 'RC-1001'"))
                .as("the acknowledged payment survived, once").isEqualTo(1);
        assertThat(count("select coalesce(sum(p.amount_minor), 0) from payment p join invoice i on i.id = p.invoice_id "
                + "where i.number = 'RC-1001'")).as("the whole $150.00, so the invoice is paid").isEqualTo(15_000);
        // the payment-completed message was committed with the payment: its notifications arrive, once each
        String perRecipient = "select count(*) from notification n join payment p on p.id = n.payment_id "
                + "join invoice i on i.id = p.invoice_id where i.number = 'RC-1001'";
        await().atMost(Duration.ofSeconds(90)).until(() -> count(perRecipient) >= 3);
        // a duplicate would come with a redelivery: the count must stay at 3 for a while
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> count(perRecipient) == 3);
        assertThat(count(perRecipient)).as("Dr. Smith (renders it, has Billing) and the two Admins").isEqualTo(3);
        assertThat(count("select count(*) from (select n.recipient_staff_id from notification n join payment p on p.id = n.payment_id "
                + "join invoice i on i.id = p.invoice_id where i.number = 'RC-1001' group by n.recipient_staff_id having count(*) > 1) d"))
                .as("nobody twice").isZero();
    }

    private static void start(boolean reset) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Djboss.socket.binding.port-offset=" + OFFSET, "-Djava.net.preferIPv4Stack=true",
                "-Dpaylink.demo=true", "-Dpaylink.demo.reset=" + reset, "-Dpaylink.payments.mode=sandbox",
                "-Dpaylink.public.url=" + BASE, "-Dpaylink.link.sweep.enabled=false", "-Dpaylink.reconcile.enabled=false",
                // its own transaction node id (XA recovery touches only its own branches), and recovery every few
                // seconds instead of every two minutes, so the test sees in-doubt work completed soon after restart
                "-Djboss.tx.node.id=paylink-crash",
                "-Dcom.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.periodicRecoveryPeriod=5",
                "-Dcom.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.recoveryBackoffPeriod=1"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("crash-server.log").toFile()));
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx768m");
        builder.environment().put("JBOSS_HOME", home.toString());
        server = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                http.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** SIGKILL to the server's JVM (and the script that started it): no shutdown, no flush. */
    private static void kill() throws InterruptedException {
        if (server == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(server.toHandle().descendants().toList());
        all.add(server.toHandle());
        for (ProcessHandle process : all) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : all) {
            process.onExit().join();
        }
        server = null;
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
