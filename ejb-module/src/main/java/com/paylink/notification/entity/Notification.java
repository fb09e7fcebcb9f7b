package com.paylink.notification.entity;

import com.paylink.identity.entity.Staff;
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

import java.time.Instant;
import java.util.Objects;

/** "A client paid": one staff member's in-app notification about one payment (unique per payment and person). */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recipient_staff_id", nullable = false)
    private Staff recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NotificationKind kind;

    /** What the notification is about, once per person: {@code payment-<id>}, {@code link-locked-<id>}. */
    @Column(name = "event_key", nullable = false)
    private String eventKey;

    /** The payment, for PAYMENT_RECEIVED. */
    @Column(name = "payment_id")
    private Long paymentId;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Column(name = "client_id", nullable = false)
    private long clientId;

    @Column(name = "client_name", nullable = false)
    private String clientName;

    @Column(name = "invoice_number", nullable = false)
    private String invoiceNumber;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "amountMinor", column = @Column(name = "amount_minor", nullable = false)),
            @AttributeOverride(name = "currency", column = @Column(name = "currency", nullable = false))})
    private Money amount;

    /** PAYMENT_RECEIVED: what the invoice still owed right after the payment (PAY16); null otherwise or unknown. */
    @Column(name = "remaining_minor")
    private Long remainingMinor;

    /** When the payment was made. */
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
        // for JPA
    }

    public Notification(Staff recipient, long paymentId, long invoiceId, long clientId, String clientName,
                        String invoiceNumber, Money amount, Instant occurredAt, Instant createdAt) {
        this(recipient, NotificationKind.PAYMENT_RECEIVED, paymentKey(paymentId), invoiceId, clientId, clientName,
                invoiceNumber, amount, occurredAt, createdAt);
        this.paymentId = paymentId;
    }

    /** A payment received, with what the invoice still owed right after it (PAY16; null: unknown). */
    public Notification(Staff recipient, long paymentId, long invoiceId, long clientId, String clientName,
                        String invoiceNumber, Money amount, Money remaining, Instant occurredAt, Instant createdAt) {
        this(recipient, paymentId, invoiceId, clientId, clientName, invoiceNumber, amount, occurredAt, createdAt);
        if (remaining != null && !remaining.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("the remaining balance is in another currency than the payment");
        }
        this.remainingMinor = remaining == null ? null : remaining.amountMinor();
    }

    /** A notification of another kind, about an invoice (its amount is the balance then). */
    public Notification(Staff recipient, NotificationKind kind, String eventKey, long invoiceId, long clientId,
                        String clientName, String invoiceNumber, Money amount, Instant occurredAt, Instant createdAt) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.practiceId = recipient.practice().id();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.eventKey = Objects.requireNonNull(eventKey, "eventKey");
        this.invoiceId = invoiceId;
        this.clientId = clientId;
        this.clientName = clientName;
        this.invoiceNumber = invoiceNumber;
        this.amount = amount;
        this.occurredAt = occurredAt;
        this.createdAt = createdAt;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public Staff recipient() {
        return recipient;
    }

    public static String paymentKey(long paymentId) {
        return "payment-" + paymentId;
    }

    public static String disputeKey(long disputeId, String status) {
        return "dispute-" + disputeId + "-" + status;
    }

    public static String chargeRefundedKey(long attemptId) {
        return "charge-refunded-" + attemptId;
    }

    public static String bankReturnedKey(long attemptId) {
        return "bank-returned-" + attemptId;
    }

    public static String linkLockedKey(long linkId) {
        return "link-locked-" + linkId;
    }

    public NotificationKind kind() {
        return kind;
    }

    public String eventKey() {
        return eventKey;
    }

    public Long paymentId() {
        return paymentId;
    }

    public long invoiceId() {
        return invoiceId;
    }

    public long clientId() {
        return clientId;
    }

    public String clientName() {
        return clientName;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public Money amount() {
        return amount;
    }

    /** What the invoice still owed right after the payment (zero: paid in full); null when not a payment or unknown. */
    public Money remaining() {
        return remainingMinor == null ? null : Money.ofMinor(remainingMinor, amount.currency());
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant readAt() {
        return readAt;
    }
}
