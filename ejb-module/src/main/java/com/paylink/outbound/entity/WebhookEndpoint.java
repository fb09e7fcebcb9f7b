package com.paylink.outbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** P9: where a practice's events go, and the secret they are signed with. One active endpoint per practice. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 100)
    private String secret;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by_staff_id")
    private Long createdByStaffId;

    /** The schedule has made events of every fact up to here (it looks back a margin from it for late commits). */
    @Column(name = "facts_seen_until", nullable = false)
    private Instant factsSeenUntil;

    protected WebhookEndpoint() {
        // for JPA
    }

    public WebhookEndpoint(long practiceId, String url, String secret, Instant createdAt, long createdByStaffId) {
        this.practiceId = practiceId;
        this.url = Objects.requireNonNull(url, "url");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.active = true;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.factsSeenUntil = createdAt;
        this.createdByStaffId = createdByStaffId;
    }

    /** The practice's systems moved: events not yet delivered go to the new address. */
    public void movedTo(String newUrl) {
        this.url = Objects.requireNonNull(newUrl, "newUrl");
    }

    public void secretRotated(String newSecret) {
        this.secret = Objects.requireNonNull(newSecret, "newSecret");
    }

    public void turnedOff() {
        this.active = false;
    }

    public Long id() {
        return id;
    }

    public long practiceId() {
        return practiceId;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public boolean isActive() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
