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
import java.time.Instant;
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

    @Inject
    com.paylink.platform.PaylinkConfig config;

    /** How long a key works from its creation or its last renewal (default 90 days). */
    public static final String LIFETIME = "paylink.api-key.lifetime";
    private static final java.time.Duration DEFAULT_LIFETIME = java.time.Duration.ofDays(90);
    private static final com.paylink.identity.control.PasswordHasher HASHER = new com.paylink.identity.control.PasswordHasher();

    private java.time.Duration lifetime() {
        return config.duration(LIFETIME, DEFAULT_LIFETIME);
    }

    /**
     * Creates a key named {@code name} for the caller, who confirms it with their password (a session left open on a
     * shared computer cannot mint a key); the answer holds the key, which is never shown again.
     */
    @RolesAllowed(Permission.STAFF_ROLE)
    public NewApiKey create(String name, char[] password) {
        Staff me = caller.current();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new ApiKeyRefused("api-key-name-required");
        }
        if (trimmed.length() > ApiKey.MAX_NAME) {
            throw new ApiKeyRefused("api-key-name-too-long", ApiKey.MAX_NAME);
        }
        if (password == null || password.length == 0 || !HASHER.verify(password, me.passwordHash())) {
            throw new ApiKeyRefused("api-key-password");
        }
        Instant now = clock.instant();
        List<ApiKey> active = em.createQuery("select k from ApiKey k where k.staff = :me and k.revokedAt is null", ApiKey.class)
                .setParameter("me", me).getResultStream().filter(k -> k.expiresAt().isAfter(now)).toList();
        if (active.stream().anyMatch(k -> k.name().equalsIgnoreCase(trimmed))) {
            throw new ApiKeyRefused("api-key-name-taken", trimmed);
        }
        if (active.size() >= MAX_ACTIVE) {
            throw new ApiKeyRefused("api-key-limit", MAX_ACTIVE);
        }
        String key = ApiKeyTokens.generate();
        ApiKey stored = new ApiKey(me, trimmed, ApiKeyTokens.hash(key), ApiKeyTokens.hint(key), clock.instant(), lifetime());
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
                .map(this::row)
                .toList();
    }

    /** S3: every key of the Admin's practice's staff, newest first, with its owner: the Admin may revoke any. */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public List<ApiKeyRow> practiceKeys() {
        Staff admin = caller.requiring(Permission.ADMIN);
        return em.createQuery("select k from ApiKey k where k.staff.practice = :p order by k.createdAt desc, k.id desc",
                        ApiKey.class)
                .setParameter("p", admin.practice())
                .getResultStream().map(this::row).toList();
    }

    /** S3: an Admin revokes a key of their practice's staff; another practice's key is "not found". */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public void revokeForPractice(long keyId) {
        Staff admin = caller.requiring(Permission.ADMIN);
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || !key.staff().practice().id().equals(admin.practice().id())) {
            throw new NotFoundException("api key", keyId);
        }
        key.revoke(clock.instant());
        LOG.info(() -> "API key " + keyId + " of " + key.staff().username() + " revoked by Admin " + admin.username());
    }

    /** S3: the owner renews one of their keys (not revoked): it works for another lifetime from now. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public void renew(long keyId) {
        Staff me = caller.current();
        ApiKey key = em.find(ApiKey.class, keyId);
        if (key == null || !key.staff().id().equals(me.id()) || key.revokedAt() != null) {
            throw new NotFoundException("api key", keyId);
        }
        key.renew(clock.instant(), lifetime());
        LOG.info(() -> "API key " + keyId + " renewed by " + me.username());
    }

    private ApiKeyRow row(ApiKey k) {
        return new ApiKeyRow(k.id(), k.name(), k.keyHint(), k.createdAt(), k.lastUsedAt(), k.revokedAt(), k.expiresAt(),
                !k.expiresAt().isAfter(clock.instant()), k.staff().fullName());
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

    /**
     * The owner of a presented key, with their current roles; empty for an unknown, revoked, expired or orphaned key. A
     * refused key of a known owner is recorded in their practice's Sign-ins (S2, S3), from {@code address}.
     */
    @PermitAll
    public Optional<SignedInStaff> authenticate(String presented, String address) {
        if (!ApiKeyTokens.looksLikeKey(presented)) {
            return Optional.empty();
        }
        Optional<ApiKey> found = em.createQuery("select k from ApiKey k join fetch k.staff where k.keyHash = :h", ApiKey.class)
                .setParameter("h", ApiKeyTokens.hash(presented))
                .getResultStream().findFirst();
        if (found.isPresent() && !found.get().usable(clock.instant())) {
            Staff owner = found.get().staff();
            em.persist(new com.paylink.identity.entity.SignInAttempt(owner.username(), owner,
                    address == null || address.isBlank() ? "unknown" : com.paylink.platform.ClientAddresses.bucket(address),
                    com.paylink.identity.entity.SignInChannel.API_KEY, com.paylink.identity.entity.SignInOutcome.KEY_REFUSED,
                    clock.instant()));
            return Optional.empty();
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiKey key = found.get();
        key.usedAt(clock.instant());
        Staff owner = key.staff();
        return Optional.of(new SignedInStaff(owner.username(), owner.fullName(), owner.roles()));
    }
}
