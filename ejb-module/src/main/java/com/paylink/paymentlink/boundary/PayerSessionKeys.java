package com.paylink.paymentlink.boundary;

import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * PL13, issue 22 (ADR 0012): the keys a payer's session cookie is sealed with (AES-256-GCM, in the web module).
 * Configured as {@value #KEYS}: base64 keys of 32 bytes, separated by commas; the first seals, every one opens, so a
 * rotation lists the new key first and the old one after it until the old cookies have gone idle (20 minutes).
 * Without that setting, one key is made by whichever server needs it first and kept in the database, so every server
 * of a cluster opens every other's cookies with nothing to configure.
 */
@Stateless
@PermitAll
public class PayerSessionKeys {

    public static final String KEYS = "paylink.payer.session.keys";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    /** The keys, the sealing one first; refused (at first use) when a configured key is not 32 bytes of base64. */
    public List<byte[]> keys() {
        Optional<String> configured = config.get(KEYS).filter(value -> !value.isBlank());
        return configured.isPresent() ? parse(configured.get()) : List.of(databaseKey());
    }

    static List<byte[]> parse(String configured) {
        List<byte[]> keys = new ArrayList<>();
        for (String part : configured.split(",")) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(part.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(KEYS + ": a key is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(KEYS + ": each key must be 32 bytes (openssl rand -base64 32)");
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    private byte[] databaseKey() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("insert into payer_session_key (id, secret, created_at) values (1, ?1, ?2) on conflict (id) do nothing")
                .setParameter(1, fresh).setParameter(2, clock.instant()).executeUpdate();
        return (byte[]) em.createNativeQuery("select secret from payer_session_key where id = 1").getSingleResult();
    }
}
