package com.paylink.texting.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * Issue 23: one text message to a client's phone, from asking to the provider's last word. Its idempotency key (one
 * per link and purpose) makes a second request for the same text find this one; its status moves only forward. The
 * body is kept as shown to staff, with the link's token left out (PL6).
 */
@Entity
@Table(name = "text_message")
public class TextMessage {

    public enum Kind {
        /** A payment link's text (T2). */
        LINK,
        /** The Admin's "send a test text" (T5). */
        TEST
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "link_id")
    private Long linkId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "to_number", nullable = false)
    private String toNumber;

    @Column(name = "body_shown", nullable = false)
    private String bodyShown;

    private String language;

    @Column(nullable = false)
    private int segments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TextStatus status;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "requested_by")
    private Long requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "attempt_started_at")
    private Instant attemptStartedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "provider_sid")
    private String providerSid;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    @Version
    private long version;

    protected TextMessage() {
        // for JPA
    }

    public TextMessage(long practiceId, Long clientId, Long linkId, Kind kind, String toNumber, String language,
                       Instant notBefore, Long requestedBy, Instant requestedAt, String idempotencyKey) {
        this.practiceId = practiceId;
        this.clientId = clientId;
        this.linkId = linkId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.toNumber = Objects.requireNonNull(toNumber, "toNumber");
        this.language = language;
        this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.updatedAt = requestedAt;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        this.status = TextStatus.SCHEDULED;
        this.bodyShown = "";
    }

    /** The sender took it: the provider is being asked now, with this text (the token left out of what is kept). */
    public void sending(String bodyShown, int segments, Instant at) {
        requireStatus(TextStatus.SCHEDULED);
        this.bodyShown = bodyShown;
        this.segments = segments;
        this.status = TextStatus.SENDING;
        this.attemptStartedAt = at;
        this.updatedAt = at;
    }

    /** Quiet hours (T4), or a provider that asked to wait: it goes at {@code at}. */
    public void heldUntil(Instant at, Instant now) {
        this.status = TextStatus.SCHEDULED;
        this.notBefore = at;
        this.attemptStartedAt = null;
        this.updatedAt = now;
    }

    /** The provider took it (its id, and its first status). */
    public void accepted(String sid, TextStatus providerStatus, Instant at) {
        this.providerSid = sid;
        this.sentAt = at;
        this.status = providerStatus.rank() > TextStatus.ACCEPTED.rank() ? providerStatus : TextStatus.ACCEPTED;
        this.updatedAt = at;
    }

    /** A later word from the provider; never moves the text back. True when it changed the status. */
    public boolean reported(TextStatus reported, Integer code, String message, Instant at) {
        if (reported.rank() < status.rank() || reported == status) {
            return false;
        }
        this.status = reported;
        if (code != null) {
            this.errorCode = code;
            this.errorMessage = message;
        }
        this.updatedAt = at;
        return true;
    }

    /** Not sent: Paylink would not (no consent, opted out) or the provider refused it before sending. */
    public void refused(Integer code, String reason, Instant at) {
        end(TextStatus.REFUSED, code, reason, at);
    }

    /** Not sent, and never will be: the provider failed it for good. */
    public void failed(Integer code, String reason, Instant at) {
        end(TextStatus.FAILED, code, reason, at);
    }

    /** Not sent: its link closed first. */
    public void cancelled(String reason, Instant at) {
        end(TextStatus.CANCELLED, null, reason, at);
    }

    private void end(TextStatus to, Integer code, String reason, Instant at) {
        this.status = to;
        this.errorCode = code;
        this.errorMessage = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        this.updatedAt = at;
    }

    private void requireStatus(TextStatus wanted) {
        if (status != wanted) {
            throw new IllegalStateException("text " + id + " is " + status + ", not " + wanted);
        }
    }

    public Long id() {
        return id;
    }

    public long practiceId() {
        return practiceId;
    }

    public Long clientId() {
        return clientId;
    }

    public Long linkId() {
        return linkId;
    }

    public Kind kind() {
        return kind;
    }

    public String toNumber() {
        return toNumber;
    }

    public String bodyShown() {
        return bodyShown;
    }

    public String language() {
        return language;
    }

    public int segments() {
        return segments;
    }

    public TextStatus status() {
        return status;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Long requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Instant attemptStartedAt() {
        return attemptStartedAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String providerSid() {
        return providerSid;
    }

    public Integer errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
