package com.paylink.paymentlink.control;

import com.paylink.ledger.entity.Invoice;
import com.paylink.mail.boundary.Mailer;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * PL6, the first half of mailing a link: mints its token and commits the hash (its own transaction), so the
 * link works the moment the email arrives. The raw token is returned to the sender and kept nowhere.
 */
@ApplicationScoped
public class LinkMinter {

    /** How long an earlier attempt may still be sending its email (longer than the SMTP timeouts). */
    static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    /** Another attempt minted a token moments ago and may still be sending it: try again later. */
    public static class StillSending extends RuntimeException {
        public StillSending(long linkId) {
            super("payment link " + linkId + " is being mailed by another attempt");
        }
    }

    /**
     * A fresh token for the link's email, or empty when there is nothing to send: no such link, its email
     * went out already, or it was closed. Under the invoice's lock, like every change to its links.
     *
     * @throws StillSending when an earlier attempt's email may still be on its way
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> mint(long linkId, String mailKey) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null) {
            return Optional.empty();
        }
        for (Long invoiceId : link.invoiceIdsInLockOrder()) { // in id order, like every change to its links
            em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(link);
        Instant now = clock.instant();
        if (mailer.wasSent(mailKey) || !link.isUsableAt(now)) {
            return Optional.empty();
        }
        Instant minted = link.tokenMintedAt();
        if (minted != null && minted.plus(config.duration(PaylinkConfig.LINK_MAIL_LEASE, DEFAULT_LEASE)).isAfter(now)) {
            throw new StillSending(linkId);
        }
        // the earlier token (if any) never reached anyone: its attempt failed before the email was recorded sent
        String token = LinkTokens.newToken();
        link.tokenMinted(LinkTokens.hash(token), now);
        return Optional.of(token);
    }

    /**
     * PL11: a token for the link's expiry reminder, or empty when there is nothing to send: its reminder went
     * out already, or the link was paid, revoked, locked or expired meanwhile. The link's first token stays
     * valid: both open the same link, which is still used at most once.
     *
     * @throws StillSending when an earlier attempt's reminder may still be on its way
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> mintReminder(long linkId, String mailKey) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null) {
            return Optional.empty();
        }
        for (Long invoiceId : link.invoiceIdsInLockOrder()) { // in id order, like every change to its links
            em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(link);
        Instant now = clock.instant();
        if (mailer.wasSent(mailKey) || !link.isUsableAt(now)) {
            return Optional.empty();
        }
        Instant minted = link.reminderTokenMintedAt();
        if (minted != null && minted.plus(config.duration(PaylinkConfig.LINK_MAIL_LEASE, DEFAULT_LEASE)).isAfter(now)) {
            throw new StillSending(linkId);
        }
        String token = LinkTokens.newToken();
        link.reminderTokenMinted(LinkTokens.hash(token), now);
        return Optional.of(token);
    }

    /** The reminder with this token did not go out: withdrawn at once, as {@link #withdraw} does. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void withdrawReminder(long linkId, String token) {
        PaymentLink link = em.find(PaymentLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link != null && LinkTokens.hash(token).equals(link.reminderTokenHash())) {
            link.reminderTokenWithdrawn();
        }
    }

    /**
     * The email with this token did not go out (the send failed): the token is withdrawn at once, so the
     * next attempt mints another without waiting for the lease.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void withdraw(long linkId, String token) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null) {
            return;
        }
        // under its invoices' locks, in id order, like every change to a link: a payment settling the link at
        // the same moment (it holds them) is waited for, never made to fail on the link's version
        for (Long invoiceId : link.invoiceIdsInLockOrder()) {
            em.find(Invoice.class, invoiceId, LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(link);
        if (LinkTokens.hash(token).equals(link.tokenHash())) {
            link.tokenWithdrawn();
        }
    }
}
