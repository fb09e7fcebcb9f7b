package com.paylink.web.payer;

import jakarta.faces.application.FacesMessage;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PL13, issue 22 (ADR 0012): a payer's session as the cookie carries it, sealed with AES-256-GCM (the JDK's own
 * cipher: encrypted, so the browser cannot read the form secret, and authenticated, so it cannot change a byte). The
 * first key seals; every key opens (a rotation). What is sealed is written field by field in this class's own small
 * format, never Java serialization: only strings, flags, lists of them and page messages come back.
 */
final class PayerSessionSeal {

    /** Browsers keep at least 4,096 bytes per cookie, name and attributes included. */
    static final int MAX_VALUE = 3_800;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte FORMAT = 1;
    private static final byte[] CONTEXT = "PAYLINK_PAYER/1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The session: {@code linkId} null for an unknown token; {@code next}: what the next page shows, once;
     * {@code clientLanguage}: the language the link's client reads (L11), "" when none was chosen, null while not read
     * yet (read once per payer session, then carried here).
     */
    record State(String id, Long linkId, String csrf, Instant lastSeen, String stripeIntent,
                 Map<String, Serializable> next, String clientLanguage) {

        State {
            next = next == null ? Map.of() : Map.copyOf(next);
        }

        State(String id, Long linkId, String csrf, Instant lastSeen, String stripeIntent, Map<String, Serializable> next) {
            this(id, linkId, csrf, lastSeen, stripeIntent, next, null);
        }

        State seenAt(Instant now) {
            return new State(id, linkId, csrf, now, stripeIntent, next, clientLanguage);
        }

        State withIntent(String intentId) {
            return new State(id, linkId, csrf, lastSeen, intentId, next, clientLanguage);
        }

        State withNext(Map<String, Serializable> values) {
            return new State(id, linkId, csrf, lastSeen, stripeIntent, values, clientLanguage);
        }

        State withClientLanguage(String language) {
            return new State(id, linkId, csrf, lastSeen, stripeIntent, next, language);
        }
    }

    private final List<SecretKeySpec> keys;

    PayerSessionSeal(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no key");
        }
        this.keys = keys.stream().map(key -> new SecretKeySpec(key, "AES")).toList();
    }

    /** The cookie's value; what the next page shows is left out if it would not fit in a cookie. */
    String seal(State state) {
        String sealed = sealBytes(encode(state));
        if (sealed.length() > MAX_VALUE && !state.next().isEmpty()) {
            return seal(state.withNext(null));
        }
        return sealed;
    }

    /** The session in {@code value}; empty for anything this server's keys did not seal, or seal for another form. */
    Optional<State> open(String value) {
        if (value == null || value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        for (SecretKeySpec key : keys) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
                cipher.updateAAD(CONTEXT);
                return decode(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
            } catch (AEADBadTagException e) {
                // sealed with another key (or changed): try the next
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES/GCM is not available", e);
            }
        }
        return Optional.empty();
    }

    private String sealBytes(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(0), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(plain);
            byte[] value = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, value, 0, IV_BYTES);
            System.arraycopy(sealed, 0, value, IV_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    }

    static byte[] encode(State state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(state.id());
            out.writeLong(state.linkId() == null ? -1 : state.linkId());
            out.writeUTF(state.csrf());
            out.writeLong(state.lastSeen().getEpochSecond());
            out.writeUTF(state.stripeIntent() == null ? "" : state.stripeIntent());
            out.writeShort(state.next().size());
            for (Map.Entry<String, Serializable> entry : state.next().entrySet()) {
                out.writeUTF(entry.getKey());
                writeValue(out, entry.getValue());
            }
            writeNullable(out, state.clientLanguage()); // last: a cookie sealed before it was added reads as "not read"
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Serializable value) throws IOException {
        if (value instanceof String text) {
            out.writeByte('S');
            out.writeUTF(text);
        } else if (value instanceof Boolean flag) {
            out.writeByte('B');
            out.writeBoolean(flag);
        } else if (value instanceof String[] texts) {
            out.writeByte('A');
            out.writeShort(texts.length);
            for (String text : texts) {
                writeNullable(out, text);
            }
        } else if (value instanceof FacesMessage[] messages) {
            out.writeByte('M');
            out.writeShort(messages.length);
            for (FacesMessage message : messages) {
                out.writeByte(message.getSeverity() == null ? 0 : message.getSeverity().getOrdinal());
                writeNullable(out, message.getSummary());
                writeNullable(out, message.getDetail());
            }
        } else {
            throw new IllegalArgumentException("a next page keeps texts, flags and messages, not "
                    + value.getClass().getName());
        }
    }

    static Optional<State> decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readByte() != FORMAT) {
                return Optional.empty(); // an older form: the payer opens the link again
            }
            String id = in.readUTF();
            long link = in.readLong();
            String csrf = in.readUTF();
            Instant lastSeen = Instant.ofEpochSecond(in.readLong());
            String intent = in.readUTF();
            int entries = in.readUnsignedShort();
            Map<String, Serializable> next = new LinkedHashMap<>();
            for (int i = 0; i < entries; i++) {
                String key = in.readUTF();
                next.put(key, readValue(in));
            }
            String language = in.available() > 0 ? readNullable(in) : null;
            return Optional.of(new State(id, link < 0 ? null : link, csrf, lastSeen, intent.isEmpty() ? null : intent, next,
                    language));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Serializable readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        return switch (type) {
            case 'S' -> in.readUTF();
            case 'B' -> in.readBoolean();
            case 'A' -> {
                String[] texts = new String[in.readUnsignedShort()];
                for (int i = 0; i < texts.length; i++) {
                    texts[i] = readNullable(in);
                }
                yield texts;
            }
            case 'M' -> {
                List<FacesMessage> messages = new ArrayList<>();
                int count = in.readUnsignedShort();
                for (int i = 0; i < count; i++) {
                    FacesMessage.Severity severity = (FacesMessage.Severity) FacesMessage.VALUES.get(
                            Math.min(in.readUnsignedByte(), FacesMessage.VALUES.size() - 1));
                    messages.add(new FacesMessage(severity, readNullable(in), readNullable(in)));
                }
                yield messages.toArray(new FacesMessage[0]);
            }
            default -> throw new IOException("unknown value type " + type);
        };
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
