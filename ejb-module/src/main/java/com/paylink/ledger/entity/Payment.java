package com.paylink.ledger.entity;

import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeOwned;
import com.paylink.shared.CardSummary;
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
import java.util.Optional;

/** Money received against one invoice. Created only through {@link Invoice#recordPayment}. */
@Entity
@Table(name = "payment")
public class Payment implements PracticeOwned {

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

    /** The card's brand code and last four digits, when the gateway reported them (L12); never more of the card. */
    @Column(name = "card_brand", length = 20)
    private String cardBrand;

    @Column(name = "card_last4", length = 4)
    private String cardLast4;

    /** What the invoice still owed right after this payment was posted; null on payments posted before it was kept. */
    @Column(name = "balance_after_minor")
    private Long balanceAfterMinor;

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

    /**
     * What the invoice still owed right after this payment (a partial payment leaves some); empty for payments
     * posted before this was kept. Later payments, adjustments or refunds do not change it.
     */
    public Optional<Money> balanceAfter() {
        return Optional.ofNullable(balanceAfterMinor).map(minor -> Money.ofMinor(minor, amount.currency()));
    }

    void balanceAfter(Money balance) {
        this.balanceAfterMinor = balance.amountMinor();
    }

    /** L12: what the gateway reported of the card; set once, when the payment is posted. */
    void paidWith(CardSummary card) {
        if (card != null) {
            this.cardBrand = card.brand();
            this.cardLast4 = card.last4();
        }
    }

    /** The card's brand and last four digits, if the gateway reported them. */
    public Optional<CardSummary> card() {
        return cardBrand == null || cardLast4 == null ? Optional.empty() : CardSummary.of(cardBrand, cardLast4);
    }

    /** The practice of the payment's invoice: staff reach a payment only within their own practice (L6). */
    @Override
    public Practice practice() {
        return invoice.practice();
    }
}
