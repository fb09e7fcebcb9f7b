package com.paylink.paymentlink.boundary;

import com.paylink.ledger.entity.Invoice;
import com.paylink.shared.EmailAddresses;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.paymentlink.control.LinkViews;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.platform.PaymentsConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The payer's side of a link: open it by its token, read it, ask for a new one; and, for the payment
 * capability inside its own transaction, lock a link for a payment and settle it. Public: the token
 * (exchanged for the link id held in the payer's session) is the only credential. Rules PL8–PL10.
 */
@Stateless
@PermitAll
public class PayerLinkService {

    /** A client may ask for a new link for one invoice at most this often (PL10). */
    public static final Duration NEW_LINK_INTERVAL = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(PayerLinkService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LinkIssuer issuer;

    @Inject
    LinkViews views;

    @Inject
    PaymentsConfig payments;

    @Inject
    com.paylink.platform.Outbox outbox;

    /**
     * PL8: opening a link finds it by its token's hash and records that it was viewed, nothing else.
     * Returns the link id for the payer's session, or empty for a malformed or unknown token.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a read; the rare view write commits on its own
    public Optional<Long> open(String token) {
        if (!LinkTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        Optional<PaymentLink> link = em.createQuery("select l from PaymentLink l where l.tokenHash = :h or l.reminderTokenHash = :h or l.textTokenHash = :h", PaymentLink.class)
                .setParameter("h", LinkTokens.hash(token))
                .getResultList().stream().findFirst(); // a list: outside a transaction nothing stays open after the read
        Instant now = clock.instant();
        // the last view is kept to the minute (LinkViews): a link opened again within a minute of its last recorded
        // view is not written at all, so a burst of openings (a scanner, a payer reloading, a flood) costs one read each
        link.filter(l -> l.isUsableAt(now) && LinkViews.stale(l.lastViewedAt(), now)).ifPresent(l -> views.record(l.id(), now));
        return link.map(PaymentLink::id);
    }

    /**
     * L11: the language the link's client reads (the tag staff chose on Client Details), for the payment pages;
     * empty when none was chosen or the link is unknown. One read, once per payer session.
     */
    public Optional<String> clientLanguage(Long linkId) {
        if (linkId == null) {
            return Optional.empty();
        }
        return em.createQuery("""
                        select c.preferredLanguage from PaymentLink l join l.invoice i join i.client c
                        where l.id = :id""", String.class)
                .setParameter("id", linkId)
                .getResultStream().filter(Objects::nonNull).findFirst();
    }

    /** The link behind a payer's session, to read (null or unknown: empty). */
    public Optional<PaymentLink> find(Long linkId) {
        return linkId == null ? Optional.empty() : Optional.ofNullable(em.find(PaymentLink.class, linkId));
    }

    /**
     * For a payment in the caller's transaction: locks the link's invoices in id order (every payment path
     * does, so they run one at a time and never deadlock, PL4, PL12), then reads the link and its invoices
     * afresh. Empty for an unknown id.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<PaymentLink> lockForPayment(long linkId) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null) {
            return Optional.empty();
        }
        lockInvoices(link);
        em.refresh(link);
        link.invoices().forEach(em::refresh);
        return Optional.of(link);
    }

    /** Locks every invoice of the link, in id order (the order every path that changes a link uses). */
    private void lockInvoices(PaymentLink link) {
        for (Long id : link.invoiceIdsInLockOrder()) {
            em.find(Invoice.class, id, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /**
     * PL9: a charge the gateway confirmed, posted by the payment capability in the same transaction: the
     * link is paid and the audit says so. A charge started while the link worked settles even if the link
     * expired or was revoked meanwhile (the money is in); a link is never paid twice.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void settle(PaymentLink link, Instant at) {
        link.settleCharge(at);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.PAID, null, at, EmailAddresses.mask(link.recipientEmail())));
    }

    /**
     * PAY18 for the payment capability, in its transaction: a bank debit through the link is on its way; the link
     * takes nothing else meanwhile and keeps its invoices (no other link can be sent for them); the audit says so.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void bankPaymentStarted(PaymentLink link, com.paylink.shared.Money amount, Instant at) {
        link.bankPaymentStarted(amount, at);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.BANK_DEBIT_STARTED, null, at,
                EmailAddresses.mask(link.recipientEmail())));
    }

    /**
     * PAY18 for the payment capability, in its transaction: the bank returned the debit. The link closes (audited)
     * and, while its invoices can still be paid by card and the address is still on file, a fresh link goes to the
     * same address, its email saying why (PaymentLinkMailService).
     *
     * @return the fresh link's id, or empty when none could be sent
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Long> bankPaymentReturned(PaymentLink link, String code, Instant at) {
        link.bankPaymentReturned(code, at);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.BANK_DEBIT_RETURNED, null, at,
                EmailAddresses.mask(link.recipientEmail())));
        em.flush(); // frees the invoices' "active" slots for the fresh link
        List<Invoice> invoices = link.invoices();
        boolean renewable = invoices.stream().allMatch(Invoice::isPayable) && payments.ready()
                && link.practice().isCardProcessingEnrolled()
                && invoices.stream().allMatch(i -> issuer.activeLink(i).filter(l -> l.isUsableAt(at)).isEmpty());
        Optional<RecipientOption> recipient = Recipients.of(link.invoice().client()).stream()
                .filter(o -> o.email().equalsIgnoreCase(link.recipientEmail()) && o.valid())
                .min(java.util.Comparator.comparing(o -> o.source() == link.recipientSource() ? 0 : 1));
        if (!renewable || recipient.isEmpty()) {
            LOG.info(() -> "bank debit through link " + link.id() + " returned; no fresh link can be sent");
            return Optional.empty();
        }
        return Optional.of(issuer.issue(invoices, recipient.get().recipient(), link.sentBy(), null, at,
                PaymentLinkAction.RESENT_AFTER_RETURN).link().id());
    }

    /**
     * PAY10 for the payment capability, in its transaction: the link locks after too many declined cards
     * (a link already closed stays as it is); the audit says so.
     *
     * @return true when the link was locked now
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean lock(PaymentLink link, Instant at) {
        if (link.status() != PaymentLinkStatus.ACTIVE) {
            return false;
        }
        link.lock(at);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.LOCKED, null, at, EmailAddresses.mask(link.recipientEmail())));
        LOG.warning(() -> "payment link " + link.id() + " locked after too many declined cards");
        return true;
    }

    /**
     * PL10: "email me a new link" from an expired or revoked link sends a fresh one to the same address on
     * file (else the first address of the same source), at most every 15 minutes per invoice, only while
     * the invoice can be paid and its practice takes cards; the caller always answers the same.
     */
    public void requestNewLink(Long linkId) {
        Optional<PaymentLink> found = linkId == null ? Optional.empty() : lockForPayment(linkId) /* a plain this-call: joins this method's transaction */;
        if (found.isEmpty()) {
            return;
        }
        PaymentLink old = found.get();
        Instant now = clock.instant();
        PaymentLinkStatus status = old.statusAt(now);
        Invoice invoice = old.invoice();
        List<Invoice> invoices = old.invoices();
        // a revoked (or locked) link stays closed: only staff decide to send again; a link for several invoices
        // is renewed only while every one of them can still be paid and is in no other working link (PL12)
        boolean renewable = status == PaymentLinkStatus.EXPIRED
                && invoices.stream().allMatch(Invoice::isPayable)
                && payments.ready() && invoice.practice().isCardProcessingEnrolled()
                && invoices.stream().allMatch(i -> issuer.activeLink(i).filter(l -> l.isUsableAt(now)).isEmpty())
                && !askedRecently(invoice, now, PaymentLinkAction.RESENT_ON_REQUEST);
        if (!renewable) {
            LOG.info(() -> "new link requested from link " + linkId + ": not renewable now");
            askStaff(old, status, now);
            return;
        }
        // only to the address the expired link went to, and only while the client still has it on file
        List<RecipientOption> onFile = Recipients.of(invoice.client());
        Optional<RecipientOption> recipient = onFile.stream()
                .filter(o -> o.email().equalsIgnoreCase(old.recipientEmail()) && o.valid())
                .min(java.util.Comparator.comparing(o -> o.source() == old.recipientSource() ? 0 : 1));
        if (recipient.isEmpty()) {
            LOG.info(() -> "new link requested from link " + linkId + ": its address is no longer on file");
            askStaff(old, status, now);
            return;
        }
        issuer.issue(invoices, recipient.get().recipient(), old.sentBy(), null, now);
    }

    /**
     * PL10 (issue 24): a request that renews nothing on its own reaches a person: where the link was revoked, locked,
     * or expired with no address to renew it to (gone from file, or a link sent by text only), its invoices can still
     * be paid and no other link for them works, the staff member who sent the link (the Admins when no one did) is
     * told in the inbox, through the outbox after this commit, at most once per invoice every
     * {@link #NEW_LINK_INTERVAL}. The payer's answer does not change.
     */
    private void askStaff(PaymentLink old, PaymentLinkStatus status, Instant now) {
        List<Invoice> invoices = old.invoices();
        boolean decidable = (status == PaymentLinkStatus.EXPIRED || status == PaymentLinkStatus.REVOKED
                || status == PaymentLinkStatus.LOCKED)
                && invoices.stream().allMatch(Invoice::isPayable)
                && invoices.stream().allMatch(i -> issuer.activeLink(i).filter(l -> l.isUsableAt(now)).isEmpty())
                && !askedRecently(old.invoice(), now, PaymentLinkAction.NEW_LINK_ASKED);
        if (!decidable) {
            return;
        }
        em.persist(new PaymentLinkAudit(old, PaymentLinkAction.NEW_LINK_ASKED, null, now,
                old.recipientEmail() == null ? null : EmailAddresses.mask(old.recipientEmail())));
        com.paylink.shared.PaymentEventMessage event = new com.paylink.shared.PaymentEventMessage(
                com.paylink.shared.PaymentEventMessage.Kind.NEW_LINK_ASKED, old.id(), old.invoice().id(), old.id(),
                null, null, null, String.valueOf(now.toEpochMilli()));
        outbox.add(com.paylink.platform.Outbox.Destination.PAYMENT_COMPLETED, event.text(), event.properties());
        LOG.info(() -> "new link requested from link " + old.id() + ": staff told");
    }

    private boolean askedRecently(Invoice invoice, Instant now, PaymentLinkAction answer) {
        return !em.createQuery("select a.id from PaymentLinkAudit a where a.invoiceId = :i and a.action = :a "
                        + "and a.occurredAt > :since", Long.class)
                .setParameter("i", invoice.id())
                .setParameter("a", answer)
                .setParameter("since", now.minus(NEW_LINK_INTERVAL))
                .setMaxResults(1)
                .getResultList().isEmpty();
    }
}
