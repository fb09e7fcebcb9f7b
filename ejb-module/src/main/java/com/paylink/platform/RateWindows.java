package com.paylink.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Fixed-window counters shared by every server of a cluster (a limit counted per server would let a cluster of N
 * take N times as much). One atomic upsert per hit in PostgreSQL; the bucket is stored as a SHA-256 hash, so no
 * address is kept. Each hit is its own short transaction.
 */
@Stateless
@PermitAll
public class RateWindows {

    private static final String HIT = "insert into rate_window (bucket, window_ends, hits) values (?1, ?2, 1) "
            + "on conflict (bucket) do update set "
            + "hits = case when rate_window.window_ends <= ?3 then 1 else rate_window.hits + 1 end, "
            + "window_ends = case when rate_window.window_ends <= ?3 then ?2 else rate_window.window_ends end "
            + "returning hits";

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    /** Counts one hit on {@code bucket} in its window of {@code length}; returns the hits in that window so far. */
    public int hit(String bucket, Duration length) {
        Instant now = clock.instant();
        Number hits = (Number) em.createNativeQuery(HIT)
                .setParameter(1, hash(bucket)).setParameter(2, now.plus(length)).setParameter(3, now)
                .getSingleResult();
        return hits.intValue();
    }

    /** Deletes ended windows; on every server (a second delete deletes nothing). */
    @Schedule(minute = "*/5", hour = "*", persistent = false, info = "delete ended rate windows")
    void removeEnded() {
        em.createNativeQuery("delete from rate_window where window_ends <= ?1")
                .setParameter(1, clock.instant()).executeUpdate();
    }

    static String hash(String bucket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("paylink-rate:" + bucket).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
