package com.paylink.web.payer;

import com.paylink.paymentlink.boundary.PayerSessionKeys;
import com.paylink.platform.PaylinkConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 10 item 9: payers and staff never share a session. The payment paths keep the payer's state under
 * their own cookie ({@value #COOKIE}), never in the container's HttpSession, so opening a link in a browser
 * where a staff member is signed in leaves the staff session untouched (and signing out does not end the
 * payment). A new session for every opened link (no fixation); 20 minutes without activity ends it (PL13).
 * <p>Issue 22 (ADR 0012): the cookie is the session, sealed (PayerSessionSeal) under keys every server of a cluster
 * shares (PayerSessionKeys), so a page view writes nothing to the database and a payer whose server dies goes on, on
 * another, with the same cookie. The link's rows stay the only authority on what may be paid: a revoked or paid link
 * is seen as such on the next request, whatever the cookie says. The cookie is sealed again when it changes, and when
 * its last use is more than a minute old (the idle time is kept to the minute).
 */
@ApplicationScoped
public class PayerSessions {

    public static final String COOKIE = "PAYLINK_PAYER";
    public static final Duration IDLE = Duration.ofMinutes(20);
    static final Duration SEEN_RESOLUTION = Duration.ofMinutes(1);
    private static final String THIS_REQUEST = PayerSessions.class.getName();
    private static final String RESPONSE = PayerSessions.class.getName() + ".response";
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    PayerSessionKeys keys;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    private volatile PayerSessionSeal seal;

    /** A fresh payer session for {@code linkId} (-1 for an unknown token), replacing this browser's previous one. */
    public PayerSession start(HttpServletRequest request, HttpServletResponse response, long linkId) {
        PayerSessionSeal.State state = new PayerSessionSeal.State(random(16), linkId < 0 ? null : linkId, random(24),
                clock.instant(), null, null);
        write(request, response, state);
        PayerSession session = new PayerSession(state, Map.of(), changed -> write(request, response, changed));
        request.setAttribute(THIS_REQUEST, Optional.of(session));
        return session;
    }

    /**
     * As a request on the payer's paths begins (PayerSessionFilter): reads the cookie once, and seals it again right
     * away (before anything of the response is written) if a page takes what the previous request kept for it, or if
     * its last use is more than a minute old.
     */
    void begin(HttpServletRequest request, HttpServletResponse response, boolean page) {
        request.setAttribute(RESPONSE, response);
        Instant now = clock.instant();
        Optional<PayerSession> session = read(request, now).map(state -> {
            Map<String, Serializable> shown = page ? state.next() : Map.of();
            PayerSessionSeal.State left = page ? state.withNext(null) : state;
            if (!shown.isEmpty() || left.lastSeen().isBefore(now.minus(SEEN_RESOLUTION))) {
                left = left.seenAt(now);
                write(request, response, left);
            }
            return new PayerSession(left, shown, changed -> write(request, response, changed));
        });
        request.setAttribute(THIS_REQUEST, session);
    }

    /** This browser's payer session, if it has a live one. */
    @SuppressWarnings("unchecked")
    public Optional<PayerSession> find(HttpServletRequest request) {
        Object known = request.getAttribute(THIS_REQUEST);
        if (known instanceof Optional<?> session) {
            return (Optional<PayerSession>) session;
        }
        // outside the payer's paths (no PayerSessionFilter): read only
        Optional<PayerSession> found = read(request, clock.instant()).map(state -> new PayerSession(state, state.next(), null));
        request.setAttribute(THIS_REQUEST, found);
        return found;
    }

    private Optional<PayerSessionSeal.State> read(HttpServletRequest request, Instant now) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Optional<PayerSessionSeal.State> state = seal().open(cookie.getValue())
                            .filter(s -> s.lastSeen().plus(IDLE).isAfter(now));
                    if (state.isPresent()) {
                        return state;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, PayerSessionSeal.State state) {
        Cookie cookie = new Cookie(COOKIE, seal().seal(state));
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || config.publicUrlIsHttps());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private PayerSessionSeal seal() {
        PayerSessionSeal current = seal;
        if (current == null) {
            current = new PayerSessionSeal(keys.keys()); // the keys are read once per server (a rotation restarts it)
            seal = current;
        }
        return current;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
