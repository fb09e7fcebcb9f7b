package com.paylink.web.pay;

import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits token lookups per client address: {@code paylink.pay.rate.limit} (default 30) in a fixed
 * 10-minute window, so tokens cannot be guessed at speed. In memory, per server.
 */
@ApplicationScoped
public class TokenRateLimiter {

    public static final String LIMIT = "paylink.pay.rate.limit";
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_TRACKED = 100_000;

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private int limit;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    @PostConstruct
    void init() {
        limit = config.integer(LIMIT, 30);
    }

    /** Counts one lookup from {@code address}; false once it has used up its window. */
    public boolean allow(String address) {
        long now = clock.millis();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> w.endsAt <= now);
        }
        Window window = windows.compute(address, (k, w) -> w == null || w.endsAt <= now
                ? new Window(now + WINDOW.toMillis(), 1) : new Window(w.endsAt, w.count + 1));
        return window.count <= limit;
    }

    private record Window(long endsAt, int count) {
    }
}
