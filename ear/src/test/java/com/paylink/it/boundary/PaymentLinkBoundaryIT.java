package com.paylink.it.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.mail.boundary.MailQueue;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.LinkState;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.practice.boundary.PracticeSettingsRefused;
import com.paylink.practice.boundary.PracticeService;
import com.paylink.practice.boundary.PracticeSettingsView;
import com.paylink.paymentlink.boundary.SendOptions;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.paymentlink.boundary.PaymentLinkRefused;
import com.paylink.paymentlink.boundary.PaymentLinkRefused.Reason;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.paymentlink.entity.RecipientSource;
import com.paylink.platform.PaylinkConfig;
import com.paylink.shared.NotFoundException;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wildfly.security.auth.server.SecurityIdentity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Sending payment links inside WildFly on PostgreSQL, with a real SMTP server (GreenMail on the mail
 * session's port, started in the server's JVM). Rules PL1–PL7 of the paymentlink package.
 */
@ExtendWith(ArquillianExtension.class)
class PaymentLinkBoundaryIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(PaymentLinkBoundaryIT.class);
    }

    @EJB
    PaymentLinkService links;

    @EJB
    PracticeService settings;

    @Inject
    TestData data;

    @Resource
    UserTransaction tx;

    @Inject
    MailQueue mailQueue;

    private Mailbox smtp;

    @BeforeEach
    void startSmtp() {
        smtp = Mailbox.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** A fresh enrolled practice with a biller, a provider and one open invoice for a client with the given emails. */
    private record Fixture(String biller, String provider, long client, long invoice) {
    }

    private Fixture fixture(String clientEmail, String householdEmail, String billToEmail) {
        long practice = data.practice(TestData.unique("Practice"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String provider = data.staff(practice, TestData.unique("dr"), true, BILLING);
        long client = data.clientWithEmails(practice, clientEmail, householdEmail, billToEmail);
        long invoice = data.invoice(client, provider, TestData.unique("INV"), "120.00");
        return new Fixture(biller, provider, client, invoice);
    }

    private static String email(String name) {
        return TestData.unique(name).toLowerCase() + "@example.com";
    }

    private List<MimeMessage> mailTo(String address) {
        return smtp.to(address);
    }

    private MimeMessage awaitOneMailTo(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() >= 1);
        List<MimeMessage> mails = mailTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    @Test
    void theEmailComesFromTheStaffMember_isTitledWithThePractice_andCarriesNoClinicalDetail() throws Exception {
        long invoice = data.demoInvoice("RC-1004"); // Lucas Rivera: couples therapy with Dr. Sarah Smith
        LinkSent sent = As.staff("biller", BILLING, () -> links.send(invoice, "client"));

        MimeMessage mail = awaitOneMailTo("lucas.rivera@example.com");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Bailey Brooks");
        assertThat(from.getAddress()).isEqualTo("billing@riverside-counseling.example");
        assertThat(mail.getSubject()).isEqualTo("Riverside Counseling");
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
        assertThat(parts.getCount()).as("a plain-text and an HTML part").isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = parts.getBodyPart(0).getContent() + "\n" + parts.getBodyPart(1).getContent();

        Matcher link = Mailbox.LINK.matcher(text);
        assertThat(link.find()).as("the email holds the link").isTrue();
        String token = link.group(2);
        assertThat(data.tokenHashes(invoice)).containsExactly(LinkTokens.hash(token)).doesNotContain(token);
        assertThat(text).contains("$180.00", "Riverside Counseling", "do not need an account");

        List<String> clinical = data.clinicalWords();
        assertThat(clinical).contains("Couples Therapy (60 min)", "Dr. Sarah Smith", "Dr. Owen Jones");
        for (String word : clinical) {
            assertThat(text).as("no clinical detail").doesNotContain(word);
            assertThat(mail.getSubject()).doesNotContain(word);
        }
        assertThat(text).doesNotContain("Lucas").doesNotContain("Rivera, ");
        assertThat(text).as("the invoice number tells two links apart; it is not clinical").contains("Invoice: RC-1004 (link sent ");
        assertThat(sent.maskedRecipient()).isEqualTo("l***@example.com");
        assertThat(sent.recipientSource()).isEqualTo(RecipientSource.CLIENT_DETAILS);
        assertThat(Duration.between(sent.sentAt(), sent.expiresAt())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theDefaultRecipientIsBillTo_thenClientDetails_thenHousehold_eachNamedByItsSource() throws Exception {
        String client = email("client");
        String household = email("household");
        String billTo = email("billto");
        Fixture all = fixture(client, household, billTo);
        SendOptions options = As.staff(all.biller(), BILLING, () -> links.sendOptions(all.invoice()));
        assertThat(options.recipients()).extracting(o -> o.source() + " " + o.email()).containsExactly(
                "BILL_TO " + billTo, "CLIENT_DETAILS " + client, "HOUSEHOLD " + household);
        assertThat(options.defaultRecipientKey()).isEqualTo("bill-to");
        assertThat(options.balance().toString()).isEqualTo("120.00 USD");

        Fixture noBillTo = fixture(client, household, null);
        assertThat(As.staff(noBillTo.biller(), BILLING, () -> links.sendOptions(noBillTo.invoice())).defaultRecipientKey())
                .isEqualTo("client");
        Fixture householdOnly = fixture(null, household, null);
        LinkSent sent = As.staff(householdOnly.biller(), BILLING, () -> links.send(householdOnly.invoice(), null));
        assertThat(sent.recipientSource()).isEqualTo(RecipientSource.HOUSEHOLD);
        awaitOneMailTo(household);
    }

    @Test
    void withoutBillingNothingIsSent_evenWhenTheRoleClaimsIt() throws Exception {
        Fixture f = fixture(email("c"), null, null);
        long practice = data.practiceOfInvoice(f.invoice());
        String frontDesk = data.staff(practice, TestData.unique("front"), false, Set.of());

        assertThatThrownBy(() -> As.staff(frontDesk, Set.of(), () -> links.send(f.invoice(), null)))
                .isInstanceOf(EJBAccessException.class);
        // the role is forged, the database says no
        assertThatThrownBy(() -> As.staff(frontDesk, BILLING, () -> links.send(f.invoice(), null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> As.anonymous(() -> links.send(f.invoice(), null))).isInstanceOf(EJBAccessException.class);
        assertThat(data.linkStatuses(f.invoice())).isEmpty();
        assertThat(data.audit(f.invoice())).isEmpty();

        // PL1 for the dialog and for revoking, too: the role alone does not do it, the database decides
        assertThatThrownBy(() -> As.staff(frontDesk, Set.of(), () -> links.sendOptions(f.invoice())))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.staff(frontDesk, BILLING, () -> links.sendOptions(f.invoice())))
                .isInstanceOf(PermissionDeniedException.class);
        As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        assertThatThrownBy(() -> As.staff(frontDesk, Set.of(), () -> links.revoke(f.invoice())))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.staff(frontDesk, BILLING, () -> links.revoke(f.invoice())))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(data.linkStatuses(f.invoice())).containsExactly("ACTIVE");
    }

    @Test
    void eachBrokenRuleHasItsOwnReason_andChangesNothing() throws Exception {
        long notEnrolled = data.practice(TestData.unique("NotEnrolled"), false);
        String lakeBiller = data.staff(notEnrolled, TestData.unique("b"), false, BILLING);
        String lakeDr = data.staff(notEnrolled, TestData.unique("dr"), true, Set.of());
        long lakeInvoice = data.invoice(data.clientWithEmails(notEnrolled, email("x"), null, null), lakeDr, "L-1", "10.00");
        assertRefused(lakeBiller, lakeInvoice, null, Reason.PRACTICE_NOT_ENROLLED);
        assertThatThrownBy(() -> As.staff(lakeBiller, BILLING, () -> links.sendOptions(lakeInvoice)))
                .as("the dialog refuses as the send would").isInstanceOfSatisfying(PaymentLinkRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PRACTICE_NOT_ENROLLED));
        // revoking stays possible after a practice leaves card processing: a live link must be stoppable
        long lakeLink = data.link(lakeInvoice, lakeBiller, com.paylink.paymentlink.control.LinkTokens.newToken(),
                java.time.Instant.now());
        As.staff(lakeBiller, BILLING, () -> links.revoke(lakeInvoice));
        assertThat(data.linkStatus(lakeLink)).isEqualTo("REVOKED");

        Fixture f = fixture(null, null, null);
        assertRefused(f.biller(), f.invoice(), null, Reason.NO_RECIPIENT_EMAIL);

        Fixture invalid = fixture("not-an-email", null, null);
        assertRefused(invalid.biller(), invalid.invoice(), null, Reason.INVALID_RECIPIENT_EMAIL);

        Fixture ok = fixture(email("ok"), null, null);
        assertRefused(ok.biller(), ok.invoice(), "household-999999", Reason.UNKNOWN_RECIPIENT);

        long voided = data.invoice(ok.client(), ok.provider(), TestData.unique("V"), "50.00");
        data.voidInvoice(voided);
        assertRefused(ok.biller(), voided, null, Reason.INVOICE_VOID);

        long paid = data.invoice(ok.client(), ok.provider(), TestData.unique("P"), "50.00");
        data.pay(paid, "50.00");
        assertRefused(ok.biller(), paid, null, Reason.INVOICE_PAID);

        long writtenOff = data.invoice(ok.client(), ok.provider(), TestData.unique("W"), "50.00");
        data.adjust(writtenOff, "50.00");
        assertRefused(ok.biller(), writtenOff, null, Reason.INVOICE_NO_BALANCE);

        Fixture other = fixture(email("other"), null, null);
        assertThatThrownBy(() -> As.staff(other.biller(), BILLING, () -> links.send(ok.invoice(), null)))
                .as("another practice's invoice").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(other.biller(), BILLING, () -> links.revoke(ok.invoice())))
                .isInstanceOf(NotFoundException.class);
        assertThat(data.linkStatuses(ok.invoice())).isEmpty();
    }

    private void assertRefused(String user, long invoice, String recipient, Reason reason) {
        assertThatThrownBy(() -> As.staff(user, BILLING, () -> links.send(invoice, recipient)))
                .isInstanceOfSatisfying(PaymentLinkRefused.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(data.linkStatuses(invoice)).as(reason.code()).isEmpty();
    }

    @Test
    void sendingAgainRevokesTheEarlierLink_andRevokeSendsNothing_allAudited() throws Exception {
        String address = email("again");
        Fixture f = fixture(address, null, null);
        As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        LinkSent second = As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        assertThat(second.replacedEarlierLink()).isTrue();
        assertThat(data.linkStatuses(f.invoice())).containsExactly("REVOKED", "ACTIVE");
        // the active link's mail goes out before it is revoked (otherwise, rightly, it never would)
        await().atMost(Duration.ofSeconds(60)).until(() -> data.mailSent("payment-link:" + second.linkId()));

        LinkState revoked = As.staff(f.biller(), BILLING, () -> links.revoke(f.invoice()));
        assertThat(revoked.status()).isEqualTo(PaymentLinkStatus.REVOKED);
        assertThat(data.linkStatuses(f.invoice())).containsExactly("REVOKED", "REVOKED");
        assertThatThrownBy(() -> As.staff(f.biller(), BILLING, () -> links.revoke(f.invoice())))
                .isInstanceOfSatisfying(PaymentLinkRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_ACTIVE_LINK));

        String masked = address.charAt(0) + "***@example.com";
        assertThat(data.audit(f.invoice())).containsExactly(
                "SENT " + masked, "REVOKED " + masked, "RESENT " + masked, "REVOKED " + masked);
        assertThat(As.staff(f.biller(), BILLING, () -> links.current(f.invoice())).orElseThrow().status())
                .isEqualTo(PaymentLinkStatus.REVOKED);
        assertThat(As.staff(f.biller(), BILLING, () -> links.auditTrail(f.invoice())))
                .extracting(a -> a.action() + " " + a.staffName() + " " + a.maskedRecipient())
                .containsExactly("SENT Staff " + f.biller() + " " + masked, "REVOKED Staff " + f.biller() + " " + masked,
                        "RESENT Staff " + f.biller() + " " + masked, "REVOKED Staff " + f.biller() + " " + masked);
        // the first link's mail may or may not have gone out before it was replaced; the second's did
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() >= 1);
        assertThat(mailTo(address)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void twoConcurrentSendsForOneInvoiceLeaveExactlyOneActiveLink() throws Exception {
        Fixture f = fixture(email("race"), null, null);
        SecurityIdentity biller = As.identity(f.biller(), BILLING);
        CountDownLatch start = new CountDownLatch(1);
        Callable<LinkSent> send = () -> {
            start.await();
            return As.run(biller, () -> links.send(f.invoice(), null));
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<LinkSent>> results = new ArrayList<>();
            results.add(pool.submit(send));
            results.add(pool.submit(send));
            start.countDown();
            for (Future<LinkSent> result : results) {
                assertThat(result.get().invoiceId()).isEqualTo(f.invoice());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(data.linkStatuses(f.invoice())).containsExactlyInAnyOrder("ACTIVE", "REVOKED");
    }

    @Test
    void aRolledBackSendMailsNothing() throws Exception {
        String address = email("rollback");
        Fixture f = fixture(address, null, null);
        tx.begin();
        try {
            As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        } finally {
            tx.rollback();
        }
        assertThat(data.linkStatuses(f.invoice())).isEmpty();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> mailTo(address).isEmpty());
    }

    /**
     * M1 (and PL7) at the queue itself. A rolled-back send (above) mails nothing even if its request
     * escaped the transaction, because the listener drops a request for a link that does not exist. So
     * here the request is for a link that does exist (committed before): only the request's own
     * transaction decides whether the mail goes out.
     */
    @Test
    void aMailRequestGoesOutOnlyIfItsTransactionCommits() throws Exception {
        String address = email("commit");
        Fixture f = fixture(address, null, null);
        long link = data.link(f.invoice(), f.biller(), null, Instant.now()); // not mailed yet
        Map<String, String> request = Map.of(LinkIssuer.MAIL_LINK_ID, String.valueOf(link));

        tx.begin();
        try {
            mailQueue.enqueue(LinkIssuer.MAIL_KIND, request);
        } finally {
            tx.rollback();
        }
        await("a rolled-back request mails nothing").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(() -> mailTo(address).isEmpty());
        assertThat(data.mailSent("payment-link:" + link)).isFalse();

        tx.begin();
        mailQueue.enqueue(LinkIssuer.MAIL_KIND, request);
        tx.commit();
        java.util.regex.Matcher mailed = java.util.regex.Pattern.compile("/pay/([A-Za-z0-9_-]{43})")
                .matcher(Mailbox.text(awaitOneMailTo(address)));
        assertThat(mailed.find()).isTrue();
        assertThat(data.tokenHashes(f.invoice())).as("the sender minted the token and kept only its hash")
                .containsExactly(LinkTokens.hash(mailed.group(1)));

        // PL6: a duplicate request (a redelivery) finds the link mailed: no second mail, no new token
        tx.begin();
        mailQueue.enqueue(LinkIssuer.MAIL_KIND, request);
        tx.commit();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(address).size() == 1);
        assertThat(data.tokenHashes(f.invoice())).containsExactly(LinkTokens.hash(mailed.group(1)));
    }

    /**
     * PL6 after a full flow (sent, mailed, opened, and a failed lookup): the token is in the email and
     * nowhere else: not in any database row, not in the broker's files (journal, bindings, paging; in
     * every encoding Artemis writes strings), not in the server log.
     */
    @Test
    void pl6_theTokenIsInTheEmail_andInNoDatabaseRowBrokerFileOrLogLine() throws Exception {
        String address = email("nowhere");
        Fixture f = fixture(address, null, null);
        As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        Matcher mailed = Mailbox.LINK.matcher(Mailbox.text(awaitOneMailTo(address)));
        assertThat(mailed.find()).isTrue();
        String token = mailed.group(2);

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String root = "http://127.0.0.1:" + (8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0));
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/pay/" + token)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(303);
        String wrong = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/pay/" + wrong)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        String rows = data.everyRowAsText();
        assertThat(rows).as("the dump holds the link's hash").contains(LinkTokens.hash(token));
        assertThat(rows).as("no database row").doesNotContain(token);

        java.nio.file.Path broker = java.nio.file.Path.of(System.getProperty("jboss.server.data.dir"), "activemq");
        List<byte[]> forms = List.of(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_16BE));
        List<byte[]> controls = List.of(LinkIssuer.MAIL_LINK_ID.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                LinkIssuer.MAIL_LINK_ID.getBytes(java.nio.charset.StandardCharsets.UTF_16BE),
                LinkIssuer.MAIL_LINK_ID.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        boolean controlSeen = false;
        List<java.nio.file.Path> files;
        try (var walk = java.nio.file.Files.walk(broker)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertThat(files).as("the broker keeps files").isNotEmpty();
        for (java.nio.file.Path file : files) {
            byte[] content = java.nio.file.Files.readAllBytes(file);
            for (byte[] form : forms) {
                assertThat(indexOf(content, form)).as("the token in " + file).isEqualTo(-1);
            }
            controlSeen |= controls.stream().anyMatch(c -> indexOf(content, c) >= 0);
        }
        assertThat(controlSeen).as("the scan reads the broker's message properties (linkId is found)").isTrue();

        byte[] log = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("jboss.server.log.dir"),
                "server.log"));
        assertThat(indexOf(log, forms.get(0))).as("the token in the server log").isEqualTo(-1);
        assertThat(indexOf(log, wrong.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).as("a failed lookup's token")
                .isEqualTo(-1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * P5: the practice's link lifetime, as its Admin set it, fixes expiresAt at each send; a link sent before
     * the change keeps its own; a value outside 1-720 hours or a non-Admin is refused and nothing changes; each
     * changed setting is audited with who.
     */
    @Test
    void theLinkLifetimeIsWhatThePracticesAdminChose_andOnlyLinksSentAfterTheChangeFollowIt() throws Exception {
        long practice = data.practice(TestData.unique("Practice"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        String provider = data.staff(practice, TestData.unique("dr"), true, BILLING);
        long client = data.clientWithEmails(practice, email("lifetime"), null, null);
        long first = data.invoice(client, provider, TestData.unique("INV"), "120.00");
        long second = data.invoice(client, provider, TestData.unique("INV"), "80.00");

        LinkSent before = As.staff(biller, BILLING, () -> links.send(first, null));
        assertThat(before.expiresAt()).as("the default").isEqualTo(before.sentAt().plus(Duration.ofHours(24)));

        PracticeSettingsView.Values defaults = As.staff(admin, EnumSet.of(Permission.ADMIN), () -> settings.view()).values();
        PracticeSettingsView.Values longer = new PracticeSettingsView.Values(36, defaults.partialPaymentsAllowed(),
                defaults.partialMinimum(), defaults.reminderEnabled(), defaults.reminderHoursBefore(), defaults.emailFrom());
        assertThatThrownBy(() -> As.staff(biller, BILLING, () -> settings.save(longer)))
                .as("Admins only").isInstanceOf(jakarta.ejb.EJBAccessException.class);
        PracticeSettingsView.Values tooLong = new PracticeSettingsView.Values(721, false, defaults.partialMinimum(), false,
                defaults.reminderHoursBefore(), defaults.emailFrom());
        assertThatThrownBy(() -> As.staff(admin, EnumSet.of(Permission.ADMIN), () -> settings.save(tooLong)))
                .isInstanceOfSatisfying(PracticeSettingsRefused.class,
                        e -> assertThat(e.code()).isEqualTo("settings-lifetime-range"));
        PracticeSettingsView saved = As.staff(admin, EnumSet.of(Permission.ADMIN), () -> settings.save(longer));
        assertThat(saved.values().linkLifetimeHours()).isEqualTo(36);
        assertThat(saved.changes()).as("one change, audited with who")
                .extracting(PracticeSettingsView.ChangeRow::setting, PracticeSettingsView.ChangeRow::oldValue,
                        PracticeSettingsView.ChangeRow::newValue, PracticeSettingsView.ChangeRow::staffName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("linkLifetimeHours", "24", "36", "Staff " + admin));

        LinkSent after = As.staff(biller, BILLING, () -> links.send(second, null));
        assertThat(after.expiresAt()).isEqualTo(after.sentAt().plus(Duration.ofHours(36)));
        LinkState stored = As.staff(biller, BILLING, () -> links.current(second)).orElseThrow();
        assertThat(stored.expiresAt()).as("as stored").isEqualTo(stored.sentAt().plus(Duration.ofHours(36)));
        LinkState earlier = As.staff(biller, BILLING, () -> links.current(first)).orElseThrow();
        assertThat(earlier.expiresAt()).as("sent before the change").isEqualTo(earlier.sentAt().plus(Duration.ofHours(24)));
    }

    /**
     * ADR 0013 (issue 22): a link's mail request is an outbox row committed with the link; the relay hands it to the
     * broker and deletes it, and the health page's details show the relay's wait (p50/p99). A row that has waited more
     * than 10 s (here one for a queue this version does not know, which no relay takes) turns the outbox check DOWN,
     * with how many wait and for how long, without taking the server out of rotation.
     */
    @Test
    void theOutbox_isEmptiedByTheRelay_andTheHealthPageSaysWhenItIsBehind() throws Exception {
        String address = email("outbox");
        Fixture f = fixture(address, null, null);
        As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        awaitOneMailTo(address);
        await("the relayed row is gone").atMost(Duration.ofSeconds(10))
                .until(() -> data.count("select count(*) from outbox") == 0);

        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI readiness = java.net.URI.create(System.getProperty("paylink.public.url") + "/health/ready");
        Callable<java.net.http.HttpResponse<String>> ready = () -> http.send(java.net.http.HttpRequest.newBuilder(readiness).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        System.setProperty(PaylinkConfig.HEALTH_CACHE, "PT0S");
        try {
            java.net.http.HttpResponse<String> keepingUp = ready.call();
            assertThat(keepingUp.body()).contains("\"name\":\"outbox\",\"status\":\"UP\"", "\"waitP50Ms\":", "\"waitP99Ms\":");

            data.execute("insert into outbox (destination, body, properties, created_at) "
                    + "values ('NotAQueue', 'x', '{}', clock_timestamp() - interval '1 minute')");
            java.net.http.HttpResponse<String> behind = ready.call();
            assertThat(behind.statusCode()).as("the rows are safe; the server stays in rotation").isEqualTo(200);
            assertThat(behind.body()).contains("\"name\":\"outbox\",\"status\":\"DOWN\"",
                    "1 messages wait for the broker, the oldest for 60 s");
        } finally {
            data.execute("delete from outbox where destination = 'NotAQueue'");
            System.clearProperty(PaylinkConfig.HEALTH_CACHE);
        }
    }

    /**
     * Health, as a load balancer and an operator ask it: readiness reports the database, the broker, the
     * payment mode and the mail server; a mail server that is down is reported but keeps the server in
     * rotation (mail waits in the queue). Liveness answers while the application serves requests.
     */
    @Test
    void readinessReportsDatabaseBrokerPaymentsAndMail_andAMailOutageKeepsTheServerInRotation() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String root = System.getProperty("paylink.public.url");
        java.util.function.Supplier<java.net.http.HttpResponse<String>> ready = () -> {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/health/ready")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        java.net.http.HttpResponse<String> up = ready.get();
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"", "\"name\":\"database\",\"status\":\"UP\"",
                "\"name\":\"broker\",\"status\":\"UP\"", "\"name\":\"payments\",\"status\":\"UP\"",
                "\"name\":\"mail\",\"status\":\"UP\"",
                // issue 28 (5): the operator also reads whether requests come through a proxy nobody trusts
                "\"name\":\"client-addresses\",\"status\":\"UP\"");

        // a healthy answer is reused (30 s by default): a probe does not log in to the mail relay every time
        smtp.stop();
        assertThat(ready.get().body()).as("the mail server's last answer, reused").contains("\"name\":\"mail\",\"status\":\"UP\"");
        System.setProperty(com.paylink.platform.PaylinkConfig.HEALTH_CACHE, "PT0S");
        try {
            // anyone but the operator's prober gets UP or DOWN, nothing of what is behind it
            System.setProperty(com.paylink.platform.PaylinkConfig.HEALTH_DETAIL_FROM, "10\\.9\\.9\\.9");
            java.net.http.HttpResponse<String> publicView = ready.get();
            assertThat(publicView.statusCode()).isEqualTo(200);
            assertThat(publicView.body()).isEqualTo("{\"checks\":[],\"status\":\"UP\"}");
            System.clearProperty(com.paylink.platform.PaylinkConfig.HEALTH_DETAIL_FROM);
            checkMailDown(ready);
        } finally {
            System.clearProperty(com.paylink.platform.PaylinkConfig.HEALTH_CACHE);
            System.clearProperty(com.paylink.platform.PaylinkConfig.HEALTH_DETAIL_FROM);
        }

        java.net.http.HttpResponse<String> live = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(root + "/health/live")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
    }

    private void checkMailDown(java.util.function.Supplier<java.net.http.HttpResponse<String>> ready) {
        java.net.http.HttpResponse<String> mailDown = ready.get();
        assertThat(mailDown.statusCode()).as("mail waits in the queue: still in rotation").isEqualTo(200);
        assertThat(mailDown.body()).contains("\"name\":\"mail\",\"status\":\"DOWN\"",
                "the mail server does not accept connections");
        startSmtp();
    }

    /**
     * Issue 28 (11): with STARTTLS required (a release server's default; the test server is the demo, so the test says
     * it explicitly), a relay that does not offer STARTTLS (GreenMail here) gets no mail in the clear, and readiness
     * says why. Once the setting is off again, the waiting mail goes out.
     */
    @Test
    void withStartTlsRequired_aRelayWithoutItGetsNoMailInTheClear_andReadinessSaysWhy() throws Exception {
        String address = email("tls");
        Fixture f = fixture(address, null, null);
        String root = System.getProperty("paylink.public.url");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        System.setProperty(com.paylink.mail.boundary.Mailer.SMTP_STARTTLS, "required");
        System.setProperty(com.paylink.platform.PaylinkConfig.HEALTH_CACHE, "PT0S");
        LinkSent sent;
        try {
            sent = As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(address).isEmpty());
            assertThat(data.mailSent("payment-link:" + sent.linkId())).isFalse();
            String readiness = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/health/ready"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(readiness).contains("\"name\":\"mail\",\"status\":\"DOWN\"", "does not offer STARTTLS");
        } finally {
            System.clearProperty(com.paylink.mail.boundary.Mailer.SMTP_STARTTLS);
            System.clearProperty(com.paylink.platform.PaylinkConfig.HEALTH_CACHE);
        }
        await("the waiting mail, once TLS is no longer required").atMost(Duration.ofSeconds(90))
                .until(() -> mailTo(address).size() == 1);
    }

    @Test
    void whileSmtpIsDownTheSendSucceeds_andTheMailGoesOutOnceWhenItIsBack() throws Exception {
        String address = email("down");
        Fixture f = fixture(address, null, null);
        smtp.stop();
        LinkSent sent = As.staff(f.biller(), BILLING, () -> links.send(f.invoice(), null));
        assertThat(sent.linkId()).isPositive();
        assertThat(data.linkStatuses(f.invoice())).containsExactly("ACTIVE");
        // while SMTP is down the mail request keeps failing and nothing is recorded as sent
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !data.mailSent("payment-link:" + sent.linkId()));
        assertThat(As.staff(f.biller(), BILLING, () -> links.current(f.invoice())).orElseThrow().emailPending())
                .as("staff see that the email is waiting").isTrue();

        startSmtp();
        await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(address).size() >= 1);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> mailTo(address).size() == 1);
        assertThat(As.staff(f.biller(), BILLING, () -> links.current(f.invoice())).orElseThrow().emailPending())
                .as("sent: no longer waiting").isFalse();
    }
}
