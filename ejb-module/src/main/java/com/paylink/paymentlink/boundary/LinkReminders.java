package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.platform.DatabaseMigrator;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * PL11: queues the expiry reminders that are due. A schedule (every 10 seconds, on each server) claims due
 * links in batches: each batch is one conditional UPDATE that stamps {@code reminder_queued_at} on still-active,
 * unexpired links whose first email went out and whose reminder was never queued, skipping rows another server
 * holds, and queues their mail requests in the same transaction. So a reminder is queued once even with two
 * servers (the database decides, not the timer), and a claimed batch whose queueing fails is claimed again. The
 * mail sender checks again that the link is still usable (never after payment or revoke) and sends once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class LinkReminders {

    /** {@code false} makes the scheduled run do nothing; read at every run. */
    public static final String SCHEDULE_ENABLED = "paylink.link.reminders.enabled";
    static final int BATCH_SIZE = 500;
    private static final String CLAIM_BATCH = "with due as (select id from payment_link "
            + "where remind_at <= ?1 and reminder_queued_at is null and status = 'ACTIVE' and expires_at > ?1 "
            + "and token_hash is not null order by remind_at limit ?2 for update skip locked) "
            + "update payment_link l set reminder_queued_at = ?1 from due where l.id = due.id returning l.id";
    private static final Logger LOG = Logger.getLogger(LinkReminders.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    @Inject
    MailQueue mailQueue;

    @Resource
    SessionContext self;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "payment link expiry reminders")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady() || !config.get(SCHEDULE_ENABLED).map(Boolean::parseBoolean).orElse(true) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            int queued = remindDue();
            if (queued > 0) {
                LOG.info(() -> queued + " payment link reminders queued");
            }
        } finally {
            running.set(false);
        }
    }

    /** Queues every reminder due now, batch by batch; returns how many this call queued. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int remindDue() {
        LinkReminders me = self.getBusinessObject(LinkReminders.class);
        Instant now = clock.instant();
        int total = 0;
        int claimed;
        do {
            claimed = me.queueBatch(now);
            total += claimed;
        } while (claimed == BATCH_SIZE);
        return total;
    }

    /** One batch in its own transaction: the claim and the mail requests commit together or not at all. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int queueBatch(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(CLAIM_BATCH)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, BATCH_SIZE)
                .getResultList();
        for (Number id : ids) {
            mailQueue.enqueue(LinkIssuer.REMINDER_KIND, Map.of(LinkIssuer.MAIL_LINK_ID, String.valueOf(id.longValue())));
        }
        return ids.size();
    }
}
