package com.paylink.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One declined card on a link (PAY10): what locks a link after too many. The payer's address is kept
 * only as a hash, to count per address, never to show.
 */
@Entity
@Table(name = "payment_decline")
public class PaymentDecline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "payment_link_id", nullable = false)
    private long linkId;

    @Column(name = "payer_address_hash", length = 64)
    private String payerAddressHash;

    @Column(name = "decline_code", nullable = false)
    private String declineCode;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected PaymentDecline() {
        // for JPA
    }

    public PaymentDecline(long linkId, String payerAddressHash, String declineCode, Instant occurredAt) {
        this.linkId = linkId;
        this.payerAddressHash = payerAddressHash;
        this.declineCode = Objects.requireNonNullElse(declineCode, "declined");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    public long linkId() {
        return linkId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
