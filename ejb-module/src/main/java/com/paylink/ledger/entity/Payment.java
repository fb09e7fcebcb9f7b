package com.paylink.ledger.entity;

import com.paylink.shared.Money;
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

import java.time.Instant;

/** Money received against one invoice. Created only through {@link Invoice#recordPayment}. */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Embedded
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentMethod method;

    private String reference;

    /** The card gateway's id for this payment (a PaymentIntent); unique, so one intent posts once. */
    @Column(name = "gateway_reference", unique = true)
    private String gatewayReference;

    /** Shown to the payer; unique. */
    @Column(name = "receipt_number", unique = true)
    private String receiptNumber;

    protected Payment() {
        // for JPA
    }

    Payment(Invoice invoice, Instant receivedAt, Money amount, PaymentMethod method, String reference,
            String gatewayReference, String receiptNumber) {
        this.invoice = invoice;
        this.receivedAt = receivedAt;
        this.amount = amount;
        this.method = method;
        this.reference = reference;
        this.gatewayReference = gatewayReference;
        this.receiptNumber = receiptNumber;
    }

    public Long id() {
        return id;
    }

    public Invoice invoice() {
        return invoice;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Money amount() {
        return amount;
    }

    public PaymentMethod method() {
        return method;
    }

    public String reference() {
        return reference;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String receiptNumber() {
        return receiptNumber;
    }
}
