package com.paylink.web.security;

import com.paylink.platform.PaylinkConfig;
import com.paylink.web.common.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * S1: a signed-in staff member who does nothing for the idle timeout (default 15 minutes) is signed out.
 * Idleness is the application's own record of the last request the person made, not the container's
 * session timer, so what the page does by itself (the push channel, the status check behind the warning,
 * scripts and styles) never keeps a session alive.
 */
@ApplicationScoped
@Named("staffSession")
public class IdleSignOut {

    static final String LAST_ACTIVITY = IdleSignOut.class.getName() + ".lastActivity";
    /** The page's own question "how long have I got?": answered without counting as activity. */
    public static final String STATUS_PATH = "/staff/session";
    /** A request parameter the page adds to requests it makes by itself; they never count as activity. */
    public static final String PASSIVE = "paylink.passive";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration DEFAULT_WARNING = Duration.ofMinutes(1);
    /** The container's own timer only cleans up after the application's has ended the session. */
    private static final int CONTAINER_GRACE_SECONDS = 120;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    public Duration timeout() {
        Duration timeout = config.duration(PaylinkConfig.STAFF_IDLE_TIMEOUT, DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException(PaylinkConfig.STAFF_IDLE_TIMEOUT + " must be positive, was " + timeout);
        }
        return timeout;
    }

    /** How long before the sign-out the page warns: the configured lead, at most half the timeout. */
    public Duration warning() {
        Duration warning = config.duration(PaylinkConfig.STAFF_IDLE_WARNING, DEFAULT_WARNING);
        Duration half = timeout().dividedBy(2);
        return warning.compareTo(half) > 0 ? half : warning;
    }

    /** For the page's timer. */
    public long getIdleSeconds() {
        return timeout().toSeconds();
    }

    public long getWarningSeconds() {
        return warning().toSeconds();
    }

    /** At sign-in: the session starts active. */
    void signedIn(HttpSession session) {
        session.setMaxInactiveInterval((int) timeout().toSeconds() + CONTAINER_GRACE_SECONDS);
        session.setAttribute(LAST_ACTIVITY, clock.instant());
    }

    /** Whether the session has been idle for the timeout or longer. */
    boolean expired(HttpSession session) {
        return remaining(session).isZero();
    }

    /** Time left before the idle sign-out; zero once it is due. */
    public Duration remaining(HttpSession session) {
        Instant last = session.getAttribute(LAST_ACTIVITY) instanceof Instant at ? at : Instant.EPOCH;
        Duration left = Duration.between(clock.instant(), last.plus(timeout()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records the request as the person's activity, unless the page made it by itself. */
    void observe(HttpServletRequest request, HttpSession session) {
        if (countsAsActivity(request)) {
            session.setAttribute(LAST_ACTIVITY, clock.instant());
        }
    }

    static boolean countsAsActivity(HttpServletRequest request) {
        String path = Pages.path(request);
        if ("true".equals(request.getParameter(PASSIVE))) {
            return false; // the page refreshing itself after a push (the inbox list), not the person
        }
        if (path.equals(STATUS_PATH)) {
            return !"GET".equals(request.getMethod()); // POST is "Stay signed in"
        }
        return !path.equals("/staff/push") && !path.startsWith("/jakarta.faces.resource/");
    }
}
