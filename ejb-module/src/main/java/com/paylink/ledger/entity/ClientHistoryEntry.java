package com.paylink.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Issue 23 (T1): one change to a client's record that the practice must be able to show later: a new mobile number,
 * text consent given or withdrawn (by staff, or by the client's own reply). Written once, never changed.
 */
@Entity
@Table(name = "client_history")
public class ClientHistoryEntry {

    public enum Kind {
        MOBILE_CHANGED, TEXT_CONSENT_GIVEN, TEXT_CONSENT_CLEARED, TEXT_CONSENT_WITHDRAWN, TEXT_OPTED_OUT, TEXT_OPTED_IN,
        /** Issue 24 (C3): staff paused or resumed balance reminders, for the client or one invoice (its number). */
        REMINDERS_PAUSED, REMINDERS_RESUMED,
        /** C2: the client chose "Stop these reminders". */
        REMINDERS_STOPPED,
        /** Issue 25 (PAY19, PAY20): a card saved with the payer's consent; removed by staff; withdrawn by the client. */
        CARD_SAVED, CARD_REMOVED, CARD_WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private Long practiceId;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** Who made the change; null when the client did (a reply to a text). */
    @Column(name = "staff_id")
    private Long staffId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    /** What a reader needs beside the kind: the masked number, the method; never a token or clinical fact. */
    private String detail;

    protected ClientHistoryEntry() {
        // for JPA
    }

    public ClientHistoryEntry(Client client, Instant occurredAt, Long staffId, Kind kind, String detail) {
        this.practiceId = client.practice().id();
        this.clientId = client.id();
        this.occurredAt = occurredAt;
        this.staffId = staffId;
        this.kind = kind;
        this.detail = detail;
    }

    public Long id() {
        return id;
    }

    public Long clientId() {
        return clientId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Long staffId() {
        return staffId;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
