package com.paylink.paymentlink.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * PL13: the payers' short sessions (the web module's PayerSessions), in the database so that every server of a
 * cluster sees the same ones: a payer whose server dies goes on, on another, with the same cookie. Each call is
 * one short transaction of its own; 20 minutes without activity ends a session.
 */
@Stateless
@PermitAll
public class PayerSessionStore {

    public static final Duration IDLE = Duration.ofMinutes(20);

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    /** A payer session as stored: {@code nextPage} is what the web module serialized for the next page, or null. */
    public record Stored(String id, Long linkId, String csrf, String stripeIntent, byte[] nextPage)
            implements Serializable {
    }

    /** {@code linkId} is null for an unknown or malformed token (the page shows it like an expired link). */
    public void create(String id, Long linkId, String csrf, Instant now) {
        // (a null parameter in a native statement has no SQL type: the column is left out instead)
        var insert = em.createNativeQuery("insert into payer_session (id, csrf, last_seen, link_id) values (?1, ?2, ?3, "
                + (linkId == null ? "null)" : "?4)"))
                .setParameter(1, id).setParameter(2, csrf).setParameter(3, now);
        if (linkId != null) {
            insert.setParameter(4, linkId);
        }
        insert.executeUpdate();
    }

    /** The live session with this id, marked seen now; an idle one is deleted and not found. */
    public Optional<Stored> touch(String id, Instant now) {
        int live = em.createNativeQuery("update payer_session set last_seen = ?2 where id = ?1 and last_seen >= ?3")
                .setParameter(1, id).setParameter(2, now).setParameter(3, now.minus(IDLE)).executeUpdate();
        if (live == 0) {
            remove(id);
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select link_id, csrf, stripe_intent, next_page from payer_session where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(r -> new Stored(id, r[0] == null ? null : ((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], (byte[]) r[3]));
    }

    public void remove(String id) {
        em.createNativeQuery("delete from payer_session where id = ?1").setParameter(1, id).executeUpdate();
    }

    /** The PaymentIntent this payer started (null: none). */
    public void stripeIntent(String id, String intentId) {
        set(id, "stripe_intent", intentId);
    }

    /** What the next page should show (null: nothing). */
    public void nextPage(String id, byte[] nextPage) {
        set(id, "next_page", nextPage);
    }

    private void set(String id, String column, Object value) {
        var update = em.createNativeQuery("update payer_session set " + column + " = "
                + (value == null ? "null" : "?2") + " where id = ?1").setParameter(1, id);
        if (value != null) {
            update.setParameter(2, value);
        }
        update.executeUpdate();
    }

    /**
     * Deletes the idle sessions. On every server (not persistent): a delete that another server already did
     * deletes nothing, so running it twice costs nothing.
     */
    @Schedule(minute = "*/5", hour = "*", persistent = false, info = "delete idle payer sessions")
    void removeIdle() {
        em.createNativeQuery("delete from payer_session where last_seen < ?1")
                .setParameter(1, clock.instant().minus(IDLE)).executeUpdate();
    }
}
