package com.paylink.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window counters in this server's memory (issue 22, ADR 0012): a hit writes nothing to the database, so a
 * payer's page view costs reads only. Each server of a cluster counts its own requests: behind a balancer that
 * spreads one address over N servers, that address gets up to N times the limit in a window (2 × on the two-node
 * cluster), never unlimited. For limits that must be exact across servers, see {@link RateWindows}.
 * <p>At most {@value #MAX_BUCKETS} buckets are kept (Caffeine evicts the least used beyond that, and every bucket
 * an hour after its last hit), so a flood of addresses cannot fill the heap; a bucket evicted early starts again
 * from zero, which only an attacker with that many addresses (IPv6 counts per /64) can cause.
 */
@ApplicationScoped
public class LocalRateWindows {

    static final int MAX_BUCKETS = 100_000;

    private record Window(Instant ends, int hits) {
    }

    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    @Inject
    Clock clock = Clock.systemUTC();

    /** Counts one hit on {@code bucket} in its window of {@code length}; returns the hits in that window so far. */
    public int hit(String bucket, Duration length) {
        Instant now = clock.instant();
        return windows.asMap().compute(bucket, (key, window) -> window == null || !window.ends().isAfter(now)
                ? new Window(now.plus(length), 1)
                : new Window(window.ends(), window.hits() + 1)).hits();
    }

    /** Forgets every count (the demo's reset on request, between test classes). */
    public void forgetEverything() {
        windows.invalidateAll();
    }
}
