package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.Mailer;
import com.paylink.paymentlink.control.LinkEmailFacts;
import com.paylink.paymentlink.control.LinkMinter;
import com.paylink.paymentlink.control.PaymentLinkEmail;
import com.paylink.paymentlink.control.ReminderEmail;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.shared.EmailAddresses;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import com.paylink.identity.entity.Permission;
import com.paylink.shared.Languages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Delivers a link's email after the sending transaction committed (called by
 * {@link PaymentLinkMailListener}). Sends once per link; a link closed before its mail went out gets none.
 */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
public class PaymentLinkMailService {

    private static final Logger LOG = Logger.getLogger(PaymentLinkMailService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    @Inject
    LinkMinter minter;

    /**
     * C2 (issue 24): where a balance reminder's "Stop these reminders" goes, followed by the link's own token (the one
     * this email carries): the page asks for one click, which a mail scanner's GET never gives.
     */
    public static final String STOP_REMINDERS_PATH = "/reminders/stop/";

    private boolean askedForByPayer(long linkId) {
        return !em.createQuery("select a.id from PaymentLinkAudit a where a.paymentLinkId = :l and a.action = :a", Long.class)
                .setParameter("l", linkId)
                .setParameter("a", com.paylink.paymentlink.entity.PaymentLinkAction.RESENT_ON_REQUEST)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * PL6 in two steps: {@link LinkMinter} mints the token and commits its hash (so the link works the
     * moment the email arrives); then, in this method's transaction, the email is sent once. If sending
     * fails, the broker retries and the next attempt mints another token (the first never went out); a
     * duplicate request finds the email sent and sends nothing. The token exists in this method's memory
     * and in the email, nowhere else.
     */
    public boolean deliver(long linkId) {
        if (em.find(PaymentLink.class, linkId) == null) {
            return false; // removed since its request committed (a demo reset, a restored database): dropped
        }
        String key = PaymentLinkEmail.mailKey(linkId);
        Optional<String> minted = minter.mint(linkId, key);
        if (minted.isEmpty()) {
            LOG.info(() -> "payment link " + linkId + " needs no mail (unknown, mailed before, or closed)");
            return true;
        }
        String token = minted.get();
        PaymentLink link = em.find(PaymentLink.class, linkId);
        boolean sent;
        try {
            // the name fixed when the link was sent (P6); links sent before settings existed: as they were then (PL6, PL10)
            sent = mailer.sendOnceFreshEachAttempt(key, PaymentLinkEmail.compose(
                    LinkEmailFacts.of(link, askedForByPayer(linkId), config.displayZone()),
                    config.publicUrl() + "/pay/" + token, bankReturnedBefore(link).orElse(null), // PAY18
                    link.balanceReminder().map(r -> new PaymentLinkEmail.ReminderNote(r[0], r[1],
                            config.publicUrl() + STOP_REMINDERS_PATH + token)).orElse(null))); // C2
        } catch (RuntimeException e) {
            minter.withdraw(linkId, token); // it never went out; the broker's retry mints another
            throw e;
        }
        if (sent) {
            LOG.info(() -> "payment link " + linkId + " mailed");
        }
        return true;
    }

    /** PAY18: the returned bank debit this link was sent to replace, if it was. */
    private Optional<PaymentLinkEmail.BankReturned> bankReturnedBefore(PaymentLink link) {
        boolean afterReturn = !em.createQuery("select a.id from PaymentLinkAudit a where a.paymentLinkId = :l and a.action = :a",
                        Long.class)
                .setParameter("l", link.id())
                .setParameter("a", PaymentLinkAction.RESENT_AFTER_RETURN)
                .setMaxResults(1).getResultList().isEmpty();
        if (!afterReturn) {
            return Optional.empty();
        }
        return em.createQuery("select l from PaymentLink l where l.invoice = :i and l.status = :s order by l.closedAt desc, l.id desc",
                        PaymentLink.class)
                .setParameter("i", link.invoice())
                .setParameter("s", com.paylink.paymentlink.entity.PaymentLinkStatus.RETURNED)
                .setMaxResults(1).getResultStream().findFirst()
                .flatMap(old -> old.bankDebitAmount().map(amount ->
                        new PaymentLinkEmail.BankReturned(amount, old.bankReturnCode().orElse("bank_returned"))));
    }

    /**
     * PL11: the expiry reminder, sent once, only while the link is still usable (never after payment, revoke,
     * lock or expiry), with its own token for the same link; audited when it went out.
     */
    public void deliverReminder(long linkId) {
        String key = ReminderEmail.mailKey(linkId);
        Optional<String> minted = minter.mintReminder(linkId, key);
        if (minted.isEmpty()) {
            LOG.info(() -> "payment link " + linkId + " needs no reminder (reminded before, or closed)");
            return;
        }
        String token = minted.get();
        PaymentLink link = em.find(PaymentLink.class, linkId);
        boolean sent;
        try {
            // the same facts as the link's own email: for several invoices, every number and their total (PL12)
            sent = mailer.sendOnceFreshEachAttempt(key, ReminderEmail.compose(
                    LinkEmailFacts.of(link, askedForByPayer(linkId), config.displayZone()),
                    config.publicUrl() + "/pay/" + token));
        } catch (RuntimeException e) {
            minter.withdrawReminder(linkId, token);
            throw e;
        }
        if (sent) {
            em.persist(new PaymentLinkAudit(link, PaymentLinkAction.REMINDED, null, clock.instant(),
                    EmailAddresses.mask(link.recipientEmail())));
            LOG.info(() -> "payment link " + linkId + " reminder mailed");
        }
    }
}
