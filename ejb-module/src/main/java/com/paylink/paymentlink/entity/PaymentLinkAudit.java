package com.paylink.paymentlink.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of a link's audit trail: who did what, when, to which masked address. Never the token. */
@Entity
@Table(name = "payment_link_audit")
public class PaymentLinkAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(name = "invoice_id", nullable = false)
    private long invoiceId;

    @Column(name = "payment_link_id", nullable = false)
    private long paymentLinkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentLinkAction action;

    /** Null when the client or the system acted. */
    @Column(name = "staff_id")
    private Long staffId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_source")
    private RecipientSource recipientSource;

    @Column(name = "masked_recipient")
    private String maskedRecipient;

    protected PaymentLinkAudit() {
        // for JPA
    }

    public PaymentLinkAudit(PaymentLink link, PaymentLinkAction action, Long staffId, Instant occurredAt,
                            String maskedRecipient) {
        this.practiceId = link.practice().id();
        this.invoiceId = link.invoice().id();
        this.paymentLinkId = link.id();
        this.action = action;
        this.staffId = staffId;
        this.occurredAt = occurredAt;
        this.recipientSource = link.recipientSource();
        this.maskedRecipient = maskedRecipient;
    }

    public long paymentLinkId() {
        return paymentLinkId;
    }

    public PaymentLinkAction action() {
        return action;
    }

    public Long staffId() {
        return staffId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public RecipientSource recipientSource() {
        return recipientSource;
    }

    public String maskedRecipient() {
        return maskedRecipient;
    }
}
