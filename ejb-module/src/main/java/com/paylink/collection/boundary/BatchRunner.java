package com.paylink.collection.boundary;

import com.paylink.collection.control.StatementMaker;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.TextConsent;
import com.paylink.paymentlink.boundary.RecipientOption;
import com.paylink.paymentlink.boundary.Recipients;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.platform.PaymentsConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.texting.control.TextGateway;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * C6, C7 (issue 24): runs a batch in the background, as the staff member who started it, one client per transaction:
 * the client's unpaid invoices are locked in id order (as every link path does), then the client is skipped with its
 * reason (nothing owed any more, a working link already, no address and no texts, no consent, opted out) or sent one
 * link for all of them by email and by text where the client consented; each outcome is recorded once (a row is claimed
 * by a conditional update), so two batches, or a batch started twice, never contact a client twice. A statements batch
 * makes each client's paper statement instead (C5), kept on the client's row for the batch's one PDF. The runner beats
 * on the batch as it goes; a batch left unfinished by a server that stopped is resumed by {@link #resumeStale} (C7).
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE, Permission.SYSTEM_ROLE})
public class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class.getName());
    /** C7: a batch not finished whose runner has not beaten for this long is taken to have stopped, and resumed. */
    public static final Duration STALE = Duration.ofMinutes(2);
    /** C7: how long a statements batch's PDF is offered after the batch finished; then its statements are erased. */
    public static final Duration STATEMENTS_KEPT = Duration.ofHours(24);

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
    StatementMaker statements;

    @Resource
    SessionContext self;

    /** Sends the batch's clients, one transaction each (the batch's rows are committed before it is called). */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void run(long batchId) {
        BatchRunner me = self.getBusinessObject(BatchRunner.class);
        for (Long row : waiting(batchId)) {
            try {
                me.sendOne(batchId, row);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "batch " + batchId + ": client row " + row + " failed", e);
                try {
                    me.record(batchId, row, "FAILED", "error", null);
                } catch (RuntimeException alreadyRecorded) {
                    LOG.log(Level.FINE, "batch " + batchId + ": client row " + row + " was recorded meanwhile", alreadyRecorded);
                }
            }
        }
        me.finish(batchId);
        LOG.info(() -> "batch send " + batchId + " finished");
    }

    @SuppressWarnings("unchecked")
    private List<Long> waiting(long batchId) {
        return ((List<Number>) em.createNativeQuery("select id from batch_send_client where batch_id = ?1 and outcome is null order by id")
                .setParameter(1, batchId).getResultList()).stream().map(Number::longValue).toList();
    }

    /** One client: skipped with its reason, or sent one link (or made a statement); the outcome recorded in the same transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendOne(long batchId, long rowId) {
        Object[] row = (Object[]) em.createNativeQuery("select r.client_id, b.staff_id, b.kind from batch_send_client r "
                        + "join batch_send b on b.id = r.batch_id where r.id = ?1 and r.outcome is null")
                .setParameter(1, rowId).getResultStream().findFirst().orElse(null);
        if (row == null) {
            return; // done by another run
        }
        Client client = em.find(Client.class, ((Number) row[0]).longValue());
        Staff staff = em.find(Staff.class, ((Number) row[1]).longValue());
        if (OpenBalances.Kind.STATEMENTS.name().equals(row[2])) {
            makeStatement(batchId, rowId, client, staff);
            return;
        }
        Practice practice = client.practice();
        Instant now = clock.instant();
        if (!practice.isCardProcessingEnrolled() || !payments.ready()) {
            record(batchId, rowId, "SKIPPED", "not-enrolled", null);
            return;
        }
        List<Invoice> owing = owingOf.lockedOwing(client);
        if (owing.isEmpty()) {
            record(batchId, rowId, "SKIPPED", "nothing-owed", null);
            return;
        }
        if (owing.stream().anyMatch(i -> issuer.activeLink(i).filter(l -> l.isUsableAt(now)).isPresent())) {
            record(batchId, rowId, "SKIPPED", "link-active", null);
            return;
        }
        String currency = owing.stream().min(Invoice.OLDEST_FIRST).orElseThrow().currency();
        List<Invoice> covered = owing.stream().filter(i -> i.currency().equals(currency)).sorted(Invoice.OLDEST_FIRST)
                .limit(BalanceReminders.MAX_INVOICES).sorted(java.util.Comparator.comparing(Invoice::id)).toList();
        LinkIssuer.Recipient email = Recipients.of(client).stream().filter(RecipientOption::valid).findFirst()
                .map(o -> new LinkIssuer.Recipient(o.source(), o.name(), o.email())).orElse(null);
        boolean textable = texting.configured() && practice.hasTextingSender() && client.canBeTexted();
        LinkIssuer.LinkText text = textable
                ? new LinkIssuer.LinkText(client.mobilePhone(), client.preferredLanguage(), client.zone()) : null;
        if (email == null && text == null) {
            String reason = client.mobilePhone() == null ? "no-address"
                    : client.textConsent() == TextConsent.WITHDRAWN ? "opted-out" : "no-consent";
            record(batchId, rowId, "SKIPPED", reason, null);
            return;
        }
        LinkIssuer.Issued issued = issuer.issue(covered, email, text, staff, staff, now, PaymentLinkAction.RESENT_ON_REQUEST);
        record(batchId, rowId, "SENT", null, issued.link().id());
    }

    /** C5 in a batch: the client's statement, kept on the row; a client who holds a working statement's link is skipped. */
    private void makeStatement(long batchId, long rowId, Client client, Staff staff) {
        StatementMaker.Result made = statements.make(client, staff, clock.instant(), true);
        if (!made.made()) {
            String reason = switch (made.refusal()) {
                case "statement-not-enrolled" -> "not-enrolled";
                case "statement-nothing-owed" -> "nothing-owed";
                default -> made.refusal(); // statement-active
            };
            record(batchId, rowId, "SKIPPED", reason, null);
            return;
        }
        em.createNativeQuery("update batch_send_client set statement = ?1 where id = ?2")
                .setParameter(1, made.pdf()).setParameter(2, rowId).executeUpdate();
        record(batchId, rowId, "MADE", null, made.linkId());
    }

    /** Records a row's outcome once (the conditional update is the claim) and counts it on the batch. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(long batchId, long rowId, String outcome, String reason, Long linkId) {
        int claimed = em.createNativeQuery("update batch_send_client set outcome = ?1, reason = ?2, link_id = ?3, done_at = ?4 "
                        + "where id = ?5 and outcome is null")
                .setParameter(1, outcome).setParameter(2, reason).setParameter(3, linkId)
                .setParameter(4, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(5, rowId).executeUpdate();
        if (claimed == 0) {
            throw new IllegalStateException("batch row " + rowId + " was recorded by another run");
        }
        String column = switch (outcome) {
            case "SENT", "MADE" -> "sent";
            case "SKIPPED" -> "skipped";
            default -> "failed";
        };
        em.createNativeQuery("update batch_send set " + column + " = " + column + " + 1, heartbeat_at = ?2 where id = ?1")
                .setParameter(1, batchId).setParameter(2, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long batchId) {
        em.createNativeQuery("update batch_send set finished_at = ?1 where id = ?2 and finished_at is null")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(2, batchId).executeUpdate();
    }

    /**
     * C7: every batch not finished whose runner has not beaten for {@link #STALE} (its server stopped) is claimed (one
     * server wins each, by a conditional update) and run on from the clients it had not reached; returns how many.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int resumeStale() {
        BatchRunner me = self.getBusinessObject(BatchRunner.class);
        int resumed = 0;
        for (Long batch : me.stale()) {
            if (me.claim(batch)) {
                LOG.warning(() -> "batch " + batch + " had stopped (its server stopped?): resumed");
                me.run(batch);
                resumed++;
            }
        }
        return resumed;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    @SuppressWarnings("unchecked")
    public List<Long> stale() {
        return ((List<Number>) em.createNativeQuery("select id from batch_send where finished_at is null "
                        + "and coalesce(heartbeat_at, created_at) < ?1 order by id")
                .setParameter(1, clock.instant().minus(STALE).atOffset(ZoneOffset.UTC)).getResultList())
                .stream().map(Number::longValue).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(long batchId) {
        Instant now = clock.instant();
        return em.createNativeQuery("update batch_send set heartbeat_at = ?1 where id = ?2 and finished_at is null "
                        + "and coalesce(heartbeat_at, created_at) < ?3")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, batchId)
                .setParameter(3, now.minus(STALE).atOffset(ZoneOffset.UTC)).executeUpdate() == 1;
    }

    /**
     * C5, C7: the statements of batches finished more than {@link #STATEMENTS_KEPT} ago are erased (each carries a
     * working link's address, which is kept nowhere else); returns how many batches.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int eraseOldStatements() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> batches = em.createNativeQuery("update batch_send set statements_erased_at = ?1 where kind = 'STATEMENTS' "
                        + "and finished_at < ?2 and statements_erased_at is null returning id")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, now.minus(STATEMENTS_KEPT).atOffset(ZoneOffset.UTC))
                .getResultList();
        if (!batches.isEmpty()) {
            em.createNativeQuery("update batch_send_client set statement = null where batch_id in (?1) and statement is not null")
                    .setParameter(1, batches.stream().map(Number::longValue).toList()).executeUpdate();
        }
        return batches.size();
    }
}
