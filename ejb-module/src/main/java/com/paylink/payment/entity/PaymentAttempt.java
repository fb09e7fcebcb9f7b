package com.paylink.payment.entity;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.paymentlink.entity.PaymentLink;
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
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * One try to pay a link through a gateway (one Stripe PaymentIntent, or one sandbox charge). Unique by
 * gateway reference and by idempotency key, so a retried request finds the same attempt (rule PAY2).
 */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "payment_link_id", nullable = false)
    private PaymentLink link;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gateway gateway;

    /** The gateway's intent id; empty between writing the attempt and the gateway's answer. */
    @Column(name = "gateway_reference")
    private String gatewayReference;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor", nullable = false)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false))})
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttemptStatus status;

    @Column(name = "failure_code")
    private String failureCode;

    /** The name the payer entered (the card holder), when the gateway's form gives it to Paylink. */
    @Column(name = "payer_name")
    private String payerName;

    /** PAY10: a hash of the address the payment was started from (never the address), for its declines. */
    @Column(name = "payer_address_hash", length = 64)
    private String payerAddressHash;

    /**
     * Issue 25: the payer ticked "Save this card": the words shown beside the box (in the payer's language), when,
     * and the name they gave; null when the card is not to be saved.
     */
    @Column(name = "save_consent_text", length = 2000)
    private String saveConsentText;

    @Column(name = "save_consent_at")
    private Instant saveConsentAt;

    @Column(name = "save_consent_name", length = 200)
    private String saveConsentName;

    /** The gateway's refund of a charge the invoice could not take. */
    @Column(name = "refund_reference")
    private String refundReference;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "payment_id")
    private Payment payment;

    /** PAY18: when the bank debit was submitted (status PROCESSING, and kept after). */
    @Column(name = "processing_since")
    private Instant processingSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PaymentAttempt() {
        // for JPA
    }

    public PaymentAttempt(PaymentLink link, Gateway gateway, String gatewayReference, String idempotencyKey,
                          Money amount, Instant at) {
        this(link, gateway, idempotencyKey, amount, at);
        this.gatewayReference = Objects.requireNonNull(gatewayReference, "gatewayReference");
    }

    /** An attempt written before its intent exists at the gateway (so the intent can name it); see {@link #attachIntent}. */
    public PaymentAttempt(PaymentLink link, Gateway gateway, String idempotencyKey, Money amount, Instant at) {
        this.link = Objects.requireNonNull(link, "link");
        this.invoice = link.invoice();
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an attempt needs a positive amount");
        }
        this.amount = amount;
        this.status = AttemptStatus.PENDING;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Who is paying, as they entered it (blank or very long names are cut to something sensible). */
    public void payerEntered(String name) {
        String trimmed = name == null ? null : name.trim();
        this.payerName = trimmed == null || trimmed.isEmpty() ? null : trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }

    /** Issue 25: the payer's consent to save the card (text shown, time, name); null withdraws it before paying. */
    public void saveConsent(String text, String name, Instant at) {
        this.saveConsentText = text;
        this.saveConsentName = text == null ? null : name;
        this.saveConsentAt = text == null ? null : at;
        this.updatedAt = at;
    }

    public boolean savesCard() {
        return saveConsentText != null;
    }

    public String saveConsentText() {
        return saveConsentText;
    }

    public String saveConsentName() {
        return saveConsentName;
    }

    public Instant saveConsentAt() {
        return saveConsentAt;
    }

    public String payerName() {
        return payerName;
    }

    /** PAY10: where the payer started this payment from, as a hash (null when unknown). */
    public void startedFrom(String addressHash) {
        if (addressHash != null) {
            this.payerAddressHash = addressHash;
        }
    }

    public String payerAddressHash() {
        return payerAddressHash;
    }

    /** The gateway's intent for this attempt; set once (the same id again is a retried call, harmless). */
    public void attachIntent(String reference, Instant at) {
        Objects.requireNonNull(reference, "reference");
        if (gatewayReference != null && !gatewayReference.equals(reference)) {
            throw new IllegalStateException("attempt " + id + " already has intent " + gatewayReference);
        }
        this.gatewayReference = reference;
        this.updatedAt = at;
    }

    /** The balance changed before the payer paid: the open intent is re-priced to it. */
    public void reprice(Money newAmount, Instant at) {
        if (!status.isOpen()) {
            throw new IllegalStateException("attempt " + id + " is " + status + "; it cannot be re-priced");
        }
        if (!newAmount.isPositive() || !newAmount.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("an attempt needs a positive amount in " + amount.currency());
        }
        this.amount = newAmount;
        this.updatedAt = at;
    }

    /** The intent was canceled at the gateway: this attempt can take no payment any more. */
    public void canceled(Instant at) {
        if (!status.isOpen()) {
            throw new IllegalStateException("attempt " + id + " is " + status + "; it cannot be canceled");
        }
        this.status = AttemptStatus.CANCELED;
        this.updatedAt = at;
    }

    public void succeeded(Payment payment, Instant at) {
        requirePendingOrFailed();
        this.status = AttemptStatus.SUCCEEDED;
        this.payment = Objects.requireNonNull(payment, "payment");
        this.failureCode = null;
        this.updatedAt = at;
    }

    /** PAY18: the payer confirmed a bank debit; the bank answers in days. */
    public void processing(Instant at) {
        if (!status.isOpen()) {
            throw new IllegalStateException("attempt " + id + " is " + status + "; no bank debit can start");
        }
        this.status = AttemptStatus.PROCESSING;
        this.failureCode = null;
        this.processingSince = at;
        this.updatedAt = at;
    }

    /** PAY18: the bank returned the debit, with the gateway's code (insufficient_funds, account_closed...). */
    public void returned(String code, Instant at) {
        if (status != AttemptStatus.PROCESSING) {
            throw new IllegalStateException("attempt " + id + " is " + status + "; only a bank debit under way is returned");
        }
        this.status = AttemptStatus.RETURNED;
        this.failureCode = code;
        this.updatedAt = at;
    }

    public Instant processingSince() {
        return processingSince;
    }

    public void failed(String code, Instant at) {
        requirePendingOrFailed();
        this.status = AttemptStatus.FAILED;
        this.failureCode = code;
        this.updatedAt = at;
    }

    /** The gateway took money the invoice cannot take: flag it for a refund instead of posting it. */
    public void needsRefund(String reason, Instant at) {
        requirePendingOrFailed();
        this.status = AttemptStatus.NEEDS_REFUND;
        this.failureCode = reason;
        this.updatedAt = at;
    }

    /** PAY11: the charge the invoice could not take was refunded at the gateway. */
    public void refunded(String reference, Instant at) {
        if (status != AttemptStatus.NEEDS_REFUND) {
            throw new IllegalStateException("attempt " + id + " is " + status + "; only a charge flagged for a refund is refunded");
        }
        this.status = AttemptStatus.REFUNDED;
        this.refundReference = Objects.requireNonNull(reference, "reference");
        this.updatedAt = at;
    }

    public String refundReference() {
        return refundReference;
    }

    /** Still to be settled: open, or a bank debit under way (which succeeds, or is flagged for a refund, later). */
    private void requirePendingOrFailed() {
        if (!status.isLive()) {
            throw new IllegalStateException("attempt " + id + " already settled");
        }
    }

    public boolean isSettled() {
        return status == AttemptStatus.SUCCEEDED || status == AttemptStatus.NEEDS_REFUND
                || status == AttemptStatus.REFUNDED;
    }

    public Long id() {
        return id;
    }

    public PaymentLink link() {
        return link;
    }

    public Invoice invoice() {
        return invoice;
    }

    public Gateway gateway() {
        return gateway;
    }

    public String gatewayReference() {
        return gatewayReference;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public Money amount() {
        return amount;
    }

    public AttemptStatus status() {
        return status;
    }

    public String failureCode() {
        return failureCode;
    }

    public Payment payment() {
        return payment;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
