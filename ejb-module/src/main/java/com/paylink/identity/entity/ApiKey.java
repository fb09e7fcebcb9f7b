package com.paylink.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * S3: a staff member's key for the API. Only the key's SHA-256 is stored, with a short hint (its first
 * characters) so the owner can tell keys apart; the key itself exists only in the owner's hands.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    public static final int MAX_NAME = 60;
    /** Last-used times are written at most this often per key, so a busy integration does not write per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "staff_id", nullable = false)
    private Staff staff;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "key_hash", nullable = false, length = 64, unique = true)
    private String keyHash;

    @Column(name = "key_hint", nullable = false, length = 12)
    private String keyHint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** S3: the key works until then; its owner can renew it. */
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected ApiKey() {
        // for JPA
    }

    public ApiKey(Staff staff, String name, String keyHash, String keyHint, Instant createdAt, Duration lifetime) {
        this.expiresAt = createdAt.plus(lifetime);
        this.staff = Objects.requireNonNull(staff, "staff");
        this.name = Objects.requireNonNull(name, "name");
        this.keyHash = Objects.requireNonNull(keyHash, "keyHash");
        this.keyHint = Objects.requireNonNull(keyHint, "keyHint");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the key may be used now: not revoked, not expired, and its owner still active. */
    public boolean usable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && staff.isActive();
    }

    /** S3: the owner renews a key that is not revoked: it works for another {@code lifetime} from now. */
    public void renew(Instant now, Duration lifetime) {
        if (revokedAt != null) {
            throw new IllegalStateException("a revoked key cannot be renewed");
        }
        expiresAt = now.plus(lifetime);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Records a use; written only when the last record is older than a minute. */
    public void usedAt(Instant now) {
        if (lastUsedAt == null || Duration.between(lastUsedAt, now).compareTo(LAST_USED_PRECISION) >= 0) {
            lastUsedAt = now;
        }
    }

    /** Revoking twice keeps the first time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public Staff staff() {
        return staff;
    }

    public String name() {
        return name;
    }

    public String keyHint() {
        return keyHint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
