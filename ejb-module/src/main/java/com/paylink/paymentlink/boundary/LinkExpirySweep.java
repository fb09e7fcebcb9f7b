package com.paylink.paymentlink.boundary;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Marks links past their expiry as EXPIRED: one persistent schedule (every minute), not a timer per
 * link. Each batch is one set-based UPDATE in the database (the rows to mark are chosen by a sub-select
 * inside the same statement, so no ids travel to the server and back) in its own short transaction, so
 * a backlog never makes one long one: 1,000,000 overdue links clear in one run (bench/run.sh measures it).
 * Each batch only touches ACTIVE links past their time and re-checks that on every row it writes, so two
 * sweeps at once, or on two servers, never mark a row twice; a scheduled run
 * that finds the previous one still going on this server returns at once. Payment checks expiry
 * itself, so a late or missed sweep never lets an expired link pay (PL3). The operator switch
 * {@value #SCHEDULE_ENABLED} turns the schedule off without a redeploy (test servers do, so only the
 * tests' own calls sweep).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class LinkExpirySweep {

    /** {@code false} makes the scheduled run do nothing; read at every run, so it can change at runtime. */
    public static final String SCHEDULE_ENABLED = "paylink.link.sweep.enabled";
    public static final int BATCH_SIZE = 100_000;
    /** One run stops after this many batches (20,000,000 links at the default size); the next minute continues. */
    static final int MAX_BATCHES_PER_RUN = 200;
    /**
     * The rows of one batch: due and still active. The outer condition is checked again on each row when it is
     * written, so a row a concurrent sweep (or a payment) changed meanwhile is waited for and then skipped, never
     * marked twice. Large batches matter: each batch's sub-select steps over the index entries the previous batches
     * left behind until vacuum, so 100,000 at a time clears a backlog about twice as fast as 20,000 (bench/run.sh).
     * The due rows are joined by primary key, not matched with {@code id in (...)}: right after a bulk of links
     * falls due the table's statistics are stale, and the planner then turned the {@code in} into a per-row scan
     * of the sub-select (one batch ran for minutes in the benchmark). Each batch starts after the last id the
     * previous one marked, so no batch reads again what an earlier one already went through. The marked links'
     * invoices leave their "active" slots ({@code payment_link_invoice}, PL5) in the same statement.
     */
    private static final String EXPIRE_BATCH = "with due as (select id from payment_link "
            + "where id > ?3 and status = 'ACTIVE' and expires_at <= ?1 order by id limit ?2), "
            + "marked as (update payment_link l set status = 'EXPIRED', closed_at = l.expires_at, "
            + "version = l.version + 1 from due where l.id = due.id and l.status = 'ACTIVE' and l.expires_at <= ?1 "
            + "returning l.id), "
            + "freed as (update payment_link_invoice li set active_invoice_id = null from marked "
            + "where li.payment_link_id = marked.id and li.active_invoice_id is not null returning li.id) "
            + "select count(*), coalesce(max(id), 0) from marked";
    private static final Logger LOG = Logger.getLogger(LinkExpirySweep.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    @Resource
    SessionContext self;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "0", minute = "*", hour = "*", persistent = true, info = "payment link expiry sweep")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady() || !config.get(SCHEDULE_ENABLED).map(Boolean::parseBoolean).orElse(true)) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            LOG.info("payment link expiry sweep: the previous run is still going; this one is skipped");
            return;
        }
        try {
            long started = System.nanoTime();
            int expired = sweep(BATCH_SIZE);
            if (expired > 0) {
                LOG.info(() -> expired + " payment links expired in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        } finally {
            running.set(false);
        }
    }

    /** Sweeps everything due now, batch by batch; returns how many links this call marked. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sweep(int batchSize) {
        LinkExpirySweep me = self.getBusinessObject(LinkExpirySweep.class);
        Instant now = clock.instant();
        int total = 0;
        long after = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            long[] marked = me.expireBatch(now, batchSize, after);
            total += (int) marked[0];
            if (marked[0] == 0) {
                break;
            }
            after = marked[1];
        }
        return total;
    }

    /**
     * One batch in its own transaction: a single statement marking at most {@code batchSize} due links with ids
     * above {@code after}; returns how many it marked and the highest id among them. 0 when nothing is due there,
     * or a concurrent sweep took those rows: this run stops, the next one goes on.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long[] expireBatch(Instant now, int batchSize, long after) {
        Object[] row = (Object[]) em.createNativeQuery(EXPIRE_BATCH)
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, batchSize)
                .setParameter(3, after)
                .getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }
}
