package com.paylink.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * I5: a one-time link that lets a staff member set their password: an invitation, or a reset after "Forgot password?".
 * Only the SHA-256 of its token is kept; the token is minted when the email is sent. It works until it expires (24
 * hours after it was asked for), once, and only while it is the staff member's newest link of its purpose.
 */
@Entity
@Table(name = "staff_access_link")
public class StaffAccessLink {

    /** Why the link was sent. */
    public enum Purpose {
        INVITATION, PASSWORD_RESET
    }

    public static final Duration LIFETIME = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected StaffAccessLink() {
        // for JPA
    }

    public StaffAccessLink(long staffId, Purpose purpose, Instant createdAt) {
        this.staffId = staffId;
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = createdAt.plus(LIFETIME);
    }

    /** Whether the link still sets a password at {@code now}: not expired, not used, not replaced. */
    public boolean isUsableAt(Instant now) {
        return usedAt == null && supersededAt == null && now.isBefore(expiresAt);
    }

    /** The token the email carries, by its hash; a redelivered send mints another, which replaces it. */
    public void minted(String hash) {
        this.tokenHash = Objects.requireNonNull(hash, "hash");
    }

    public void used(Instant at) {
        if (usedAt != null) {
            throw new IllegalStateException("link " + id + " was used already");
        }
        this.usedAt = Objects.requireNonNull(at, "at");
    }

    /** A newer link of the same purpose, the password set, or the person deactivated: this one no longer works. */
    public void supersede(Instant at) {
        if (usedAt == null && supersededAt == null) {
            this.supersededAt = Objects.requireNonNull(at, "at");
        }
    }

    public Long id() {
        return id;
    }

    public long staffId() {
        return staffId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String tokenHash() {
        return tokenHash;
    }
}
