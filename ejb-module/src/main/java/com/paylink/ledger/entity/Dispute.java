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

/**
 * A payer's dispute (chargeback) of a card payment (L10): it flags the invoice while open; lost, the money is
 * gone and the ledger gives it back (a completed refund row); won, nothing changes. Created and changed only
 * through {@link Invoice#disputeReported}.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_id", nullable = false)
    private Payment payment;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(name = "gateway_reference", nullable = false)
    private String gatewayReference;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor", nullable = false)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false))})
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;

    private String reason;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Dispute() {
        // for JPA
    }

    Dispute(Invoice invoice, Payment payment, String gatewayReference, Money amount, String reason, Instant at) {
        this.invoice = invoice;
        this.payment = payment;
        this.gatewayReference = gatewayReference;
        this.amount = amount;
        this.reason = reason;
        this.openedAt = at;
        this.status = DisputeStatus.OPEN;
    }

    /** The gateway's word on the dispute now; true when this changed its status. */
    boolean update(DisputeStatus now, Money disputed, Instant at) {
        this.amount = disputed;
        if (status == now) {
            return false;
        }
        if (status != DisputeStatus.OPEN) {
            throw new IllegalStateException("dispute " + gatewayReference + " is already " + status);
        }
        status = now;
        closedAt = now == DisputeStatus.OPEN ? null : at;
        return true;
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

    public String gatewayReference() {
        return gatewayReference;
    }

    public Money amount() {
        return amount;
    }

    public DisputeStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
