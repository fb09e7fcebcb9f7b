package com.paylink.collection.boundary;

import com.paylink.ledger.boundary.LedgerQueries;

import com.paylink.collection.entity.BalanceReminder;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.boundary.ClientReminderStops;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.RemindersPaused;
import com.paylink.paymentlink.boundary.RecipientOption;
import com.paylink.paymentlink.boundary.Recipients;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaymentsConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.ReminderDays;
import com.paylink.texting.control.TextGateway;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 24: balance reminders (rules C1-C4 in the package). The schedule's runs ({@link #runDue}, one transaction per
 * client), what the ledger shows of a client's reminders ({@link #state}), and the client's own "Stop these reminders"
 * ({@link #stop}, from the reminder's link token, no sign-in).
 */
@Stateless
@PermitAll
public class BalanceReminders {

    /** PL12: a link covers at most this many invoices. */
    static final int MAX_INVOICES = com.paylink.collection.control.StatementMaker.MAX_INVOICES;
    private static final Logger LOG = Logger.getLogger(BalanceReminders.class.getName());
    /** Clients that may be due: in practices with reminders on, not paused or stopped, with an unpaid invoice that had a link. */
    private static final String CANDIDATES = """
            select distinct c.id from client c
              join practice p on p.id = c.practice_id and p.balance_reminders_enabled
              join invoice i on i.client_id = c.id and i.voided_at is null and i.reminders_paused_at is null
              join payment_link_invoice li on li.invoice_id = i.id
             where c.reminders_paused_at is null and c.reminders_stopped_at is null
             order by c.id""";
    private static final String CLAIM = """
            insert into balance_reminder (practice_id, client_id, anchor_link_id, number, of_count, sent_at)
            values (?1, ?2, ?3, ?4, ?5, ?6)
            on conflict on constraint uq_balance_reminder do nothing returning id""";

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LinkIssuer issuer;

    @Inject
    PaymentsConfig payments;

    @Inject
    TextGateway texting;

    @Inject
    com.paylink.collection.control.Owing owingOf;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @EJB
    ClientReminderStops stops;

    @Resource
    SessionContext self;

    /** What the ledger shows of a client's balance reminders. */
    public record State(boolean practiceOn, String days, RemindersPaused clientPaused, String pausedByName,
                        Instant stoppedByClientAt, Integer lastNumber, Integer of, Instant lastSentAt, Instant nextAt,
                        List<UnpaidInvoice> unpaid, Instant now) implements java.io.Serializable {

        public boolean clientIsPaused() {
            return clientPaused != null;
        }

        /** The next reminder's day has come: the schedule's next run sends it. */
        public boolean nextIsDue() {
            return nextAt != null && !nextAt.isAfter(now);
        }
    }

    /** An unpaid invoice of the client and, if staff paused its reminders, why. */
    public record UnpaidInvoice(long id, String number, String pausedReason) implements java.io.Serializable {
    }

    /** The most unpaid invoices (besides the paused ones) the ledger's card lists to pause one of: the oldest. */
    static final int LISTED_UNPAID = 200;

    /**
     * Sends every reminder due now, one client per transaction; a client whose reminder fails is logged and tried
     * again at the next run. Returns how many reminders went.
     */
    @RolesAllowed(Permission.SYSTEM_ROLE)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int runDue(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> clients = em.createNativeQuery(CANDIDATES).getResultList();
        BalanceReminders me = self.getBusinessObject(BalanceReminders.class);
        int sent = 0;
        for (Number clientId : clients) {
            try {
                if (me.remindClient(clientId.longValue(), now)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "balance reminder for client " + clientId + " failed; tried again at the next run", e);
            }
        }
        return sent;
    }

    /** C1-C4 for one client: the reminder due now, if any, claimed and sent in this transaction. */
    @RolesAllowed(Permission.SYSTEM_ROLE)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean remindClient(long clientId, Instant now) {
        Client client = em.find(Client.class, clientId);
        if (client == null) {
            return false;
        }
        Practice practice = client.practice();
        Optional<ReminderDays> schedule = practice.balanceReminders();
        if (schedule.isEmpty() || !practice.isCardProcessingEnrolled() || !payments.ready()) {
            return false;
        }
        // C4: the invoices are locked in id order (as every path that changes their links does); then all is read again
        List<Invoice> owing = new ArrayList<>(owingOf.lockedOwing(client));
        em.refresh(client);
        if (client.remindersPaused().isPresent() || client.remindersStopped().isPresent()) {
            return false;
        }
        owing.removeIf(invoice -> invoice.remindersPaused().isPresent() || !hadLink(invoice));
        if (owing.isEmpty()) {
            return false;
        }
        Invoice oldest = owing.stream().min(Invoice.OLDEST_FIRST).orElseThrow();
        PaymentLink anchor = firstLink(oldest);
        int sentSoFar = sentFor(clientId, anchor.id());
        OptionalInt due = schedule.get().due(anchor.sentAt(), sentSoFar, now);
        if (due.isEmpty()) {
            return false;
        }
        List<Invoice> covered = issuer.reminderSet(owing.stream().filter(i -> i.currency().equals(oldest.currency()))
                .sorted(Invoice.OLDEST_FIRST).limit(MAX_INVOICES).toList(), now);
        if (covered.isEmpty()) {
            return false;
        }
        PaymentLink latest = latestLink(covered);
        LinkIssuer.Recipient email = emailFor(client, latest).orElse(null);
        LinkIssuer.LinkText text = texting.configured() && practice.hasTextingSender() && client.canBeTexted()
                ? new LinkIssuer.LinkText(client.mobilePhone(), client.preferredLanguage(), client.zone()) : null;
        if (email == null && text == null) {
            LOG.info(() -> "balance reminder for client " + clientId + " skipped: no address on file and no texts");
            return false;
        }
        int number = due.getAsInt();
        int of = schedule.get().count();
        @SuppressWarnings("unchecked")
        List<Number> claimed = em.createNativeQuery(CLAIM)
                .setParameter(1, practice.id()).setParameter(2, clientId).setParameter(3, anchor.id())
                .setParameter(4, number).setParameter(5, of).setParameter(6, now.atOffset(ZoneOffset.UTC))
                .getResultList();
        if (claimed.isEmpty()) {
            return false; // another run took this reminder
        }
        LinkIssuer.Issued issued = issuer.issueBalanceReminder(covered, email, text, latest.sentBy(), now, number, of);
        em.find(BalanceReminder.class, claimed.get(0).longValue()).sent(issued.link().id());
        LOG.info(() -> "balance reminder " + number + " of " + of + " for client " + clientId + ": link " + issued.link().id()
                + " for invoices " + issued.link().invoiceIdsInLockOrder());
        return true;
    }

    /**
     * C2: "Stop these reminders" with the token of any link the client received (the reminder's own): recorded once on
     * the client; the answer is the same for every token, known or not.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void stop(String token) {
        if (!LinkTokens.looksLikeToken(token)) {
            return;
        }
        String hash = LinkTokens.hash(token);
        em.createQuery("select l from PaymentLink l where l.tokenHash = :h or l.reminderTokenHash = :h or l.textTokenHash = :h",
                        PaymentLink.class)
                .setParameter("h", hash).getResultStream().findFirst()
                .ifPresent(link -> {
                    long clientId = link.invoice().client().id();
                    if (stops.stop(clientId, clock.instant())) {
                        LOG.info(() -> "client " + clientId + " stopped balance reminders");
                    }
                });
    }

    /** C1-C3 as the ledger shows them, for staff of the client's practice. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public State state(long clientId) {
        Staff staff = caller.current();
        Client client = scope.find(staff, Client.class, clientId);
        Practice practice = client.practice();
        // one query over the ledger's own figures (a client may have thousands of invoices): the unpaid ones, and the
        // oldest that the schedule counts from (not disputed, not paused, had a link)
        List<UnpaidInvoice> unpaid = new ArrayList<>();
        Long oldestId = null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select i.id, i.number, i.reminders_paused_reason, "
                        + "exists (select 1 from dispute d where d.invoice_id = i.id and d.status = 'OPEN'), "
                        + "exists (select 1 from payment_link_invoice li where li.invoice_id = i.id) "
                        + LedgerQueries.FIGURES + "where i.client_id = ?1" + LedgerQueries.UNPAID + " order by i.issued_on, i.id")
                .setParameter(1, clientId).getResultList();
        int listed = 0;
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            // every paused invoice (each shown with its Resume), and the oldest others up to a list a person can read
            if (r[2] != null || listed++ < LISTED_UNPAID) {
                unpaid.add(new UnpaidInvoice(id, (String) r[1], (String) r[2]));
            }
            if (oldestId == null && !Boolean.TRUE.equals(r[3]) && r[2] == null && Boolean.TRUE.equals(r[4])) {
                oldestId = id; // rows come oldest first
            }
        }
        unpaid.sort(java.util.Comparator.comparingLong(UnpaidInvoice::id));
        Invoice oldest = oldestId == null ? null : em.find(Invoice.class, oldestId);
        BalanceReminder last = em.createQuery("select r from BalanceReminder r where r.clientId = :c order by r.sentAt desc, r.id desc",
                        BalanceReminder.class).setParameter("c", clientId).setMaxResults(1).getResultStream().findFirst().orElse(null);
        Instant next = null;
        boolean running = practice.balanceRemindersEnabled() && client.remindersPaused().isEmpty()
                && client.remindersStopped().isEmpty() && oldest != null;
        if (running) {
            PaymentLink anchor = firstLink(oldest);
            next = practice.reminderDays().next(anchor.sentAt(), sentFor(clientId, anchor.id())).orElse(null);
        }
        RemindersPaused paused = client.remindersPaused().orElse(null);
        String pausedBy = paused == null || paused.staffId() == null ? null
                : Optional.ofNullable(em.find(Staff.class, paused.staffId())).map(Staff::fullName).orElse(null);
        return new State(practice.balanceRemindersEnabled(), practice.reminderDays().text(), paused, pausedBy,
                client.remindersStopped().orElse(null), last == null ? null : last.number(), last == null ? null : last.ofCount(),
                last == null ? null : last.sentAt(), next, unpaid, clock.instant());
    }

    private boolean hadLink(Invoice invoice) {
        return !em.createQuery("select li.id from LinkInvoice li where li.invoice = :i", Long.class)
                .setParameter("i", invoice).setMaxResults(1).getResultList().isEmpty();
    }

    /** The schedule's start: the invoice's first link. */
    private PaymentLink firstLink(Invoice invoice) {
        return em.createQuery("select li.link from LinkInvoice li where li.invoice = :i order by li.link.sentAt, li.link.id",
                PaymentLink.class).setParameter("i", invoice).setMaxResults(1).getSingleResult();
    }

    private PaymentLink latestLink(List<Invoice> invoices) {
        return em.createQuery("select li.link from LinkInvoice li where li.invoice in :i order by li.link.sentAt desc, li.link.id desc",
                PaymentLink.class).setParameter("i", invoices).setMaxResults(1).getSingleResult();
    }

    private int sentFor(long clientId, long anchorLinkId) {
        return em.createQuery("select count(r) from BalanceReminder r where r.clientId = :c and r.anchorLinkId = :a", Long.class)
                .setParameter("c", clientId).setParameter("a", anchorLinkId).getSingleResult().intValue();
    }

    /** C1: the address the last link went to while it is on file, else the first on file; none when none is usable. */
    private static Optional<LinkIssuer.Recipient> emailFor(Client client, PaymentLink latest) {
        List<RecipientOption> onFile = Recipients.of(client).stream().filter(RecipientOption::valid).toList();
        Optional<RecipientOption> chosen = onFile.stream()
                .filter(o -> latest.recipientEmail() != null && o.email().equalsIgnoreCase(latest.recipientEmail()))
                .findFirst().or(() -> onFile.stream().findFirst());
        return chosen.map(o -> new LinkIssuer.Recipient(o.source(), o.name(), o.email()));
    }
}
