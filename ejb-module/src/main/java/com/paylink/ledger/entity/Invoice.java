package com.paylink.ledger.entity;

import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeOwned;
import com.paylink.shared.CardSummary;
import com.paylink.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An invoice and everything posted against it. Its figures are always derived:
 * balance = total − payments − adjustments (rule L1), and its status follows from them unless voided.
 */
@Entity
@Table(name = "invoice")
public class Invoice implements PracticeOwned {

    /** L14: the order one payment for several invoices is allocated in: oldest first (issue date, then id). */
    public static final Comparator<Invoice> OLDEST_FIRST = Comparator.comparing(Invoice::issuedOn)
            .thenComparing(Invoice::id, Comparator.nullsLast(Comparator.naturalOrder()));

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practice_id", nullable = false)
    private Practice practice;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false)
    private Client client;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "appointment_id")
    private Appointment appointment;

    @Column(nullable = false)
    private String number;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(nullable = false, length = 3)
    private String currency;

    /** L15: the invoice's id in the practice's own billing system, unique within the practice; null if none. */
    @Column(name = "external_id", length = 100)
    private String externalId;

    @Column(name = "voided_at")
    private Instant voidedAt;

    /** C3 (issue 24): balance reminders paused by staff (when, who, why); null when they run. */
    @Column(name = "reminders_paused_at")
    private java.time.Instant remindersPausedAt;

    @Column(name = "reminders_paused_by")
    private Long remindersPausedBy;

    @Column(name = "reminders_paused_reason", length = 300)
    private String remindersPausedReason;

    @Column(name = "void_reason")
    private String voidReason;

    /** Optimistic lock: two concurrent postings to one invoice cannot both win. */
    @Version
    private long version;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<InvoiceLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("receivedAt")
    private List<Payment> payments = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("createdAt")
    private List<Adjustment> adjustments = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("requestedAt")
    private List<Refund> refunds = new ArrayList<>();

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("openedAt")
    private List<Dispute> disputes = new ArrayList<>();

    protected Invoice() {
        // for JPA
    }

    public Invoice(Client client, Appointment appointment, String number, LocalDate issuedOn, String currency) {
        this.client = Objects.requireNonNull(client, "client");
        this.practice = client.practice();
        if (appointment != null && appointment.client() != client) {
            throw new IllegalArgumentException("the appointment belongs to another client");
        }
        this.appointment = appointment;
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("an invoice needs a number");
        }
        this.number = number.trim();
        this.issuedOn = Objects.requireNonNull(issuedOn, "issuedOn");
        this.currency = Money.zero(currency).currency();
    }

    public InvoiceLine addLine(String description, int quantity, Money unitPrice) {
        requireNotVoid();
        requireCurrency(unitPrice);
        if (!payments.isEmpty() || !adjustments.isEmpty()) {
            throw new IllegalStateException("lines cannot change once payments or adjustments are posted");
        }
        InvoiceLine line = new InvoiceLine(this, lines.size(), description, quantity, unitPrice);
        lines.add(line);
        return line;
    }

    /** L15: the practice's own id for this invoice (set once). */
    public void linkExternal(String id) {
        if (externalId != null && !externalId.equals(id)) {
            throw new IllegalStateException("invoice " + this.id + " already has external id " + externalId);
        }
        this.externalId = id;
    }

    public String externalId() {
        return externalId;
    }

    /** L15: whether anything was posted against it (a payment or an adjustment); then its billed content is fixed. */
    public boolean hasPostings() {
        return !payments.isEmpty() || !adjustments.isEmpty();
    }

    /**
     * L15: the invoice as its billing system states it now: number, date, appointment and lines. Only while nothing is
     * posted against it and it is not void: the caller checks first and says why.
     */
    public void restated(String number, LocalDate issuedOn, Appointment appointment) {
        requireNotVoid();
        if (hasPostings()) {
            throw new IllegalStateException("invoice " + this.number + " has postings; its content cannot change");
        }
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("an invoice needs a number");
        }
        if (appointment != null && appointment.client() != client) {
            throw new IllegalArgumentException("the appointment belongs to another client");
        }
        this.number = number.trim();
        this.issuedOn = Objects.requireNonNull(issuedOn, "issuedOn");
        this.appointment = appointment;
    }

    /** L15: the lines removed, before the billing system's lines are added again (nothing posted, not void). */
    public void linesCleared() {
        requireNotVoid();
        if (hasPostings()) {
            throw new IllegalStateException("invoice " + this.number + " has postings; its lines cannot change");
        }
        lines.clear();
    }

    /** Rule L2: a payment is positive, in the invoice's currency, and never more than the balance. */
    public Payment recordPayment(Money amount, PaymentMethod method, Instant receivedAt, String reference) {
        return post(amount, method, receivedAt, reference, null, null);
    }

    /** What the ledger shows for a card payment taken through a link; the sandbox's say no money moved. */
    public static final String LINK_PAYMENT = "Payment link";
    public static final String SANDBOX_LINK_PAYMENT = "Payment link (sandbox: no real charge)";

    /**
     * A card payment taken by a gateway: its reference is unique, and it gets a receipt number. A sandbox
     * payment is recorded as such, so nobody mistakes it for money. {@code card} (brand and last four digits,
     * for the receipt) is null when the gateway did not report it.
     */
    public Payment recordCardPayment(Money amount, Instant receivedAt, String gatewayReference, String receiptNumber,
                                     boolean sandbox, CardSummary card) {
        Payment payment = post(amount, PaymentMethod.CARD, receivedAt, sandbox ? SANDBOX_LINK_PAYMENT : LINK_PAYMENT,
                Objects.requireNonNull(gatewayReference, "gatewayReference"),
                Objects.requireNonNull(receiptNumber, "receiptNumber"));
        payment.paidWith(card);
        return payment;
    }

    private Payment post(Money amount, PaymentMethod method, Instant receivedAt, String reference,
                         String gatewayReference, String receiptNumber) {
        requireNotVoid();
        requirePositiveWithinBalance(amount);
        Payment payment = new Payment(this, Objects.requireNonNull(receivedAt, "receivedAt"), amount,
                Objects.requireNonNull(method, "method"), reference, gatewayReference, receiptNumber);
        payments.add(payment);
        payment.balanceAfter(balance()); // the receipt and the notification state what remains (P5)
        return payment;
    }

    /**
     * L9: a refund of (part of) a card payment: positive, in the invoice's currency, never more than what
     * of that payment is not refunded or being refunded already, with a reason. It is PENDING until the
     * gateway answers; only then does it lower what was paid (and raise the balance).
     */
    public Refund requestRefund(Payment asked, Money amount, String reason, Long staffId, Instant at) {
        // by id: the caller may hold a lazy reference to the payment (a proxy) rather than this invoice's own instance
        Payment payment = asked == null ? null : payments.stream().filter(p -> same(p, asked)).findFirst().orElse(null);
        if (payment == null) {
            throw new IllegalArgumentException("the payment is not on invoice " + number);
        }
        if (payment.method() != PaymentMethod.CARD || payment.gatewayReference() == null) {
            throw new IllegalArgumentException("only a card payment taken through a link can be refunded here");
        }
        requireCurrency(amount);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund must be positive");
        }
        if (amount.compareTo(refundable(payment)) > 0) {
            throw new IllegalArgumentException("a refund cannot exceed what is left of the payment");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refund needs a reason");
        }
        Refund refund = new Refund(this, payment, amount, reason.trim(), staffId, Objects.requireNonNull(at, "at"));
        refunds.add(refund);
        return refund;
    }

    /**
     * L9: what the gateway says of a refund of one of this invoice's card payments, applied once however
     * often or in whatever order it is reported: Paylink's own refund ({@code ourRefundId}) gets the
     * gateway's word; one made elsewhere (the gateway's dashboard) is recorded by its reference.
     *
     * @return true when something changed
     */
    public boolean gatewayRefund(Payment payment, Long ourRefundId, String reference, Money amount, RefundStatus status,
                                 Instant at) {
        Optional<Refund> known = refunds.stream()
                .filter(r -> (ourRefundId != null && ourRefundId.equals(r.id())) || reference.equals(r.gatewayReference()))
                .findFirst();
        if (known.isPresent()) {
            return known.get().gatewaySays(status, reference, at);
        }
        if (status == RefundStatus.FAILED) {
            return false; // never ours, never counted
        }
        Refund made = requestRefund(payment, amount, "Refunded at the card processor", null, at);
        made.gatewaySays(status, reference, at);
        return true;
    }

    /**
     * L10: what the gateway says of a dispute of one of this invoice's card payments, applied once: while
     * open it flags the invoice; lost, the disputed money goes back to the payer (a completed refund row,
     * reference {@code dispute:<id>}); won, nothing changes.
     *
     * @return the dispute's new status when it changed (OPEN when it is new), else empty
     */
    public Optional<DisputeStatus> disputeReported(Payment payment, String reference, Money amount, DisputeStatus status,
                                                   String reason, Instant at) {
        requireCurrency(amount);
        Dispute dispute = disputes.stream().filter(d -> d.gatewayReference().equals(reference)).findFirst().orElse(null);
        boolean opened = dispute == null;
        if (opened) {
            dispute = new Dispute(this, payment, reference, amount, reason, at);
            disputes.add(dispute);
        }
        boolean changed = dispute.update(status, amount, at);
        if (changed && status == DisputeStatus.LOST) {
            Money back = amount.compareTo(refundable(payment)) > 0 ? refundable(payment) : amount;
            if (back.isPositive()) {
                Refund reversal = new Refund(this, payment, back, "Chargeback: the payer's dispute was lost", null, at);
                reversal.gatewaySays(RefundStatus.SUCCEEDED, "dispute:" + reference, at);
                refunds.add(reversal);
            }
        }
        return changed || opened ? Optional.of(dispute.status()) : Optional.empty();
    }

    /** L10: an open dispute flags the invoice. */
    public boolean isDisputed() {
        return disputes.stream().anyMatch(d -> d.status() == DisputeStatus.OPEN);
    }

    public List<Dispute> disputes() {
        return Collections.unmodifiableList(disputes);
    }

    /** L9: what of a payment can still be refunded: its amount less refunds done or under way. */
    public Money refundable(Payment payment) {
        return refunds.stream().filter(r -> same(r.payment(), payment) && r.isHeld()).map(Refund::amount)
                .reduce(payment.amount(), Money::minus);
    }

    /** One payment, whether either is the entity or a lazy reference to it (compared by id once it has one). */
    private static boolean same(Payment a, Payment b) {
        return a == b || (a != null && b != null && a.id() != null && a.id().equals(b.id()));
    }

    /** Rule L3: an adjustment lowers the balance, never below zero. */
    public Adjustment adjust(Money amount, String reason, Instant at) {
        requireNotVoid();
        requirePositiveWithinBalance(amount);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs a reason");
        }
        Adjustment adjustment = new Adjustment(this, Objects.requireNonNull(at, "at"), amount, reason.trim());
        adjustments.add(adjustment);
        return adjustment;
    }

    /** Rule L4: only an invoice with nothing paid can be voided. */
    public void voidInvoice(String reason, Instant at) {
        requireNotVoid();
        if (!payments.isEmpty()) {
            throw new IllegalStateException("an invoice with payments cannot be voided");
        }
        this.voidedAt = Objects.requireNonNull(at, "at");
        this.voidReason = reason;
    }

    private void requireNotVoid() {
        if (voidedAt != null) {
            throw new IllegalStateException("invoice " + number + " is void");
        }
    }

    private void requireCurrency(Money amount) {
        if (!currency.equals(amount.currency())) {
            throw new IllegalArgumentException("invoice " + number + " is in " + currency);
        }
    }

    private void requirePositiveWithinBalance(Money amount) {
        requireCurrency(amount);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (amount.compareTo(balance()) > 0) {
            throw new IllegalArgumentException("amount exceeds the balance of invoice " + number);
        }
    }

    /**
     * L7: the one answer to "can this invoice take a payment, or a link to pay it?": empty when it can,
     * else why not. Sending, viewing, renewing and settling a link all ask this.
     */
    public Optional<NotPayable> notPayable() {
        InvoiceStatus status = status();
        if (status == InvoiceStatus.VOID) {
            return Optional.of(NotPayable.VOID);
        }
        if (status == InvoiceStatus.PAID) {
            return Optional.of(amountPaid().isPositive() ? NotPayable.PAID : NotPayable.NO_BALANCE);
        }
        return Optional.empty();
    }

    public boolean isPayable() {
        return notPayable().isEmpty();
    }

    public Money total() {
        return lines.stream().map(InvoiceLine::total).reduce(Money.zero(currency), Money::plus);
    }

    /** Payments less completed refunds (L9). */
    public Money amountPaid() {
        Money received = payments.stream().map(Payment::amount).reduce(Money.zero(currency), Money::plus);
        return refunds.stream().filter(r -> r.status() == RefundStatus.SUCCEEDED).map(Refund::amount)
                .reduce(received, Money::minus);
    }

    public Money amountRefunded() {
        return refunds.stream().filter(r -> r.status() == RefundStatus.SUCCEEDED).map(Refund::amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    public Money adjustmentsTotal() {
        return adjustments.stream().map(Adjustment::amount).reduce(Money.zero(currency), Money::plus);
    }

    /** L1: total − payments − adjustments. */
    public Money balance() {
        return total().minus(amountPaid()).minus(adjustmentsTotal());
    }

    public InvoiceStatus status() {
        if (voidedAt != null) {
            return InvoiceStatus.VOID;
        }
        if (balance().isPositive()) {
            return amountPaid().isZero() ? InvoiceStatus.OPEN : InvoiceStatus.PARTIALLY_PAID;
        }
        return InvoiceStatus.PAID;
    }

    public Long id() {
        return id;
    }

    public Practice practice() {
        return practice;
    }

    public Client client() {
        return client;
    }

    public Appointment appointment() {
        return appointment;
    }

    public String number() {
        return number;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public String currency() {
        return currency;
    }

    public Instant voidedAt() {
        return voidedAt;
    }

    public String voidReason() {
        return voidReason;
    }

    public List<InvoiceLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<Payment> payments() {
        return Collections.unmodifiableList(payments);
    }

    public List<Adjustment> adjustments() {
        return Collections.unmodifiableList(adjustments);
    }

    public List<Refund> refunds() {
        return Collections.unmodifiableList(refunds);
    }

    /** C3 (issue 24): staff paused balance reminders here, with a reason; null when they run. */
    public java.util.Optional<RemindersPaused> remindersPaused() {
        return remindersPausedAt == null ? java.util.Optional.empty()
                : java.util.Optional.of(new RemindersPaused(remindersPausedAt, remindersPausedBy, remindersPausedReason));
    }

    /** C3: staff pause balance reminders (a reason is required). */
    public void pauseReminders(long staffId, String reason, java.time.Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to pause reminders");
        }
        this.remindersPausedAt = at;
        this.remindersPausedBy = staffId;
        this.remindersPausedReason = reason.strip();
    }

    /** C3: staff resume balance reminders. */
    public void resumeReminders() {
        this.remindersPausedAt = null;
        this.remindersPausedBy = null;
        this.remindersPausedReason = null;
    }
}
