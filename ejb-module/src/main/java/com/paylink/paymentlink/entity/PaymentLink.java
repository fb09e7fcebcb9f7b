package com.paylink.paymentlink.entity;

import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.NotPayable;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A one-time link to pay one invoice, or several invoices of one client at once (PL12). Knows only the
 * SHA-256 hash of its token. Usable while ACTIVE and before its expiry, whatever a timer did or did not do
 * (rule PL3); used at most once (PL4).
 */
@Entity
@Table(name = "payment_link")
@NamedQuery(name = PaymentLink.RECORD_VIEW, query = "update PaymentLink l set l.firstViewedAt = coalesce(l.firstViewedAt, :now), "
        + "l.lastViewedAt = :now where l.id = :id and (l.lastViewedAt is null or l.lastViewedAt <= :stale)")
public class PaymentLink {

    /** Records a view unless one was recorded after {@code :stale} (parsed once, at start-up, not per request). */
    public static final String RECORD_VIEW = "PaymentLink.recordView";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practice_id", nullable = false)
    private Practice practice;

    /** The first of its invoices in allocation order (the only one of most links). */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "invoice_id", nullable = false)
    private Invoice invoice;

    /** Its invoices in allocation order, oldest first; each holds the "one active link per invoice" slot (PL5). */
    @OneToMany(mappedBy = "link", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<LinkInvoice> items = new ArrayList<>();

    /** Null until the link's email goes out: the sender mints the token and stores only this (PL6). */
    @Column(name = "token_hash", unique = true, length = 64)
    private String tokenHash;

    @Column(name = "token_minted_at")
    private Instant tokenMintedAt;

    @Enumerated(EnumType.STRING)
    /** Where its email went; null for a link sent by text only (issue 23). */
    @Column(name = "recipient_source")
    private RecipientSource recipientSource;

    @Column(name = "recipient_name")
    private String recipientName;

    @Column(name = "recipient_email", nullable = false)
    private String recipientEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PaymentLinkStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sent_by_staff_id", nullable = false)
    private Staff sentBy;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Written by PayerLinkService.open with a conditional update (views must never conflict). */
    @Column(name = "first_viewed_at")
    private Instant firstViewedAt;

    @Column(name = "last_viewed_at")
    private Instant lastViewedAt;

    /** When it was paid, revoked or marked expired. */
    @Column(name = "closed_at")
    private Instant closedAt;

    /** PAY18: a bank debit through this link is on its way (status PROCESSING): how much, since when. */
    @Column(name = "processing_amount_minor")
    private Long processingAmountMinor;

    @Column(name = "processing_since")
    private Instant processingSince;

    /** PAY18: why the bank returned the debit (the gateway's code), once it did. */
    @Column(name = "bank_return_code")
    private String bankReturnCode;

    /** P5: the display name of the link's emails, fixed when it is sent; null on links sent before settings existed. */
    @Column(name = "from_name")
    private String fromName;

    /** P5: the smallest partial payment the link takes, fixed when it is sent; null: the full balance only. */
    @Column(name = "partial_minimum_minor")
    private Long partialMinimumMinor;

    /** PL11: when the expiry reminder is due (fixed at sending); null: the link gets none. */
    @Column(name = "remind_at")
    private Instant remindAt;

    /** PL11: when the reminder was queued, by the one schedule run that claimed it. */
    @Column(name = "reminder_queued_at")
    private Instant reminderQueuedAt;

    /** PL11: the reminder email's own token (its hash), which opens this same link. */
    @Column(name = "reminder_token_hash", unique = true, length = 64)
    private String reminderTokenHash;

    @Column(name = "reminder_token_minted_at")
    private Instant reminderTokenMintedAt;

    /** T2: the link's text message's own token (its hash), which opens this same link; minted as the text goes (PL6). */
    @Column(name = "text_token_hash", unique = true, length = 64)
    private String textTokenHash;

    @Column(name = "text_token_minted_at")
    private Instant textTokenMintedAt;

    /** Issue 24 (C1): the link is balance reminder {@code reminderNumber} of {@code reminderOf}; null for any other. */
    @Column(name = "reminder_number")
    private Integer reminderNumber;

    @Column(name = "reminder_of")
    private Integer reminderOf;

    @Version
    private long version;

    protected PaymentLink() {
        // for JPA
    }

    public PaymentLink(Invoice invoice, RecipientSource recipientSource, String recipientName,
                       String recipientEmail, Staff sentBy, Instant sentAt, Duration lifetime) {
        this(List.of(Objects.requireNonNull(invoice, "invoice")), recipientSource, recipientName, recipientEmail, sentBy,
                sentAt, lifetime);
    }

    /**
     * A link for one or more invoices of one client, in one currency (PL12); they are kept, and paid, oldest
     * first ({@link Invoice#OLDEST_FIRST}).
     */
    public PaymentLink(Collection<Invoice> invoices, RecipientSource recipientSource, String recipientName,
                       String recipientEmail, Staff sentBy, Instant sentAt, Duration lifetime) {
        List<Invoice> ordered = invoices.stream().sorted(Invoice.OLDEST_FIRST).toList();
        if (ordered.isEmpty()) {
            throw new IllegalArgumentException("a link needs an invoice");
        }
        if (new HashSet<>(ordered).size() != ordered.size()) {
            throw new IllegalArgumentException("an invoice is named twice");
        }
        Invoice first = ordered.get(0);
        if (ordered.stream().anyMatch(i -> i.client() != first.client() || !i.currency().equals(first.currency()))) {
            throw new IllegalArgumentException("a link's invoices belong to one client and share one currency");
        }
        this.invoice = first;
        this.practice = first.practice();
        for (Invoice each : ordered) {
            items.add(new LinkInvoice(this, each, items.size()));
        }
        if ((recipientSource == null) != (recipientEmail == null)) {
            throw new IllegalArgumentException("an email recipient needs both its source and its address");
        }
        this.recipientSource = recipientSource; // both null: a link sent by text only (issue 23)
        this.recipientName = recipientName;
        this.recipientEmail = recipientEmail;
        this.sentBy = Objects.requireNonNull(sentBy, "sentBy");
        this.sentAt = Objects.requireNonNull(sentAt, "sentAt");
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a link needs a positive lifetime");
        }
        this.expiresAt = sentAt.plus(lifetime);
        this.status = PaymentLinkStatus.ACTIVE;
    }

    /** PL3: the status as of {@code now}: an active link past its expiry is expired even before the sweep marks it. */
    public PaymentLinkStatus statusAt(Instant now) {
        if (status == PaymentLinkStatus.ACTIVE && !now.isBefore(expiresAt)) {
            return PaymentLinkStatus.EXPIRED;
        }
        return status;
    }

    public boolean isUsableAt(Instant now) {
        return statusAt(now) == PaymentLinkStatus.ACTIVE;
    }

    public void revoke(Instant at) {
        if (status != PaymentLinkStatus.ACTIVE) {
            throw new IllegalStateException("only an active link can be revoked");
        }
        close(PaymentLinkStatus.REVOKED, at);
    }

    /** PAY10: too many declined cards; the link takes nothing more, and staff can send a new one. */
    public void lock(Instant at) {
        if (status != PaymentLinkStatus.ACTIVE) {
            throw new IllegalStateException("only an active link can be locked");
        }
        close(PaymentLinkStatus.LOCKED, at);
    }

    /** Marks a link whose time has passed; does nothing to a link that is still valid or already closed. */
    public boolean expireIfDue(Instant now) {
        if (status == PaymentLinkStatus.ACTIVE && !now.isBefore(expiresAt)) {
            close(PaymentLinkStatus.EXPIRED, expiresAt);
            return true;
        }
        return false;
    }

    /**
     * PL3, PL4, PL12: the one answer to "can a payment be taken through this link now?": empty when it can,
     * else why not. A paid invoice reads as paid whatever the link's state, so a payer who comes back
     * through an old link learns it is settled; a link for several invoices reads so when all are paid, and
     * as {@link LinkUnusable#INVOICES_CHANGED} when only some can no longer be paid (nothing is charged then).
     */
    public Optional<LinkUnusable> unusableAt(Instant now) {
        List<Optional<NotPayable>> problems = invoices().stream().map(Invoice::notPayable).toList();
        boolean allPaid = problems.stream().allMatch(p -> p.filter(q -> q == NotPayable.PAID).isPresent());
        if (status == PaymentLinkStatus.PAID || allPaid) {
            return Optional.of(LinkUnusable.PAID);
        }
        if (status == PaymentLinkStatus.LOCKED) {
            return Optional.of(LinkUnusable.LOCKED);
        }
        if (status == PaymentLinkStatus.PROCESSING) {
            return Optional.of(LinkUnusable.BANK_PAYMENT_PROCESSING);
        }
        if (!isUsableAt(now)) {
            return Optional.of(LinkUnusable.CLOSED);
        }
        if (problems.stream().noneMatch(Optional::isPresent)) {
            return Optional.empty();
        }
        return Optional.of(problems.size() == 1 ? LinkUnusable.NOTHING_DUE : LinkUnusable.INVOICES_CHANGED);
    }

    /** What the link asks for now: the sum of its invoices' live balances (a link for several is paid in full). */
    public Money amountDue() {
        return invoices().stream().map(Invoice::balance).reduce(Money.zero(invoice.currency()), Money::plus);
    }

    /**
     * A gateway confirmed a charge that was started while the link was usable (a Stripe webhook may
     * arrive after expiry or a revoke): the money is in, so the link is paid. Never twice.
     */
    public void settleCharge(Instant at) {
        if (status == PaymentLinkStatus.PAID) {
            throw new IllegalStateException("link " + id + " is already paid");
        }
        close(PaymentLinkStatus.PAID, at);
    }

    /**
     * PAY18: the payer confirmed a bank debit of {@code amount}; the bank answers in days. The link takes no other
     * payment meanwhile and keeps its invoices' "active" slots, so no second link can be sent for them (PL5) until
     * the debit settles or is returned. Started while the link worked, it may be recorded after the link expired.
     */
    public void bankPaymentStarted(Money amount, Instant at) {
        if (status != PaymentLinkStatus.ACTIVE && status != PaymentLinkStatus.EXPIRED) {
            throw new IllegalStateException("link " + id + " is " + status + "; no bank payment can start through it");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a bank payment needs a positive amount");
        }
        status = PaymentLinkStatus.PROCESSING;
        processingAmountMinor = amount.amountMinor();
        processingSince = at;
    }

    /** PAY18: the bank returned the debit (insufficient funds, account closed...): the link is closed for good. */
    public void bankPaymentReturned(String code, Instant at) {
        if (status != PaymentLinkStatus.PROCESSING) {
            throw new IllegalStateException("link " + id + " is " + status + "; it has no bank payment to return");
        }
        bankReturnCode = code == null || code.length() > 60 ? "bank_returned" : code;
        close(PaymentLinkStatus.RETURNED, at);
    }

    /** PAY18: the amount of the bank debit made through this link, whether under way or returned. */
    public Optional<Money> bankDebitAmount() {
        return processingAmountMinor == null ? Optional.empty()
                : Optional.of(Money.ofMinor(processingAmountMinor, invoice.currency()));
    }

    public Optional<String> bankReturnCode() {
        return Optional.ofNullable(bankReturnCode);
    }

    /** The bank debit on its way through this link (PAY18), if one is. */
    public Optional<Money> processingAmount() {
        return status == PaymentLinkStatus.PROCESSING && processingAmountMinor != null
                ? Optional.of(Money.ofMinor(processingAmountMinor, invoice.currency())) : Optional.empty();
    }

    public Instant processingSince() {
        return processingSince;
    }

    private void close(PaymentLinkStatus newStatus, Instant at) {
        status = newStatus;
        closedAt = at;
        items.forEach(LinkInvoice::closed);
    }

    /**
     * P5: the practice's settings when the link is sent, kept with it: the name its emails come from and,
     * where partial payments are allowed, the smallest amount it takes (null: the full balance only).
     */
    public void sentWith(String fromName, Long partialMinimumMinor) {
        this.fromName = fromName;
        this.partialMinimumMinor = partialMinimumMinor;
    }

    /** PL11: the link gets one reminder {@code before} its expiry, if that falls after it is sent. */
    public void remindBeforeExpiry(java.time.Duration before) {
        Instant at = expiresAt.minus(before);
        this.remindAt = at.isAfter(sentAt) ? at : null;
    }

    public Optional<Instant> remindAt() {
        return Optional.ofNullable(remindAt);
    }

    public Optional<Instant> reminderQueuedAt() {
        return Optional.ofNullable(reminderQueuedAt);
    }

    /**
     * T4: a text held back by quiet hours goes out at {@code textAt}: the link then lives its whole lifetime from
     * that moment, so a client never receives a link with hours left of its life. Never shortens it.
     */
    /** C1: this link is balance reminder {@code number} of {@code of} (set once, when it is issued). */
    public void sentAsBalanceReminder(int number, int of) {
        if (number < 1 || number > of) {
            throw new IllegalArgumentException("reminder " + number + " of " + of);
        }
        this.reminderNumber = number;
        this.reminderOf = of;
    }

    /** C1: "reminder n of k" when the link was sent as a balance reminder: {n, k}. */
    public java.util.Optional<int[]> balanceReminder() {
        return reminderNumber == null ? java.util.Optional.empty()
                : java.util.Optional.of(new int[]{reminderNumber, reminderOf});
    }

    public void liveFullLifetimeFrom(Instant textAt, java.time.Duration lifetime) {
        Instant wanted = textAt.plus(lifetime);
        if (wanted.isAfter(expiresAt)) {
            Instant remind = remindAt;
            java.time.Duration before = remind == null ? null : java.time.Duration.between(remind, expiresAt);
            this.expiresAt = wanted;
            if (before != null) {
                this.remindAt = expiresAt.minus(before);
            }
        }
    }

    /** T2: a token for the link's text was minted now; only its hash is kept (PL6). */
    public void textTokenMinted(String hash, Instant at) {
        this.textTokenHash = Objects.requireNonNull(hash, "hash");
        this.textTokenMintedAt = Objects.requireNonNull(at, "at");
    }

    /** T2: the text with this token certainly did not go out: the token is gone. */
    public void textTokenWithdrawn() {
        this.textTokenHash = null;
        this.textTokenMintedAt = null;
    }

    public String textTokenHash() {
        return textTokenHash;
    }

    /** Whether the link goes by email (false: by text only). */
    public boolean hasEmailRecipient() {
        return recipientEmail != null;
    }

    /** PL11: the reminder email's token was minted (its hash only is kept), as for the first email (PL6). */
    public void reminderTokenMinted(String hash, Instant at) {
        this.reminderTokenHash = Objects.requireNonNull(hash, "hash");
        this.reminderTokenMintedAt = at;
    }

    public void reminderTokenWithdrawn() {
        this.reminderTokenHash = null;
        this.reminderTokenMintedAt = null;
    }

    public String reminderTokenHash() {
        return reminderTokenHash;
    }

    public Instant reminderTokenMintedAt() {
        return reminderTokenMintedAt;
    }

    public Optional<String> fromName() {
        return Optional.ofNullable(fromName);
    }

    /** The smallest partial payment in the invoice's currency; empty when the link takes the full balance only. */
    public Optional<com.paylink.shared.Money> partialMinimum() {
        return Optional.ofNullable(partialMinimumMinor).filter(minor -> !coversSeveral()) // PL12: several: in full
                .map(minor -> com.paylink.shared.Money.ofMinor(minor, invoice.currency()));
    }

    public Long id() {
        return id;
    }

    public Practice practice() {
        return practice;
    }

    /** The first of its invoices in allocation order; the only one unless {@link #coversSeveral()}. */
    public Invoice invoice() {
        return invoice;
    }

    /** Its invoices in allocation order: oldest first (issue date, then id). */
    public List<Invoice> invoices() {
        // a row written without its invoice rows (by hand, or by the benchmark's loader) is its first invoice's link
        return items.isEmpty() ? List.of(invoice) : items.stream().map(LinkInvoice::invoice).toList();
    }

    public List<LinkInvoice> items() {
        return List.copyOf(items);
    }

    public boolean coversSeveral() {
        return invoices().size() > 1;
    }

    /** Whether it covers exactly these invoices (a resend replaces such a link, PL5). */
    /** C1: every invoice of this link is one of {@code others} (it may cover fewer). */
    public boolean coversOnly(Collection<Invoice> others) {
        Set<Long> theirs = new HashSet<>();
        others.forEach(i -> theirs.add(i.id()));
        return invoices().stream().allMatch(i -> theirs.contains(i.id()));
    }

    public boolean coversExactly(Collection<Invoice> others) {
        Set<Long> mine = new HashSet<>();
        invoices().forEach(i -> mine.add(i.id()));
        Set<Long> theirs = new HashSet<>();
        others.forEach(i -> theirs.add(i.id()));
        return mine.equals(theirs);
    }

    /** Its invoices' ids in the order every path locks them (ascending ids: no two paths deadlock). */
    public List<Long> invoiceIdsInLockOrder() {
        return invoices().stream().map(Invoice::id).sorted(Comparator.naturalOrder()).toList();
    }

    /** Its invoice numbers in allocation order, for the payer and the email (an invoice number is not clinical). */
    public List<String> invoiceNumbers() {
        return invoices().stream().map(Invoice::number).toList();
    }

    /**
     * PL6: a token for the link's email was minted now; only its hash is kept. A later call replaces it: the
     * caller checked that the earlier token's email never went out.
     */
    public void tokenMinted(String hash, Instant at) {
        this.tokenHash = Objects.requireNonNull(hash, "hash");
        this.tokenMintedAt = Objects.requireNonNull(at, "at");
    }

    /** PL6: the email with the current token did not go out; the token is gone. */
    public void tokenWithdrawn() {
        this.tokenHash = null;
        this.tokenMintedAt = null;
    }

    /** When the current token was minted; null before the first email attempt. */
    public Instant tokenMintedAt() {
        return tokenMintedAt;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public RecipientSource recipientSource() {
        return recipientSource;
    }

    public String recipientName() {
        return recipientName;
    }

    public String recipientEmail() {
        return recipientEmail;
    }

    public PaymentLinkStatus status() {
        return status;
    }

    public Staff sentBy() {
        return sentBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant firstViewedAt() {
        return firstViewedAt;
    }

    public Instant lastViewedAt() {
        return lastViewedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
