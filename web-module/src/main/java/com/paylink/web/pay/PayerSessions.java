package com.paylink.web.pay;

import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 10 item 9: payers and staff never share a session. The payment paths keep the payer's state under
 * their own cookie ({@value #COOKIE}), never in the container's HttpSession, so opening a link in a browser
 * where a staff member is signed in leaves the staff session untouched (and signing out does not end the
 * payment). A new session for every opened link (no fixation); 20 minutes without activity ends it.
 * In memory, per server (issue 13 makes it shared across a cluster).
 */
@ApplicationScoped
public class PayerSessions {

    public static final String COOKIE = "PAYLINK_PAYER";
    static final Duration IDLE = Duration.ofMinutes(20);
    private static final int SWEEP_ABOVE = 10_000;
    /** However many sessions there are, the idle ones are swept at most this often (a sweep walks them all). */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentMap<String, PayerSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    /** A fresh payer session for {@code linkId} (-1 for an unknown token), replacing this browser's previous one. */
    public PayerSession start(HttpServletRequest request, HttpServletResponse response, long linkId) {
        Instant now = clock.instant();
        find(request).ifPresent(previous -> sessions.remove(previous.id()));
        long due = nextSweep.get();
        // one request sweeps, at most every SWEEP_EVERY: walking every session on every opening would make each
        // opening slower the more sessions there are (a flood of openings is exactly when there are many)
        if (sessions.size() > SWEEP_ABOVE && now.toEpochMilli() >= due
                && nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY).toEpochMilli())) {
            sessions.values().removeIf(s -> idle(s, now));
        }
        PayerSession session = new PayerSession(random(32), linkId, random(24), now);
        sessions.put(session.id(), session);
        Cookie cookie = new Cookie(COOKIE, session.id());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || config.publicUrlIsHttps());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return session;
    }

    /** This browser's payer session, if it has a live one. */
    public Optional<PayerSession> find(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                PayerSession session = sessions.get(cookie.getValue());
                if (session != null && idle(session, now)) {
                    sessions.remove(session.id());
                    return Optional.empty();
                }
                if (session != null) {
                    session.seen(now);
                    return Optional.of(session);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean idle(PayerSession session, Instant now) {
        return Duration.between(session.lastSeen(), now).compareTo(IDLE) > 0;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
