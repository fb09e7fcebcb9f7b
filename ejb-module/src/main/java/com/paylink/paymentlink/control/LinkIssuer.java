package com.paylink.paymentlink.control;

import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Invoice;
import com.paylink.mail.boundary.MailQueue;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.paymentlink.entity.RecipientSource;
import com.paylink.practice.entity.EmailFrom;
import com.paylink.practice.entity.PracticeSettings;
import com.paylink.shared.EmailAddresses;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Issues a link inside the caller's transaction (the invoice must already be locked): closes the active
 * link, stores the new one with only its token's hash, audits, and requests its email (PL5–PL7).
 */
@Dependent
public class LinkIssuer {

    /** The {@code kind} of mail request for a link email on the OutboundMail queue. */
    public static final String MAIL_KIND = "payment-link";
    public static final String MAIL_LINK_ID = "linkId";
    /** The {@code kind} of mail request for a link's expiry reminder (PL11). */
    public static final String REMINDER_KIND = "payment-link-reminder";
    private static final Logger LOG = Logger.getLogger(LinkIssuer.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    MailQueue mailQueue;

    public record Issued(PaymentLink link, boolean replacedEarlierLink) {
    }

    /** Where a link goes: which of the client's three places, whose name, which address. */
    public record Recipient(RecipientSource source, String name, String email) {
    }

    /**
     * @param sender      whose name the email carries
     * @param actingStaff who asked (audit); null when the client asked for a new link
     */
    public Issued issue(Invoice invoice, Recipient recipient, Staff sender, Staff actingStaff, Instant now) {
        Long actor = actingStaff == null ? null : actingStaff.id();
        boolean replaced = closeActive(invoice, now, actor);
        PracticeSettings settings = invoice.practice().settings();
        PaymentLink link = new PaymentLink(invoice, recipient.source(), recipient.name(),
                EmailAddresses.normalize(recipient.email()), sender, now, settings.linkLifetime());
        // P5, P6: a link the client asked for goes out in the practice's name; a staff member's as the practice chose
        link.sentWith(actingStaff == null || settings.emailFrom() == EmailFrom.PRACTICE_NAME
                        ? invoice.practice().name() : sender.fullName(),
                settings.partialPaymentsAllowed() ? settings.partialMinimumMinor() : null);
        if (settings.reminderEnabled()) {
            link.remindBeforeExpiry(settings.reminderBefore()); // PL11
        }
        em.persist(link);
        em.flush();
        PaymentLinkAction action = actingStaff == null ? PaymentLinkAction.RESENT_ON_REQUEST
                : replaced ? PaymentLinkAction.RESENT : PaymentLinkAction.SENT;
        em.persist(new PaymentLinkAudit(link, action, actor, now, EmailAddresses.mask(link.recipientEmail())));
        // only the link's id travels: the mail sender mints the token (PL6), so no queue, journal or DLQ holds it
        mailQueue.enqueue(MAIL_KIND, Map.of(MAIL_LINK_ID, String.valueOf(link.id())));
        LOG.info(() -> "payment link " + link.id() + " issued for invoice " + invoice.id()
                + (actor == null ? " at the client's request" : " by staff " + actor));
        return new Issued(link, replaced);
    }

    public Optional<PaymentLink> activeLink(Invoice invoice) {
        return em.createQuery("select l from PaymentLink l where l.invoice = :i and l.status = :s", PaymentLink.class)
                .setParameter("i", invoice)
                .setParameter("s", PaymentLinkStatus.ACTIVE)
                .getResultStream().findFirst();
    }

    /** Closes the active link before a new one is issued; true if it was still usable and is now revoked. */
    private boolean closeActive(Invoice invoice, Instant now, Long actor) {
        Optional<PaymentLink> active = activeLink(invoice);
        if (active.isEmpty()) {
            return false;
        }
        PaymentLink link = active.get();
        if (link.expireIfDue(now)) {
            em.flush();
            return false;
        }
        link.revoke(now);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.REVOKED, actor, now,
                EmailAddresses.mask(link.recipientEmail())));
        em.flush(); // frees the invoice's "active" slot before the new link takes it
        return true;
    }
}
