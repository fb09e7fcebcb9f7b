package com.paylink.it.boundary;

import com.paylink.identity.control.PasswordHasher;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Builds each test's own practice, staff and ledger data, with unique names, in its own transaction. */
@ApplicationScoped
@Transactional
public class TestData {

    public static final String PASSWORD = "test-password";
    private static final PasswordHasher FAST_HASHER = new PasswordHasher(1_000);

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs a statement of the test's own, in its own transaction; answers the rows it changed. */
    public int execute(String sql) {
        return em.createNativeQuery(sql).executeUpdate();
    }

    /** The one value a query of the test's own answers (a single column, a single row). */
    public Object one(String sql) {
        return em.createNativeQuery(sql).getSingleResult();
    }

    /** The number a {@code select count(*) …} of the test's own answers. */
    public long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** A practice; an enrolled one has its own card-processing account, {@code acct_test_<random>}. */
    public long practice(String name, boolean enrolled) {
        String email = "billing@" + name.toLowerCase().replaceAll("[^a-z0-9]", "") + ".example";
        Practice practice = enrolled
                ? new Practice(name, email, "acct_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), Instant.now())
                : new Practice(name, email, Instant.now());
        em.persist(practice);
        return practice.id();
    }

    public String accountOfPractice(long practiceId) {
        return em.find(Practice.class, practiceId).stripeAccountId();
    }

    /** P7: the gateway answered that Paylink's domain is registered for wallets on the link's practice's account. */
    public void walletsRegistered(long linkId) {
        em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).practice()
                .walletsChecked("127.0.0.1", true, null, Instant.now());
    }

