package com.paylink.outbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** P9: one try to post an event: when, the endpoint's HTTP status (null if none came), what happened, how long. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private long eventId;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    @Column(nullable = false, length = 300)
    private String outcome;

    @Column(name = "duration_ms", nullable = false)
    private int durationMs;

    protected WebhookAttempt() {
        // for JPA
    }

    public WebhookAttempt(long eventId, Instant attemptedAt, Integer statusCode, String outcome, int durationMs) {
        this.eventId = eventId;
        this.attemptedAt = Objects.requireNonNull(attemptedAt, "attemptedAt");
        this.statusCode = statusCode;
        String text = Objects.requireNonNull(outcome, "outcome");
        this.outcome = text.length() > 300 ? text.substring(0, 300) : text;
        this.durationMs = durationMs;
    }

    public long eventId() {
        return eventId;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String outcome() {
        return outcome;
    }

    public int durationMs() {
        return durationMs;
    }
}
