package com.paylink.web.payer;

import com.paylink.paymentlink.boundary.PayerSessionStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a payer's short session holds (PayerSessions): the link the token was exchanged for, a form secret, the
 * Stripe PaymentIntent it started, and what the next page should say (after a redirect); the client's chosen
 * language is read once per request (L11). Nothing of a staff
 * member's session, and nothing of it in theirs. Read from the database once per request; every change is
 * written through at once, so the next request finds it on whichever server of a cluster it reaches.
 */
public final class PayerSession {

    /** What a next page keeps: strings, flags, arrays of them and page messages; nothing else is read back. */
    private static final ObjectInputFilter ONLY_PAGE_VALUES = ObjectInputFilter.Config.createFilter(
            "maxdepth=5;maxrefs=1000;maxbytes=65536;java.lang.*;java.util.HashMap;java.util.Map$Entry;"
                    + "jakarta.faces.application.*;!*");

    private final PayerSessionStore store;
    private final String id;
    private final Long linkId;
    private final String csrf;
    private final Map<String, Serializable> next;
    private String stripeIntent;
    private String clientLanguage;
    private boolean clientLanguageRead;

    PayerSession(PayerSessionStore store, String id, Long linkId, String csrf, String stripeIntent, byte[] next) {
        this.store = store;
        this.id = id;
        this.linkId = linkId;
        this.csrf = csrf;
        this.stripeIntent = stripeIntent;
        this.next = next == null ? new HashMap<>() : read(next);
    }

    String id() {
        return id;
    }

    /** The link the payer opened; null for an unknown or malformed token (shown like an expired one). */
    public Long linkId() {
        return linkId;
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
        store.stripeIntent(id, intentId);
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
        next.put(key, value);
        store.nextPage(id, write(next));
    }

    /** What the previous request kept for this page, once. */
    public Object fromPreviousPage(String key) {
        Object value = next.remove(key);
        if (value != null) {
            store.nextPage(id, next.isEmpty() ? null : write(next));
        }
        return value;
    }

    static byte[] write(Map<String, Serializable> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // only what write() wrote (this module's own bytes from its own table, never anything a browser sent)
    @SuppressWarnings("unchecked")
    static Map<String, Serializable> read(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            in.setObjectInputFilter(ONLY_PAGE_VALUES);
            return (Map<String, Serializable>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            return new HashMap<>(); // written by an older release: the next page simply shows nothing extra
        }
    }
}
