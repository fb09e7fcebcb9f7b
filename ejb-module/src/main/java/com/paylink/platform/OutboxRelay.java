package com.paylink.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands the outbox's rows to the broker (ADR 0013): woken right after a transaction that added rows commits, and
 * every second anyway (rows another node added, rows a crash left, a batch that failed). One drain at a time per
 * server, in batches of {@value #BATCH} ({@link OutboxBatch}); every node of a cluster runs its own relay and
 * {@code skip locked} keeps them apart. It remembers the waits of the last {@value #WINDOW} messages it relayed
 * (insert to send) for the health page's p50/p99.
 */
@ApplicationScoped
public class OutboxRelay {

    static final int BATCH = 200;
    static final int WINDOW = 4096;
    /** The oldest row waiting longer than this is "behind" on the health page. */
    static final long BEHIND_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    OutboxBatch batch;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final long[] waits = new long[WINDOW];
    private long relayed;
    private volatile boolean stopped;
    private ScheduledFuture<?> poll;

    /** Starts the poll once (each module of the EAR announces its start; the first one starts it). */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        if (poll == null && !stopped) {
            poll = executor.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** A transaction that added rows committed: drain now (or right after the drain under way). */
    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (!draining.get()) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "the relay's wake-up was not taken; the next poll relays", e);
            }
        }
    }

    private void drain() {
        again.set(true);
        while (!stopped && again.get() && draining.compareAndSet(false, true)) {
            try {
                while (!stopped && again.getAndSet(false)) {
                    List<Long> relayedNow;
                    do {
                        relayedNow = batch.relay(BATCH);
                        record(relayedNow);
                    } while (relayedNow.size() == BATCH && !stopped);
                }
            } catch (RuntimeException e) {
                // the broker refused (full, stopping) or the database did not answer: the rows stay, the poll retries
                if (!stopped) {
                    LOG.log(Level.WARNING, "the outbox relay could not hand rows to the broker; it tries again in a second: " + e);
                }
                again.set(false);
            } finally {
                draining.set(false);
            }
        }
    }

    synchronized void record(List<Long> relayedNow) {
        for (long wait : relayedNow) {
            waits[(int) (relayed++ % WINDOW)] = wait;
        }
    }

    /** The waits of the last messages relayed (ms): p50 and p99, or empty when none was relayed yet. */
    public synchronized Optional<long[]> waitPercentiles() {
        int n = (int) Math.min(relayed, WINDOW);
        if (n == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(waits, n);
        Arrays.sort(sorted);
        return Optional.of(new long[]{percentile(sorted, 50), percentile(sorted, 99)});
    }

    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length); // nearest rank
        return sorted[Math.max(0, rank - 1)];
    }

    /** For the health page: empty while the relay keeps up, else what is behind, in words. */
    public Optional<String> behindProblem() {
        long[] backlog = batch.backlog();
        if (backlog[0] > 0 && backlog[1] > BEHIND_MS) {
            return Optional.of(backlog[0] + " messages wait for the broker, the oldest for " + backlog[1] / 1000 + " s");
        }
        return Optional.empty();
    }
}
