package com.paylink.ledger.entity;

import com.paylink.shared.Money;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * Money given back on a card payment (L9). Created PENDING through {@link Invoice#requestRefund} before the
 * gateway is asked; only a SUCCEEDED refund lowers what was paid. Also the audit of who asked and why.
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false)
    private Payment payment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor", nullable = false)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false))})
    private Money amount;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RefundStatus status;

    @Column(name = "requested_by_staff_id")
    private Long requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "gateway_reference")
    private String gatewayReference;

    private String failure;

    /** The random part of the key Paylink makes the refund with at the gateway (null on rows older than the nonce). */
    @Column(name = "key_nonce")
    private String keyNonce;

    @Version
    private long version;

    protected Refund() {
        // for JPA
    }

    Refund(Invoice invoice, Payment payment, Money amount, String reason, Long requestedBy, Instant requestedAt) {
        this.invoice = invoice;
        this.payment = payment;
        this.amount = amount;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = RefundStatus.PENDING;
        byte[] nonce = new byte[16];
        NONCES.nextBytes(nonce);
        this.keyNonce = java.util.HexFormat.of().formatHex(nonce);
    }

    private static final java.security.SecureRandom NONCES = new java.security.SecureRandom();

    /**
     * L9: the key Paylink makes this refund with at the gateway (its idempotency key, and the refund's metadata, by
     * which Paylink knows its own refunds): {@code refund-<id>-<random>}, which nobody can guess; {@code refund-<id>}
     * for a refund written before keys had a random part.
     */
    public String gatewayKey() {
        return keyNonce == null ? "refund-" + id : "refund-" + id + "-" + keyNonce;
    }

    /** The gateway gave the money back. */
    public void succeeded(String reference, Instant at) {
        if (status == RefundStatus.SUCCEEDED) {
            return; // the gateway's webhook told of it first
        }
        requirePending();
        this.status = RefundStatus.SUCCEEDED;
        this.gatewayReference = Objects.requireNonNull(reference, "reference");
        this.completedAt = at;
    }

    /** The gateway refused; nothing was given back and the payment can be refunded again. */
    public void failed(String why, Instant at) {
        requirePending();
        this.status = RefundStatus.FAILED;
        this.failure = why;
        this.completedAt = at;
    }

    private void requirePending() {
        if (status != RefundStatus.PENDING) {
            throw new IllegalStateException("refund " + id + " is already " + status);
        }
    }

    /**
     * The gateway's word on this refund (L9): pending becomes done or refused; a refund the gateway later
     * reports failed stops counting (the money went back to the practice). True when the status changed.
     */
    boolean gatewaySays(RefundStatus now, String reference, Instant at) {
        if (gatewayReference == null && reference != null) {
            gatewayReference = reference;
        }
        if (status == now) {
            return false;
        }
        if (status == RefundStatus.FAILED) {
            throw new IllegalStateException("refund " + id + " was refused; the gateway cannot complete it now");
        }
        if (status == RefundStatus.SUCCEEDED && now == RefundStatus.PENDING) {
            return false; // an older, out-of-order report
        }
        status = now;
        completedAt = now == RefundStatus.PENDING ? null : at;
        return true;
    }

    /** Counts against what can still be refunded (asked, or done). */
    boolean isHeld() {
        return status != RefundStatus.FAILED;
    }

    public Long id() {
        return id;
    }

    public Payment payment() {
        return payment;
    }

    public Invoice invoice() {
        return invoice;
    }

    public Money amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public RefundStatus status() {
        return status;
    }

    public Long requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String failure() {
        return failure;
    }
}
