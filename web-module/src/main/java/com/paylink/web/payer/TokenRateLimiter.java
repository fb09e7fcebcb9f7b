package com.paylink.web.payer;

import com.paylink.platform.PaylinkConfig;
import com.paylink.platform.LocalRateWindows;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Limits token lookups per client address: {@code paylink.pay.rate.limit} (default 30) in a fixed
 * 10-minute window, so tokens cannot be guessed at speed. Counted in this server's memory (LocalRateWindows, issue 22):
 * a lookup writes nothing to the database; on a cluster each server counts its own share (ADR 0012).
 */
@ApplicationScoped
public class TokenRateLimiter {

    public static final String LIMIT = "paylink.pay.rate.limit";
    static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    LocalRateWindows windows;

    @Inject
    PaylinkConfig config;

    private int limit;

    @PostConstruct
    void init() {
        limit = config.integer(LIMIT, 30);
    }

    /** Counts one lookup from {@code address}; false once it has used up its window. */
    public boolean allow(String address) {
        return windows.hit("token-lookup:" + com.paylink.platform.ClientAddresses.bucket(address), WINDOW) <= limit;
    }
}
