package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.entity.PaymentLinkStatus;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * Marks links past their expiry as EXPIRED: one persistent schedule (every minute), not a timer per
 * link. Bounded batches, each in its own short transaction, so a backlog never makes one long one.
 * Each batch is a conditional update (only ACTIVE links past their time), so two sweeps at once, or on
 * two servers, do no harm; and payment checks expiry itself, so a late or missed sweep never lets an
 * expired link pay (PL3). The operator switch {@value #SCHEDULE_ENABLED} turns the schedule off without
 * a redeploy (test servers do, so only the tests' own calls sweep).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class LinkExpirySweep {

    /** {@code false} makes the scheduled run do nothing; read at every run, so it can change at runtime. */
    public static final String SCHEDULE_ENABLED = "paylink.link.sweep.enabled";
    public static final int BATCH_SIZE = 500;
    /** One run stops after this many batches; the next minute continues. */
    static final int MAX_BATCHES_PER_RUN = 200;
    private static final Logger LOG = Logger.getLogger(LinkExpirySweep.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    @Resource
    SessionContext self;

    @Schedule(second = "0", minute = "*", hour = "*", persistent = true, info = "payment link expiry sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!config.get(SCHEDULE_ENABLED).map(Boolean::parseBoolean).orElse(true)) {
            return;
        }
        int expired = sweep(BATCH_SIZE);
        if (expired > 0) {
            LOG.info(() -> expired + " payment links expired");
        }
    }

    /** Sweeps everything due now, batch by batch; returns how many links this call marked. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sweep(int batchSize) {
        LinkExpirySweep me = self.getBusinessObject(LinkExpirySweep.class);
        Instant now = clock.instant();
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int marked = me.expireBatch(now, batchSize);
            total += marked;
            if (marked == 0) {
                break;
            }
        }
        return total;
    }

    /** One batch in its own transaction: the ids due, then a conditional update of just those. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expireBatch(Instant now, int batchSize) {
        List<Long> due = em.createQuery("select l.id from PaymentLink l where l.status = :active and l.expiresAt <= :now "
                        + "order by l.expiresAt, l.id", Long.class)
                .setParameter("active", PaymentLinkStatus.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(batchSize)
                .getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        int marked = em.createQuery("update PaymentLink l set l.status = :expired, l.closedAt = l.expiresAt, "
                        + "l.activeInvoiceId = null, l.version = l.version + 1 "
                        + "where l.id in :ids and l.status = :active and l.expiresAt <= :now")
                .setParameter("expired", PaymentLinkStatus.EXPIRED)
                .setParameter("active", PaymentLinkStatus.ACTIVE)
                .setParameter("ids", due)
                .setParameter("now", now)
                .executeUpdate();
        return marked; // 0 when a concurrent sweep took them all: this run stops, the next one goes on
    }
}