    /** P8: the link's practice offers (or no longer offers) US bank account debits. */
    public void bankDebits(long linkId, boolean on) {
        Practice practice = em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).practice();
        com.paylink.practice.entity.PracticeSettings s = practice.settings();
        practice.settingsChanged(new com.paylink.practice.entity.PracticeSettings(s.linkLifetimeHours(),
                s.partialPaymentsAllowed(), s.partialMinimumMinor(), s.reminderEnabled(), s.reminderHoursBefore(),
                s.emailFrom(), on));
    }

    /** The card-processing account of the practice that sent the link. */
    public String accountOfLink(long linkId) {
        return em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).practice().stripeAccountId();
    }

    public String staff(long practiceId, String username, boolean provider, Set<Permission> permissions) {
        Staff staff = new Staff(em.find(Practice.class, practiceId), username, "Staff " + username, null,
                FAST_HASHER.hash(PASSWORD.toCharArray()), provider, permissions);
        em.persist(staff);
        return staff.username();
    }

    /** A staff member with an email address (I5: a reset link goes to it), password {@link #PASSWORD}. */
    public String staffWithEmail(long practiceId, String username, String email, Set<Permission> permissions) {
        Staff staff = new Staff(em.find(Practice.class, practiceId), username, "Staff " + username, email,
                FAST_HASHER.hash(PASSWORD.toCharArray()), false, permissions);
        em.persist(staff);
        return staff.username();
    }

    /** I5: the staff member's one-time links, oldest first, as "PURPOSE hash used superseded". */
    public java.util.List<String> accessLinks(String username) {
        return em.createNativeQuery("select l.purpose || ' ' || coalesce(l.token_hash, '-') || ' ' || (l.used_at is not null) "
                        + "|| ' ' || (l.superseded_at is not null) from staff_access_link l join staff s on s.id = l.staff_id "
                        + "where s.username = ?1 order by l.id")
                .setParameter(1, username).getResultList();
    }

    /** I5: the staff member's changes as kept, oldest first. */
    public java.util.List<String> staffChanges(String username) {
        return em.createNativeQuery("select c.change from staff_change c join staff s on s.id = c.staff_id "
                        + "where s.username = ?1 order by c.id")
                .setParameter(1, username).getResultList();
    }

    public long practiceCount() {
        return ((Number) em.createNativeQuery("select count(*) from practice").getSingleResult()).longValue();
    }

    public boolean staffExists(String username) {
        return !em.createQuery("select s.id from Staff s where s.username = :u", Long.class).setParameter("u", username)
                .getResultList().isEmpty();
    }

    public String passwordHash(String username) {
        return em.createQuery("select s.passwordHash from Staff s where s.username = :u", String.class)
                .setParameter("u", username).getSingleResult();
    }

    public void deactivate(String username) {
        em.createQuery("select s from Staff s where s.username = :u", Staff.class).setParameter("u", username)
                .getSingleResult().deactivate();
    }

    public long client(long practiceId, String firstName, String lastName) {
        Client client = new Client(em.find(Practice.class, practiceId), firstName, lastName, null, null, null);
        em.persist(client);
        return client.id();
    }

    /** An invoice of {@code amount} USD for a new appointment rendered by {@code providerUsername}. */
    public long invoice(long clientId, String providerUsername, String number, String amount) {
        Client client = em.find(Client.class, clientId);
        Staff provider = em.createQuery("select s from Staff s where s.username = :u", Staff.class)
                .setParameter("u", providerUsername).getSingleResult();
        Appointment appointment = new Appointment(client, Instant.now(), "Test Service", provider);
        em.persist(appointment);
        Invoice invoice = new Invoice(client, appointment, number, LocalDate.now(), "USD");
        invoice.addLine("Test Service", 1, Money.of(amount, "USD"));
        em.persist(invoice);
        return invoice.id();
    }

    /** A client with the given addresses (null for none) in Client Details, Household Information and Bill To. */
    public long clientWithEmails(long practiceId, String clientEmail, String householdEmail, String billToEmail) {
        Client client = new Client(em.find(Practice.class, practiceId), "Mail", TestData.unique("Client"), null,
                clientEmail, null);
        client.addHouseholdMember("Parent", "House Hold", householdEmail);
        if (billToEmail != null) {
            client.billTo(new com.paylink.ledger.entity.BillTo(com.paylink.ledger.entity.BillToParty.OTHER_PERSON,
                    "Third Party Payer", billToEmail, null));
        }
        em.persist(client);
        return client.id();
    }

    /** Issue 23: the practice texts from {@code serviceSid} (registered with the demo phone's local Twilio by the test). */
    public void texting(long practiceId, String serviceSid, String name) {
        Practice practice = em.find(Practice.class, practiceId);
        practice.textingSetUp(serviceSid, name);
        practice.textingRegistration(true, Instant.now());
    }

    /** Issue 23: a client with an email in Client Details and a mobile number, with the client's consent to texts or not. */
    public long textableClient(long practiceId, String email, String mobile, boolean consent) {
        Client client = new Client(em.find(Practice.class, practiceId), "Text", TestData.unique("Client"), null, email, null);
        em.persist(client);
        client.mobileChanged(mobile, Instant.now(), null);
        if (consent) {
            client.textConsentGiven(com.paylink.ledger.entity.ConsentMethod.IN_PERSON, Instant.now(), null);
        }
        return client.id();
    }

    /** Issue 23: the client's consent to texts now (NONE, GIVEN, WITHDRAWN). */
    public String textConsent(long clientId) {
        em.clear();
        return em.find(Client.class, clientId).textConsent().name();
    }

    /** Issue 23: each text of the link: status, error code, segments, body as kept (token left out), oldest first. */
    public java.util.List<String> texts(long linkId) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("select status, error_code, segments, body_shown from text_message "
                + "where link_id = ?1 order by id").setParameter(1, linkId).getResultList();
        return rows.stream().map(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3]).toList();
    }

    /** Status of each link of the invoice, oldest first. */
    public java.util.List<String> linkStatuses(long invoiceId) {
        return em.createQuery("select l.status from PaymentLink l where l.invoice.id = :i order by l.id", Object.class)
                .setParameter("i", invoiceId).getResultList().stream().map(Object::toString).toList();
    }

    public java.util.List<String> tokenHashes(long invoiceId) {
        return em.createQuery("select l.tokenHash from PaymentLink l where l.invoice.id = :i order by l.id", String.class)
                .setParameter("i", invoiceId).getResultList();
    }

    /** "ACTION masked-address" of each audit line of the invoice, oldest first. */
    public java.util.List<String> audit(long invoiceId) {
        return em.createQuery("select a from PaymentLinkAudit a where a.invoiceId = :i order by a.id",
                        com.paylink.paymentlink.entity.PaymentLinkAudit.class)
                .setParameter("i", invoiceId).getResultList().stream()
                .map(a -> a.action() + " " + a.maskedRecipient()).toList();
    }

    /** Every demo service type and provider name: none may appear in a client's email. */
    public java.util.List<String> clinicalWords() {
        java.util.List<String> words = new java.util.ArrayList<>(em.createQuery(
                "select distinct a.serviceType from Appointment a", String.class).getResultList());
        words.addAll(em.createQuery("select s.fullName from Staff s where s.provider = true", String.class).getResultList());
        return words;
    }

    /** A link for the invoice with a token the test knows, sent by {@code sender}, valid for 24 hours from now. */
    public long link(long invoiceId, String sender, String token, java.time.Instant sentAt) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        Staff staff = em.createQuery("select s from Staff s where s.username = :u", Staff.class)
                .setParameter("u", sender).getSingleResult();
        com.paylink.paymentlink.entity.PaymentLink link = new com.paylink.paymentlink.entity.PaymentLink(invoice,
                com.paylink.paymentlink.entity.RecipientSource.CLIENT_DETAILS, "Payer",
                invoice.client().email() == null ? "payer@example.com" : invoice.client().email(), staff, sentAt,
                invoice.practice().settings().linkLifetime());
        if (token != null) { // as if its email had gone out with this token; null: not mailed yet
            link.tokenMinted(com.paylink.paymentlink.control.LinkTokens.hash(token), sentAt);
        }
        em.persist(link);
        return link.id();
    }

    /** PL11: when the link's reminder was queued; null when never. */
    public java.time.Instant reminderQueued(long linkId) {
        return em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).reminderQueuedAt().orElse(null);
    }

    /**
     * {@code count} invoices of $10.00 for the client, each with one working link sent by {@code sender}, three at a
     * time at the same moment (every second from {@code firstSentAt}), in one transaction; their ids, oldest first.
     */
    public java.util.List<Long> links(long clientId, String providerUsername, String sender, int count,
                                      java.time.Instant firstSentAt) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int n = 0; n < count; n++) {
            long invoice = invoice(clientId, providerUsername, unique("LA"), "10.00");
            ids.add(link(invoice, sender, null, firstSentAt.plusSeconds(n / 3)));
        }
        return ids;
    }

    public String linkStatus(long linkId) {
        return em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).status().name();
    }

    public java.time.Instant lastViewed(long linkId) {
        return em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).lastViewedAt();
    }

    public java.time.Instant firstViewed(long linkId) {
        return em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).firstViewedAt();
    }

    /** "amount receipt" of each payment on the invoice. */
    public java.util.List<String> payments(long invoiceId) {
        return em.find(Invoice.class, invoiceId).payments().stream()
                .map(p -> p.amount() + " " + p.receiptNumber()).toList();
    }

    /** "brand last4" of each payment on the invoice, or "none" where the gateway reported no card (L12). */
    public java.util.List<String> paymentCards(long invoiceId) {
        return em.find(Invoice.class, invoiceId).payments().stream()
                .map(p -> p.card().map(Object::toString).orElse("none")).toList();
    }

    /** What the ledger shows as each payment's reference. */
    public java.util.List<String> paymentReferences(long invoiceId) {
        return em.find(Invoice.class, invoiceId).payments().stream().map(p -> p.reference()).toList();
    }

    /** The invoice's active link's id. */
    public long activeLink(long invoiceId) {
        return em.createQuery("select l.id from PaymentLink l where l.invoice.id = :i and l.status = :s", Long.class)
                .setParameter("i", invoiceId)
                .setParameter("s", com.paylink.paymentlink.entity.PaymentLinkStatus.ACTIVE)
                .getSingleResult();
    }

    /** "status reference" of each payment attempt of the link, oldest first (reference null before the gateway answered). */
    public java.util.List<String> attempts(long linkId) {
        return em.createQuery("select a from PaymentAttempt a where a.link.id = :l order by a.id",
                        com.paylink.payment.entity.PaymentAttempt.class)
                .setParameter("l", linkId).getResultStream().map(a -> a.status() + " " + a.gatewayReference()).toList();
    }

    /** The invoice's balance as "amount currency". */
    public String balance(long invoiceId) {
        return em.find(Invoice.class, invoiceId).balance().toString();
    }

    /** "amount status" of each refund row of the invoice, oldest first. */
    public java.util.List<String> refunds(long invoiceId) {
        return em.find(Invoice.class, invoiceId).refunds().stream().map(r -> r.amount() + " " + r.status()).toList();
    }

    public boolean disputed(long invoiceId) {
        return em.find(Invoice.class, invoiceId).isDisputed();
    }

    public long clientOfInvoice(long invoiceId) {
        return em.find(Invoice.class, invoiceId).client().id();
    }

    public String recipientOf(long linkId) {
        return em.find(com.paylink.paymentlink.entity.PaymentLink.class, linkId).recipientEmail();
    }

    /** Usernames notified of something of {@code kind} about the invoice. */
    public java.util.List<String> notifiedOf(long invoiceId, String kind) {
        return em.createQuery("select n.recipient.username from Notification n where n.invoiceId = :i and n.kind = :k "
                        + "order by n.recipient.username", String.class)
                .setParameter("i", invoiceId)
                .setParameter("k", com.paylink.notification.entity.NotificationKind.valueOf(kind))
                .getResultList();
    }

    public String invoiceStatus(long invoiceId) {
        return em.find(Invoice.class, invoiceId).status().name();
    }

    /** PL12: the active link that covers the invoice, whichever invoice is the link's first. */
    public long activeLinkCovering(long invoiceId) {
        return em.createQuery("select li.link.id from LinkInvoice li where li.invoice.id = :i and li.link.status = :s",
                        Long.class)
                .setParameter("i", invoiceId)
                .setParameter("s", com.paylink.paymentlink.entity.PaymentLinkStatus.ACTIVE)
                .getSingleResult();
    }

    /** PL12: how many links cover the invoice, whichever invoice is their first. */
    public long linksCovering(long invoiceId) {
        return em.createQuery("select count(li) from LinkInvoice li where li.invoice.id = :i", Long.class)
                .setParameter("i", invoiceId).getSingleResult();
    }

    public long linkCount(long invoiceId) {
        return em.createQuery("select count(l) from PaymentLink l where l.invoice.id = :i", Long.class)
                .setParameter("i", invoiceId).getSingleResult();
    }

    /** Usernames notified about payments on the invoice, sorted. */
    public java.util.List<String> notified(long invoiceId) {
        return em.createQuery("select n.recipient.username from Notification n where n.invoiceId = :i "
                + "order by n.recipient.username", String.class).setParameter("i", invoiceId).getResultList();
    }

    public long paymentId(long invoiceId) {
        return em.createQuery("select p.id from Payment p where p.invoice.id = :i", Long.class)
                .setParameter("i", invoiceId).getSingleResult();
    }

    public boolean mailSent(String key) {
        return em.find(com.paylink.mail.entity.SentMail.class, key) != null;
    }

    public long practiceOfInvoice(long invoiceId) {
        return em.find(Invoice.class, invoiceId).practice().id();
    }

    public long demoInvoice(String number) {
        return em.createQuery("select i.id from Invoice i where i.number = :n", Long.class)
                .setParameter("n", number).getSingleResult();
    }

    public void pay(long invoiceId, String amount) {
        em.find(Invoice.class, invoiceId).recordPayment(Money.of(amount, "USD"),
                com.paylink.ledger.entity.PaymentMethod.CASH, Instant.now(), "test");
    }

    /** An invoice of {@code amount} USD issued on {@code issuedOn}, without an appointment. */
    public long invoiceOn(long clientId, String number, LocalDate issuedOn, String amount) {
        Invoice invoice = new Invoice(em.find(Client.class, clientId), null, number, issuedOn, "USD");
        invoice.addLine("Test Service", 1, Money.of(amount, "USD"));
        em.persist(invoice);
        return invoice.id();
    }

    /** A card payment as a link would post it (a gateway reference, a receipt number); returns its id. */
    public long cardPayment(long invoiceId, String amount, Instant at) {
        String reference = "pi_test_" + UUID.randomUUID().toString().replace("-", "");
        com.paylink.ledger.entity.Payment payment = em.find(Invoice.class, invoiceId).recordCardPayment(
                Money.of(amount, "USD"), at, reference, "R-" + reference.substring(8, 18).toUpperCase(), true, null);
        em.flush();
        return payment.id();
    }

    /** A refund of a card payment, left pending, completed or refused by the gateway. */
    public void refund(long invoiceId, long paymentId, String amount, com.paylink.ledger.entity.RefundStatus outcome) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        com.paylink.ledger.entity.Payment payment = em.find(com.paylink.ledger.entity.Payment.class, paymentId);
        com.paylink.ledger.entity.Refund refund = invoice.requestRefund(payment, Money.of(amount, "USD"), "test refund",
                null, Instant.now());
        if (outcome == com.paylink.ledger.entity.RefundStatus.SUCCEEDED) {
            refund.succeeded("re_" + UUID.randomUUID(), Instant.now());
        } else if (outcome == com.paylink.ledger.entity.RefundStatus.FAILED) {
            refund.failed("test", Instant.now());
        }
    }

    public void adjust(long invoiceId, String amount) {
        em.find(Invoice.class, invoiceId).adjust(Money.of(amount, "USD"), "test adjustment", Instant.now());
    }

    public void voidInvoice(long invoiceId) {
        em.find(Invoice.class, invoiceId).voidInvoice("test", Instant.now());
    }

    /** Every row of every table of the schema, as PostgreSQL prints a row: a dump of the data. */
    @SuppressWarnings("unchecked")
    public String everyRowAsText() {
        java.util.List<String> tables = em.createNativeQuery("select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'").getResultList();
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            for (Object row : em.createNativeQuery("select t::text from \"" + table + "\" t").getResultList()) {
                all.append(table).append(": ").append(row).append('\n');
            }
        }
        return all.toString();
    }
}
