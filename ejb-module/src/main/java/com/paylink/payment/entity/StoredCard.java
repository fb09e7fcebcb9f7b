package com.paylink.payment.entity;

import com.paylink.ledger.entity.Client;
import com.paylink.practice.entity.Practice;
import jakarta.persistence.Column;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Issue 25 (K1): a card saved on the client's customer at the gateway, when a payer ticked "Save this card" and the
 * payment succeeded. It holds what the gateway reports of the card (brand, last four, expiry, funding; never the number)
 * and the consent: the words shown, when, the name given, the link paid and a hash of the payer's address. Removed (by
 * staff, or withdrawn by the client), it is detached at the gateway and kept for the record, never charged again.
 */
@Entity
@Table(name = "stored_card")
public class StoredCard implements com.paylink.practice.entity.PracticeOwned {

    /** Who ended it. */
    public enum Removal { STAFF, CLIENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practice_id", nullable = false)
    private Practice practice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gateway gateway;

    @Column(name = "card_ref", nullable = false)
    private String cardRef;

    @Column(name = "customer_ref", nullable = false)
    private String customerRef;

    private String brand;
    private String last4;

    @Column(name = "exp_month")
    private Integer expMonth;

    @Column(name = "exp_year")
    private Integer expYear;

    private String funding;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "attempt_id")
    private PaymentAttempt attempt;

    @Column(name = "link_id")
    private Long linkId;

    @Column(name = "consent_text", nullable = false, length = 2000)
    private String consentText;

    @Column(name = "consent_at", nullable = false)
    private Instant consentAt;

    @Column(name = "consent_name", length = 200)
    private String consentName;

    @Column(name = "consent_address_hash", length = 64)
    private String consentAddressHash;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "removed_by_staff_id")
    private Long removedByStaffId;

    @Enumerated(EnumType.STRING)
    @Column(name = "removed_reason")
    private Removal removedReason;

    @Version
    private long version;

    protected StoredCard() {
        // for JPA
    }

    /** The card an attempt saved, with the consent the attempt carries. */
    public StoredCard(PaymentAttempt attempt, Client client, String customerRef, String cardRef, String brand, String last4,
                      int expMonth, int expYear, String funding, Instant at) {
        if (!attempt.savesCard()) {
            throw new IllegalStateException("attempt " + attempt.id() + " had no consent to save its card");
        }
        this.attempt = attempt;
        this.client = Objects.requireNonNull(client, "client");
        this.practice = client.practice();
        this.gateway = attempt.gateway();
        this.customerRef = Objects.requireNonNull(customerRef, "customerRef");
        this.cardRef = Objects.requireNonNull(cardRef, "cardRef");
        this.brand = brand;
        this.last4 = last4;
        this.expMonth = expMonth;
        this.expYear = expYear;
        this.funding = funding;
        this.savedAt = at;
        this.linkId = attempt.link().id();
        this.consentText = attempt.saveConsentText();
        this.consentAt = attempt.saveConsentAt();
        this.consentName = attempt.saveConsentName();
        this.consentAddressHash = attempt.payerAddressHash();
    }

    /** Past its expiry month (in UTC): shown as expired, never charged. */
    public boolean expiredAt(Instant now) {
        return expYear != null && expMonth != null && expMonth >= 1 && expMonth <= 12
                && YearMonth.of(expYear, expMonth).isBefore(YearMonth.from(now.atZone(ZoneOffset.UTC)));
    }

    public boolean removed() {
        return removedAt != null;
    }

    /** K3: removed by staff ({@code staffId}) or withdrawn by the client (null); once. */
    public boolean remove(Removal reason, Long staffId, Instant at) {
        if (removedAt != null) {
            return false;
        }
        this.removedAt = Objects.requireNonNull(at, "at");
        this.removedReason = Objects.requireNonNull(reason, "reason");
        this.removedByStaffId = staffId;
        return true;
    }

    public Long id() {
        return id;
    }

    public Client client() {
        return client;
    }

    @Override
    public Practice practice() {
        return practice;
    }

    public Gateway gateway() {
        return gateway;
    }

    public String cardRef() {
        return cardRef;
    }

    public String customerRef() {
        return customerRef;
    }

    public String brand() {
        return brand;
    }

    public String last4() {
        return last4;
    }

    public Integer expMonth() {
        return expMonth;
    }

    public Integer expYear() {
        return expYear;
    }

    public String funding() {
        return funding;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public Long linkId() {
        return linkId;
    }

    public String consentText() {
        return consentText;
    }

    public Instant consentAt() {
        return consentAt;
    }

    public String consentName() {
        return consentName;
    }

    public Instant removedAt() {
        return removedAt;
    }

    public Removal removedReason() {
        return removedReason;
    }
}
