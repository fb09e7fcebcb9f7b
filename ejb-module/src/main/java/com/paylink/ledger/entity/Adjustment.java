package com.paylink.ledger.entity;

import com.paylink.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A write-off or discount that lowers an invoice's balance. Created only through {@link Invoice#adjust}. */
@Entity
@Table(name = "adjustment")
public class Adjustment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Money amount;

    @Column(nullable = false)
    private String reason;

    protected Adjustment() {
        // for JPA
    }

    Adjustment(Invoice invoice, Instant createdAt, Money amount, String reason) {
        this.invoice = invoice;
        this.createdAt = createdAt;
        this.amount = amount;
        this.reason = reason;
    }

    public Long id() {
        return id;
    }

    public Invoice invoice() {
        return invoice;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Money amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }
}
