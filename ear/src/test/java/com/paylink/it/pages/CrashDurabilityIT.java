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
                } else if (r.startsWith("standalone/configuration/") && r.endsWith(".xml")) {
                    // without the test server's own deployments (the suite keeps its archive deployed, DeployOnce):
                    // this server deploys the demo EAR from its deployments folder, nothing else
                    Files.writeString(target, Files.readString(file).replaceAll("(?s)\\s*<deployments>.*?</deployments>", ""));
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

    /**
     * Issue 14's kill -9 with the local Stripe-compatible server: payers start Stripe payments over HTTP, Stripe takes
     * them, and its signed "succeeded" webhooks arrive all at once; the server is killed with {@code kill -9} while
     * they are being handled, started again, and Stripe delivers every event again (it retries what got no 2xx; all
     * of them here, to be sure). Every payment Stripe took is recorded exactly once, with each notification once.
     */
    @Test
    void stripePaymentsSettlingWhileTheServerIsKilledAreRecordedOnceAfterTheRestart() throws Exception {
        try (com.paylink.stripelocal.LocalStripe stripe = new com.paylink.stripelocal.LocalStripe()) {
            String[] stripeMode = {"-D" + com.paylink.platform.PaymentsConfig.MODE + "=stripe",
                    "-D" + com.paylink.platform.PaymentsConfig.STRIPE_SECRET_KEY + "=sk_test_paylink",
                    "-D" + com.paylink.platform.PaymentsConfig.STRIPE_PUBLISHABLE_KEY + "=pk_test_paylink",
                    "-D" + com.paylink.platform.PaymentsConfig.STRIPE_WEBHOOK_SECRET + "=" + WEBHOOK_SECRET,
                    "-D" + com.paylink.platform.PaymentsConfig.STRIPE_API_BASE + "=" + stripe.baseUrl()};
            start(true, stripeMode);
            StaffSession staff = new StaffSession(new URL(BASE + "/"));
            staff.signIn("biller", PageTest.PASSWORD);
            String[][] invoices = {{"Carter, Emma", "RC-1001"}, {"Bennett, Noah", "RC-1002"}, {"Thompson, Ava", "RC-1003"},
                    {"Rivera, Lucas", "RC-1004"}};
            List<String> events = new ArrayList<>();
            for (String[] invoice : invoices) {
                long id = staff.invoiceId(invoice[0], invoice[1]);
                assertThat(staff.sendLink(id, "biller", PageTest.PASSWORD)).isEqualTo(201);
                String to = text("select recipient_email from payment_link where invoice_id = " + id + " and status = 'ACTIVE'");
                String link = linkOf(id, to);
                String intent = startStripePayment(link);
                stripe.succeed(intent); // the payer confirmed the card with Stripe
                events.add(stripe.event("evt_crash_" + intent, "payment_intent.succeeded", intent));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(events.size());
            try {
                List<java.util.concurrent.Future<Integer>> deliveries = new ArrayList<>();
                for (String event : events) {
                    deliveries.add(pool.submit(() -> webhook(event)));
                }
                deliveries.get(0).get(); // the first is handled: kill while the others may be half way
                kill();
                for (java.util.concurrent.Future<Integer> delivery : deliveries) {
                    try {
                        delivery.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        // no answer: the server died under it; Stripe will retry
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            start(false, stripeMode);
            for (String event : events) { // Stripe's retries
                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> webhook(event) == 200);
            }
            for (String[] invoice : invoices) {
                String payments = "select count(*) from payment p join invoice i on i.id = p.invoice_id where i.number = '"
                        + invoice[1] + "' and p.method = 'CARD'";
                assertThat(count(payments)).as(invoice[1] + ": the Stripe payment, once").isEqualTo(1);
                String notified = "select count(*) from notification n join payment p on p.id = n.payment_id "
                        + "join invoice i on i.id = p.invoice_id where i.number = '" + invoice[1] + "' and p.method = 'CARD'";
                await().atMost(Duration.ofSeconds(90)).until(() -> count(notified) >= 2);
            }
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> count(
                    "select count(*) from (select n.payment_id from notification n group by n.payment_id, n.recipient_staff_id "
                            + "having count(*) > 1) d") == 0);
        }
    }

    private static final String WEBHOOK_SECRET = "whsec_test_paylink";

    /** What the payment page's script does when the payer presses Pay: opens the link, asks for the intent. */
    private static String startStripePayment(String link) throws Exception {
        HttpClient payer = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> opened = payer.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String page = opened.body();
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("data-form=\"([^\"]+)\"").matcher(page);
        assertThat(form.find()).as("the Stripe payment form; the page was %s %s: %s", opened.statusCode(), opened.uri(),
                page.replaceAll("(?s)<head>.*</head>", "").replaceAll("\\s+", " ")).isTrue();
        String answer = payer.send(HttpRequest.newBuilder(URI.create(BASE + "/checkout/intent"))
                .header("X-Paylink-Form", form.group(1)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("\"clientSecret\":\"(pi_[A-Za-z0-9]+)_secret").matcher(answer);
        assertThat(secret.find()).as(answer).isTrue();
        return secret.group(1);
    }

    /** Stripe delivering an event: signed, over HTTP; the status, or an exception when the server is gone. */
    private static int webhook(String event) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(BASE + "/webhooks/stripe"))
                        .header("Content-Type", "application/json")
                        .header("Stripe-Signature", com.stripe.net.Webhook.Signature.generateSignatureHeader(event, WEBHOOK_SECRET,
                                System.currentTimeMillis() / 1000))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The link in the mailbox whose token is the one the invoice's active link holds now. */
    private static String linkOf(long invoiceId, String to) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            String hash = text("select token_hash from payment_link where invoice_id = " + invoiceId + " and status = 'ACTIVE'");
            return mail.linksTo(to).stream()
                    .filter(l -> com.paylink.paymentlink.control.LinkTokens.hash(l.substring(l.lastIndexOf('/') + 1)).equals(hash))
                    .findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }

    private static String text(String sql) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
        }
    }

    private static void start(boolean reset, String... properties) throws Exception {
        kill(); // a server another test left running (each test starts its own)
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Djboss.socket.binding.port-offset=" + OFFSET, "-Djava.net.preferIPv4Stack=true",
                "-Dpaylink.demo=true", "-Dpaylink.demo.reset=" + reset, "-Dpaylink.payments.mode=sandbox",
                "-Dpaylink.public.url=" + BASE, "-Dpaylink.link.sweep.enabled=false", "-Dpaylink.reconcile.enabled=false",
                // its own transaction node id (XA recovery touches only its own branches), and recovery every few
                // seconds instead of every two minutes, so the test sees in-doubt work completed soon after restart
                "-Djboss.tx.node.id=paylink-crash", "-Dpaylink.pay.intent.limit.address=1000000000",
                "-Dcom.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.periodicRecoveryPeriod=5",
                "-Dcom.arjuna.ats.arjuna.common.RecoveryEnvironmentBean.recoveryBackoffPeriod=1"));
        command.addAll(List.of(properties)); // later -D options win over the sandbox default above
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
