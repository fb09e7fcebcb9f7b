package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.Mailer;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.paymentlink.control.PaymentLinkEmail;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import com.paylink.identity.entity.Permission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
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

    private boolean askedForByPayer(long linkId) {
        return !em.createQuery("select a.id from PaymentLinkAudit a where a.paymentLinkId = :l and a.action = :a", Long.class)
                .setParameter("l", linkId)
                .setParameter("a", com.paylink.paymentlink.entity.PaymentLinkAction.RESENT_ON_REQUEST)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * PL6: mints the link's token here, stores only its hash and sends the email, all in this transaction:
     * if the send fails, nothing is kept and the redelivery mints another; a duplicate request finds the
     * link mailed and sends nothing. The token exists in this method's memory and in the email, nowhere else.
     */
    public void deliver(long linkId) {
        PaymentLink link = em.find(PaymentLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null) {
            LOG.warning(() -> "mail request for payment link " + linkId + " does not match a link; dropped");
            return;
        }
        if (link.isMailed()) {
            LOG.info(() -> "payment link " + linkId + " was mailed before; not sending again");
            return;
        }
        if (!link.isUsableAt(clock.instant())) {
            LOG.info(() -> "payment link " + linkId + " was closed before its mail went out; not sending");
            return;
        }
        String token = LinkTokens.newToken();
        link.tokenMinted(LinkTokens.hash(token));
        em.flush();
        // a link the payer asked for goes out in the practice's name; a staff member's, in theirs (PL6, PL10)
        String from = askedForByPayer(linkId) ? link.practice().name() : link.sentBy().fullName();
        boolean sent = mailer.sendOnce("payment-link:" + linkId, PaymentLinkEmail.compose(
                link.practice().name(), link.practice().senderEmail(), from,
                link.recipientEmail(), link.invoice().number(), link.sentAt(), link.invoice().balance(),
                config.publicUrl() + "/pay/" + token,
                link.expiresAt(), config.displayZone()));
        if (sent) {
            LOG.info(() -> "payment link " + linkId + " mailed");
        }
    }
}
