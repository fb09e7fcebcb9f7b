package com.paylink.collection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Issue 24 (C1): one balance reminder sent to a client: which of the schedule it was ({@code number} of
 * {@code ofCount}), the schedule's start (the first link of the client's oldest unpaid invoice, {@code anchorLinkId})
 * and the link it sent. The pair (client, anchor, number) is unique: the claim that keeps a reminder from going twice.
 */
@Entity
@Table(name = "balance_reminder")
public class BalanceReminder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private Long practiceId;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(name = "anchor_link_id", nullable = false)
    private Long anchorLinkId;

    @Column(nullable = false)
    private int number;

    @Column(name = "of_count", nullable = false)
    private int ofCount;

    @Column(name = "link_id")
    private Long linkId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected BalanceReminder() {
        // for JPA
    }

    public Long id() {
        return id;
    }

    public long clientId() {
        return clientId;
    }

    public int number() {
        return number;
    }

    public int ofCount() {
        return ofCount;
    }

    public Long linkId() {
        return linkId;
    }

    public Instant sentAt() {
        return sentAt;
    }

    /** The link this reminder sent (set once, in the claiming transaction). */
    public void sent(long linkId) {
        this.linkId = linkId;
    }
}
