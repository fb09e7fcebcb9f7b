package com.paylink.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Map;

/**
 * The transactional outbox (issue 22 item 3, ADR 0013): a message for the broker is a row written in the caller's
 * transaction, so it exists exactly when the change that caused it commits, and the commit is PostgreSQL's alone (no
 * two-phase commit with the broker per link or payment). {@link OutboxRelay} hands the rows to the broker after the
 * commit; consumers stay idempotent, since a row can reach the broker twice after a crash.
 */
@Dependent
public class Outbox {

    /** The queues the outbox feeds (their JNDI names are {@code java:/jms/queue/<name>}). */
    public enum Destination {
        OUTBOUND_MAIL("OutboundMail"), PAYMENT_COMPLETED("PaymentCompleted");

        final String queue;

        Destination(String queue) {
            this.queue = queue;
        }

        /** Every queue the relay takes rows for (a row for another is left, and reported as waiting). */
        static final java.util.List<String> QUEUES = java.util.Arrays.stream(values()).map(d -> d.queue).toList();

        static Destination of(String queue) {
            for (Destination d : values()) {
                if (d.queue.equals(queue)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("no outbox destination " + queue);
        }
    }

    private static final Object WAKE_REGISTERED = new Object();
    /**
     * Found once: {@code Json.createObjectBuilder()} looks the provider up through the service loader on every call,
     * which under jboss-modules scans the deployment's resources (a fifth of issuance's CPU in bench/run.sh's profile).
     */
    static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transaction;

    @Inject
    OutboxRelay relay;

    /**
     * Adds a message for {@code to}, in the caller's transaction (required). Property values are strings or
     * integers ({@link Long} / {@link Integer}), as the consumers read them.
     */
    public void add(Destination to, String body, Map<String, ?> properties) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        properties.forEach((name, value) -> {
            if (value instanceof Long || value instanceof Integer) {
                json.add(name, ((Number) value).longValue());
            } else {
                json.add(name, String.valueOf(value));
            }
        });
        em.createNativeQuery("insert into outbox (destination, body, properties) values (?1, ?2, ?3)")
                // touches only the outbox: Hibernate need not flush the caller's pending changes first (it would
                // for a native statement it knows nothing of); they are flushed at the commit as before
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("outbox")
                .setParameter(1, to.queue)
                .setParameter(2, body)
                .setParameter(3, json.build().toString())
                .executeUpdate();
        // the relay polls anyway; a wake-up after the commit only spares the message the wait
        if (transaction.getResource(WAKE_REGISTERED) == null) {
            transaction.putResource(WAKE_REGISTERED, Boolean.TRUE);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
    }
}
