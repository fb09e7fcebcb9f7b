package com.paylink.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Operator settings, read through MicroProfile Config (WildFly's SmallRye Config): each key
 * {@code paylink.x.y} comes from the system property of that name, else the environment variable
 * {@code PAYLINK_X_Y}, else a config source an operator adds. Values are read at every use, so a
 * changed system property takes effect without a redeploy. The keys live here so that
 * docs/operations.md can list every one.
 */
@ApplicationScoped
public class PaylinkConfig {

    /** Seeds the demo practices, staff and clients when the database is empty. */
    public static final String DEMO = "paylink.demo";
    /** With {@link #DEMO}: wipes the database at start-up and seeds it again. */
    public static final String DEMO_RESET = "paylink.demo.reset";
    /**
     * With {@link #DEMO_RESET}: {@code POST /demo/reset} from this machine empties the database and seeds the demo
     * again without a redeploy (the test suite deploys each archive once and starts each test class from this).
     */
    public static final String DEMO_RESET_ON_REQUEST = "paylink.demo.reset-on-request";
    /** Starts the embedded mail catcher (SMTP on {@link #DEMO_SMTP_PORT}) and its web mailbox. */
    public static final String DEMO_MAILBOX = "paylink.demo.mailbox";
    public static final String DEMO_SMTP_PORT = "paylink.demo.smtp.port";
    /**
     * Demo only (issue 23): the phone at /demo/phone.xhtml, on the other side of the local Twilio-compatible server (a
     * process of its own) that the demo's {@code paylink.twilio.api.base} points at.
     */
    public static final String DEMO_PHONE = "paylink.demo.phone";
    /**
     * How long an attempt to mail a link may still be sending before another attempt replaces its token
     * (ISO-8601, default PT2M, longer than the SMTP timeouts).
     */
    public static final String LINK_MAIL_LEASE = "paylink.link.mail.lease";
    /**
     * PAY17: how long a refund staff asked for may wait for the gateway's answer before the refund recovery asks
     * the gateway again under the same key (ISO-8601, default PT5M, longer than any gateway call can take).
     */
    public static final String REFUND_RETRY_AFTER = "paylink.refund.retry-after";
    /** The address clients reach Paylink at, used in emailed links (e.g. https://pay.example.com). */
    public static final String PUBLIC_URL = "paylink.public.url";
    /** How long a signed-in staff member may be idle before being signed out, ISO-8601; default PT15M. */
    public static final String STAFF_IDLE_TIMEOUT = "paylink.staff.idle-timeout";
    /** How long before that sign-out the page warns, ISO-8601; default PT1M (at most half the timeout). */
    public static final String STAFF_IDLE_WARNING = "paylink.staff.idle-warning";
    /** S2: failed sign-ins allowed per username and per address before the back-off starts; default 5. */
    public static final String SIGN_IN_FREE_FAILURES = "paylink.signin.free-failures";
    /**
     * Failed sign-ins one address may have in a day before it waits (S2). Higher than a username's: an office behind
     * one address shares it, and a success no longer resets it (only an Admin's clearing does).
     */
    public static final String SIGN_IN_ADDRESS_FREE_FAILURES = "paylink.signin.address.free-failures";
    /** S2: the first back-off after those failures, doubling with each further failure, ISO-8601; default PT1S. */
    public static final String SIGN_IN_BACKOFF = "paylink.signin.backoff";
    /** S2: the longest back-off, ISO-8601; default PT15M. */
    public static final String SIGN_IN_BACKOFF_MAX = "paylink.signin.backoff.max";
    /** The time zone times are shown in, on pages and in emails; default US Eastern. */
    public static final String DISPLAY_ZONE = "paylink.display.zone";
    /**
     * A regular expression over the peer IP of the callers shown the readiness check's details (each dependency and
     * problem in words); everyone else gets UP or DOWN only. Default: this machine (loopback).
     */
    public static final String HEALTH_DETAIL_FROM = "paylink.health.detail-from";
    /** How long a healthy dependency's readiness result is reused (a failing one is checked again after 5 s). */
    public static final String HEALTH_CACHE = "paylink.health.cache";

    @Inject
    Config config;

    /** The value, trimmed; empty when unset or blank (MicroProfile Config treats "" as unset). */
    public Optional<String> get(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    public boolean flag(String key) {
        return config.getOptionalValue(key, Boolean.class).orElse(false);
    }

    /** An ISO-8601 duration (e.g. PT24H); a malformed one fails loudly rather than falling back. */
    public Duration duration(String key, Duration defaultValue) {
        return config.getOptionalValue(key, Duration.class).orElse(defaultValue);
    }

    /** The public base URL without a trailing slash; defaults to the local demo server. */
    public String publicUrl() {
        String url = get(PUBLIC_URL).orElse("http://localhost:" + System.getProperty("jboss.http.port", "8080"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether clients reach Paylink over HTTPS (always so in production, StartupChecks). */
    public boolean publicUrlIsHttps() {
        return publicUrl().startsWith("https://");
    }

    public ZoneId displayZone() {
        return ZoneId.of(get(DISPLAY_ZONE).orElse("America/New_York"));
    }

    public int integer(String key, int defaultValue) {
        return config.getOptionalValue(key, Integer.class).orElse(defaultValue);
    }
}
