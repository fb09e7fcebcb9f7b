package com.paylink.web.payer;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a payer's short session holds (PayerSessions): the link the token was exchanged for, a form secret, the
 * Stripe PaymentIntent it started, and what the next page should say (after a redirect); the client's chosen
 * language is read once per request (L11). Nothing of a staff member's session, and nothing of it in theirs.
 * Carried by the payer's own sealed cookie (PayerSessionSeal, ADR 0012): every change is sealed into the response's
 * cookie at once, so the next request finds it on whichever server of a cluster it reaches, and nothing is written to
 * the database.
 */
public final class PayerSession {

    private PayerSessionSeal.State state;
    /** What the previous request kept for this page (taken out of the cookie as this request began). */
    private final Map<String, Serializable> shown;
    /** What this request keeps for the next page. */
    private final Map<String, Serializable> kept;
    private final Consumer<PayerSessionSeal.State> save;
    private String clientLanguage;
    private boolean clientLanguageRead;

    PayerSession(PayerSessionSeal.State state, Map<String, Serializable> shown, Consumer<PayerSessionSeal.State> save) {
        this.state = state;
        this.shown = new HashMap<>(shown);
        this.kept = new HashMap<>(state.next());
        this.save = save;
    }

    /** This session's own random id (the key of its per-session limits), never the cookie's value. */
    String id() {
        return state.id();
    }

    /** The link the payer opened; null for an unknown or malformed token (shown like an expired one). */
    public Long linkId() {
        return state.linkId();
    }

    /** The secret every checkout form echoes (CSRF). */
    public String csrf() {
        return state.csrf();
    }

    public String stripeIntent() {
        return state.stripeIntent();
    }

    public void stripeIntent(String intentId) {
        state = state.withIntent(intentId).withNext(kept);
        save.accept(state);
    }

    /** L11: the language the link's client chose, read once per request through {@code read}. */
    public Optional<String> clientLanguage(Supplier<Optional<String>> read) {
        if (!clientLanguageRead) {
            clientLanguage = read.get().orElse(null);
            clientLanguageRead = true;
        }
        return Optional.ofNullable(clientLanguage);
    }

    /** Keeps {@code value} for the next page only (this session's own flash). */
    public void forNextPage(String key, Serializable value) {
        kept.put(key, value);
        state = state.withNext(kept);
        save.accept(state);
    }

    /** What the previous request kept for this page, once. */
    public Object fromPreviousPage(String key) {
        return shown.remove(key);
    }
}
