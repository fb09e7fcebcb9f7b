package com.paylink.web.pay;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a payer's short session holds (PayerSessions): the link the token was exchanged for, a form secret, the
 * Stripe PaymentIntent it started, the client's chosen language, and what the next page should say (after a redirect). Nothing of a staff
 * member's session, and nothing of it in theirs.
 */
public final class PayerSession {

    private final String id;
    private final long linkId;
    private final String csrf;
    private final Map<String, Object> next = new ConcurrentHashMap<>();
    private volatile String stripeIntent;
    private volatile String clientLanguage;
    private volatile boolean clientLanguageRead;
    private volatile Instant lastSeen;

    PayerSession(String id, long linkId, String csrf, Instant now) {
        this.id = id;
        this.linkId = linkId;
        this.csrf = csrf;
        this.lastSeen = now;
    }

    String id() {
        return id;
    }

    /** The link the payer opened; null for an unknown or malformed token (shown like an expired one). */
    public Long linkId() {
        return linkId < 0 ? null : linkId;
    }

    /** The secret every checkout form echoes (CSRF). */
    public String csrf() {
        return csrf;
    }

    public String stripeIntent() {
        return stripeIntent;
    }

    public void stripeIntent(String intentId) {
        this.stripeIntent = intentId;
    }

    /** The link's client's chosen language (L11): read by {@code read} the first time, then kept for the session. */
    public Optional<String> clientLanguage(Supplier<Optional<String>> read) {
        if (!clientLanguageRead) {
            clientLanguage = read.get().orElse(null);
            clientLanguageRead = true;
        }
        return Optional.ofNullable(clientLanguage);
    }

    /** Keeps {@code value} for the next page only (this session's own flash). */
    public void forNextPage(String key, Object value) {
        next.put(key, value);
    }

    /** What the previous request kept for this page, once. */
    public Object fromPreviousPage(String key) {
        return next.remove(key);
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void seen(Instant now) {
        lastSeen = now;
    }
}
