package com.paylink.web.payer;

import com.paylink.paymentlink.boundary.PayerSessionStore;
import com.paylink.platform.PaylinkConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Issue 10 item 9: payers and staff never share a session. The payment paths keep the payer's state under
 * their own cookie ({@value #COOKIE}), never in the container's HttpSession, so opening a link in a browser
 * where a staff member is signed in leaves the staff session untouched (and signing out does not end the
 * payment). A new session for every opened link (no fixation); 20 minutes without activity ends it.
 * Kept in the database (PayerSessionStore, PL13), so every server of a cluster sees the same sessions (issue 13);
 * read once per request.
 */
@ApplicationScoped
public class PayerSessions {

    public static final String COOKIE = "PAYLINK_PAYER";
    private static final String THIS_REQUEST = PayerSessions.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    PayerSessionStore store;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    /** A fresh payer session for {@code linkId} (-1 for an unknown token), replacing this browser's previous one. */
    public PayerSession start(HttpServletRequest request, HttpServletResponse response, long linkId) {
        find(request).ifPresent(previous -> store.remove(previous.id()));
        String id = random(32);
        String csrf = random(24);
        Long link = linkId < 0 ? null : linkId;
        store.create(id, link, csrf, clock.instant());
        PayerSession session = new PayerSession(store, id, link, csrf, null, null);
        request.setAttribute(THIS_REQUEST, Optional.of(session));
        Cookie cookie = new Cookie(COOKIE, id);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || config.publicUrlIsHttps());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return session;
    }

    /** This browser's payer session, if it has a live one. */
    @SuppressWarnings("unchecked")
    public Optional<PayerSession> find(HttpServletRequest request) {
        Object known = request.getAttribute(THIS_REQUEST);
        if (known instanceof Optional<?> session) {
            return (Optional<PayerSession>) session;
        }
        Optional<PayerSession> found = Optional.empty();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && found.isEmpty() && cookie.getValue().length() <= 64) {
                    found = store.touch(cookie.getValue(), clock.instant())
                            .map(s -> new PayerSession(store, s.id(), s.linkId(), s.csrf(), s.stripeIntent(), s.nextPage()));
                }
            }
        }
        request.setAttribute(THIS_REQUEST, found);
        return found;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
