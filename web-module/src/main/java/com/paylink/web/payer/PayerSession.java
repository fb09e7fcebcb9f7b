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
    /** Seals a change into the response; null where the session is read only (outside the payer's paths). */
    private final Consumer<PayerSessionSeal.State> save;

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
        save(true);
    }

    /**
     * L11: the language the link's client chose, read through {@code read} once per payer session (issue 22: not a
     * query on every page view) and kept in the cookie; a change staff make meanwhile shows from the next link.
     */
    public Optional<String> clientLanguage(Supplier<Optional<String>> read) {
        if (state.clientLanguage() == null) {
            state = state.withClientLanguage(read.get().orElse("")).withNext(kept);
            save(false); // read only here: the language is read again on the payer's next page, nothing is lost
        }
        return Optional.of(state.clientLanguage()).filter(language -> !language.isEmpty());
    }

    /** Keeps {@code value} for the next page only (this session's own flash). */
    public void forNextPage(String key, Serializable value) {
        kept.put(key, value);
        state = state.withNext(kept);
        save(true);
    }

    private void save(boolean required) {
        if (save != null) {
            save.accept(state);
        } else if (required) {
            throw new IllegalStateException("a payer session changes only on the payer's paths");
        }
    }

    /** What the previous request kept for this page, once. */
    public Object fromPreviousPage(String key) {
        return shown.remove(key);
    }
}
