package com.paylink.identity.boundary;

import com.paylink.identity.control.ApiKeyTokens;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.ApiKey;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * S3: each staff member's own API keys: create (the key is shown once), list, revoke; and the API's lookup of
 * a presented key, which costs one indexed hash lookup (no password hashing) and grants the owner's
 * permissions as they are at that request.
 */
@Stateless
public class ApiKeyService {

    /** Active keys one staff member may hold at once. */
    public static final int MAX_ACTIVE = 10;
    private static final Logger LOG = Logger.getLogger(ApiKeyService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    Clock clock;

    /** Creates a key named {@code name} for the caller; the answer holds the key, which is never shown again. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public NewApiKey create(String name) {
        Staff me = caller.current();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new ApiKeyRefused("api-key-name-required");
        }
        if (trimmed.length() > ApiKey.MAX_NAME) {
            throw new ApiKeyRefused("api-key-name-too-long", ApiKey.MAX_NAME);
        }
        List<ApiKey> active = em.createQuery("select k from ApiKey k where k.staff = :me and k.revokedAt is null", ApiKey.class)
                .setParameter("me", me).getResultList();
        if (active.stream().anyMatch(k -> k.name().equalsIgnoreCase(trimmed))) {
            throw new ApiKeyRefused("api-key-name-taken", trimmed);
        }
        if (active.size() >= MAX_ACTIVE) {
            throw new ApiKeyRefused("api-key-limit", MAX_ACTIVE);
        }
        String key = ApiKeyTokens.generate();
        ApiKey stored = new ApiKey(me, trimmed, ApiKeyTokens.hash(key), ApiKeyTokens.hint(key), clock.instant());
        em.persist(stored);
        em.flush();
        LOG.info(() -> "API key " + stored.id() + " (" + stored.keyHint() + "…) created by " + me.username());
        return new NewApiKey(stored.id(), trimmed, key);
    }

    /** The caller's keys, newest first, revoked ones included (greyed out on the page). */
    @RolesAllowed(Permission.STAFF_ROLE)
    public List<ApiKeyRow> mine() {
        return em.createQuery("select k from ApiKey k where k.staff = :me order by k.createdAt desc, k.id desc", ApiKey.class)
                .setParameter("me", caller.current())
                .getResultStream()
                .map(k -> new ApiKeyRow(k.id(), k.name(), k.keyHint(), k.createdAt(), k.lastUsedAt(), k.revokedAt()))
                .toList();
    }

    /** Revokes one of the caller's own keys at once; someone else's key is "not found". */
    @RolesAllowed(Permission.STAFF_ROLE)
    public void revoke(long keyId) {
        Staff me = caller.current();
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || !key.staff().id().equals(me.id())) {
            throw new NotFoundException("api key", keyId);
        }
        key.revoke(clock.instant());
        LOG.info(() -> "API key " + keyId + " revoked by " + me.username());
    }

    /** The owner of a presented key, with their current roles; empty for an unknown, revoked or orphaned key. */
    @PermitAll
    public Optional<SignedInStaff> authenticate(String presented) {
        if (!ApiKeyTokens.looksLikeKey(presented)) {
            return Optional.empty();
        }
        Optional<ApiKey> found = em.createQuery("select k from ApiKey k join fetch k.staff where k.keyHash = :h", ApiKey.class)
                .setParameter("h", ApiKeyTokens.hash(presented))
                .getResultStream().findFirst();
        if (found.isEmpty() || !found.get().usable()) {
            return Optional.empty();
        }
        ApiKey key = found.get();
        key.usedAt(clock.instant());
        Staff owner = key.staff();
        return Optional.of(new SignedInStaff(owner.username(), owner.fullName(), owner.roles()));
    }
}
