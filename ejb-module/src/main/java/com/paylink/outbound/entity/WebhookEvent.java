package com.paylink.outbound.entity;

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
 * P9: one fact of a practice, to be posted to its endpoint: its type, the JSON sent, and where its delivery stands.
 * Retried with a doubling back-off (10 seconds, then twice as long each time, at most 6 hours between attempts) until
 * it is accepted or three days have passed.
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    /** Where a delivery stands. */
    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String source;

    /** Events with the same key (an invoice) are delivered in the order they were created. */
    @Column(name = "order_key", nullable = false)
    private String orderKey;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookEvent() {
        // for JPA
    }

    public WebhookEvent(long practiceId, long endpointId, String type, String source, String orderKey, Instant createdAt) {
        this.practiceId = practiceId;
        this.endpointId = endpointId;
        this.type = Objects.requireNonNull(type, "type");
        this.source = Objects.requireNonNull(source, "source");
        this.orderKey = Objects.requireNonNull(orderKey, "orderKey");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.payload = "{}";
        this.status = Status.PENDING;
        this.nextAttemptAt = createdAt;
    }

    /** The JSON, written once the event has its id (which it carries). */
    public void payload(String json) {
        this.payload = Objects.requireNonNull(json, "json");
    }

    public void delivered(Instant at) {
        attempts++;
        status = Status.DELIVERED;
        deliveredAt = at;
        nextAttemptAt = null;
    }

    /** Refused or unreachable: tried again later, or given up once three days have passed. */
    public void failed(Instant at) {
        attempts++;
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(factor);
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Instant next = at.plus(wait);
        if (next.isAfter(createdAt.plus(GIVE_UP_AFTER))) {
            status = Status.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = next;
        }
    }

    /** An Admin asked for it again: due now, whatever it was. */
    public void resend(Instant at) {
        status = Status.PENDING;
        nextAttemptAt = at;
    }

    public Long id() {
        return id;
    }

    public long practiceId() {
        return practiceId;
    }

    public long endpointId() {
        return endpointId;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
