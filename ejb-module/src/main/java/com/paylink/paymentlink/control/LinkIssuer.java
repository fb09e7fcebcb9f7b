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
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeSettings;
import com.paylink.shared.EmailAddresses;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Issues a link inside the caller's transaction (its invoices must already be locked): closes the active
 * link of the same invoices, stores the new one with only its token's hash, audits, and requests its email
 * (PL5–PL7, PL12).
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

    @Inject
    com.paylink.texting.control.Texts texts;

    /** {@code textGoesAt}: when the link's text goes (now, or when quiet hours end); null without a text. */
    public record Issued(PaymentLink link, boolean replacedEarlierLink, Instant textGoesAt) {
    }

    /** T2: a link's text goes to this number (E.164, consented), in this language, within quiet hours in this zone. */
    public record LinkText(String to, String language, java.time.ZoneId zone) {
    }

    /** T5: Paylink's own idempotency key of a link's text: one text per link, however often it is asked for. */
    public static String textKey(long linkId) {
        return "link-" + linkId + "-text";
    }

    /** Where a link goes: which of the client's three places, whose name, which address. */
    public record Recipient(RecipientSource source, String name, String email) {
    }

    /**
     * @param sender      whose name the email carries
     * @param actingStaff who asked (audit); null when the client asked for a new link
     */
    public Issued issue(List<Invoice> invoices, Recipient recipient, Staff sender, Staff actingStaff, Instant now) {
        return issue(invoices, recipient, sender, actingStaff, now, PaymentLinkAction.RESENT_ON_REQUEST);
    }

    /**
     * @param withoutStaff what the audit records when no staff member asked: the client asked
     *                     ({@link PaymentLinkAction#RESENT_ON_REQUEST}) or the bank returned a debit
     *                     ({@link PaymentLinkAction#RESENT_AFTER_RETURN}, PAY18)
     */
    public Issued issue(List<Invoice> invoices, Recipient recipient, Staff sender, Staff actingStaff, Instant now,
                        PaymentLinkAction withoutStaff) {
        return issue(invoices, recipient, null, sender, actingStaff, now, withoutStaff);
    }

    /**
     * C1: the invoices one balance reminder covers, out of {@code owing}: all of them but any the client holds a
     * working link for that also covers an invoice outside the reminder (that link is not replaced; the invoice is in
     * it already). In id order.
     */
    public List<Invoice> reminderSet(List<Invoice> owing, Instant now) {
        List<Invoice> set = new java.util.ArrayList<>(owing);
        boolean changed = true;
        while (changed && !set.isEmpty()) {
            Set<Long> outside = new java.util.HashSet<>();
            for (Invoice invoice : set) {
                activeLink(invoice).filter(l -> l.isUsableAt(now) && !l.coversOnly(set))
                        .ifPresent(l -> l.invoices().forEach(i -> outside.add(i.id())));
            }
            changed = !outside.isEmpty() && set.removeIf(i -> outside.contains(i.id()));
        }
        set.sort(java.util.Comparator.comparing(Invoice::id));
        return set;
    }

    /**
     * Issue 24 (C1): balance reminder {@code number} of {@code of}: a fresh link for the invoices (replacing any that
     * works, as a resend does) in the practice's name, by email and/or text, audited as a balance reminder.
     */
    public Issued issueBalanceReminder(List<Invoice> invoices, Recipient recipient, LinkText text, Staff sender, Instant now,
                                       int number, int of) {
        replaceWorkingLinks(invoices, now, null);
        Issued issued = issue(invoices, recipient, text, sender, null, now, PaymentLinkAction.BALANCE_REMINDER);
        issued.link().sentAsBalanceReminder(number, of);
        return issued;
    }

    /** A link printed on paper, and the token its QR code carries (kept nowhere else; only its hash is stored, PL6). */
    public record PaperLink(PaymentLink link, String token) {
    }

    /**
     * Issue 24 (C5): the link a paper statement carries: for the invoices (replacing the links the client holds for
     * them), working {@code lifetime} from now, its token minted now (the statement is made now), audited as a statement
     * made by {@code staff}. No email and no text: the paper is its channel.
     */
    public PaperLink issueForStatement(List<Invoice> invoices, Staff staff, Instant now, java.time.Duration lifetime) {
        replaceWorkingLinks(invoices, now, staff.id());
        closeActive(invoices, now, staff.id());
        Practice practice = invoices.get(0).practice();
        PaymentLink link = new PaymentLink(invoices, null, invoices.get(0).client().fullName(), null, staff, now, lifetime);
        link.sentWith(practice.name(), practice.settings().partialPaymentsAllowed() ? practice.settings().partialMinimumMinor() : null);
        em.persist(link);
        em.flush();
        String token = LinkTokens.newToken();
        link.tokenMinted(LinkTokens.hash(token), now);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.STATEMENT, staff.id(), now, null));
        LOG.info(() -> "payment link " + link.id() + " printed on a statement for invoices " + link.invoiceIdsInLockOrder()
                + " by staff " + staff.id());
        return new PaperLink(link, token);
    }

    /** C1, C5: a link the client holds for some of these invoices (and no others) is replaced by the one for all of them. */
    private void replaceWorkingLinks(List<Invoice> invoices, Instant now, Long actor) {
        Set<PaymentLink> working = new LinkedHashSet<>();
        invoices.forEach(i -> activeLink(i).filter(l -> l.isUsableAt(now)).ifPresent(working::add));
        for (PaymentLink link : working) {
            if (!link.coversExactly(invoices)) {
                if (!link.coversOnly(invoices)) {
                    throw new IllegalStateException("payment link " + link.id() + " covers other invoices; it is not replaced");
                }
                link.revoke(now);
                em.persist(new PaymentLinkAudit(link, PaymentLinkAction.REVOKED, actor, now,
                        link.recipientEmail() == null ? null : EmailAddresses.mask(link.recipientEmail())));
            }
        }
        em.flush();
    }

    /**
     * Issue 23 (T2): one link for the email ({@code recipient}; null for a text only) and the text ({@code text}; null
     * for an email only). The text is asked for now and goes when quiet hours allow (T4); a held text makes the link
     * live its whole lifetime from when the text goes.
     */
    public Issued issue(List<Invoice> invoices, Recipient recipient, LinkText text, Staff sender, Staff actingStaff, Instant now,
                        PaymentLinkAction withoutStaff) {
        if (recipient == null && text == null) {
            throw new IllegalArgumentException("a link goes by email, by text, or both");
        }
        Long actor = actingStaff == null ? null : actingStaff.id();
        boolean replaced = closeActive(invoices, now, actor);
        Practice practice = invoices.get(0).practice();
        PracticeSettings settings = practice.settings();
        PaymentLink link = recipient == null
                ? new PaymentLink(invoices, null, invoices.get(0).client().fullName(), null, sender, now, settings.linkLifetime())
                : new PaymentLink(invoices, recipient.source(), recipient.name(),
                EmailAddresses.normalize(recipient.email()), sender, now, settings.linkLifetime());
        // P5, P6: a link the client asked for goes out in the practice's name; a staff member's as the practice chose
        link.sentWith(actingStaff == null || settings.emailFrom() == EmailFrom.PRACTICE_NAME
                        ? practice.name() : sender.fullName(),
                settings.partialPaymentsAllowed() ? settings.partialMinimumMinor() : null);
        if (settings.reminderEnabled()) {
            link.remindBeforeExpiry(settings.reminderBefore()); // PL11
        }
        em.persist(link);
        em.flush();
        PaymentLinkAction action = actingStaff == null ? withoutStaff
                : replaced ? PaymentLinkAction.RESENT : PaymentLinkAction.SENT;
        em.persist(new PaymentLinkAudit(link, action, actor, now, EmailAddresses.mask(link.recipientEmail())));
        Instant goes = null;
        if (text != null) {
            goes = com.paylink.texting.control.QuietHours.nextOpening(now, text.zone()); // T4
            link.liveFullLifetimeFrom(goes, settings.linkLifetime());
            texts.ask(practice.id(), invoices.get(0).client().id(), link.id(), com.paylink.texting.entity.TextMessage.Kind.LINK,
                    text.to(), text.language(), goes, actor, now, textKey(link.id()));
        }
        if (recipient != null) {
            // only the link's id travels: the mail sender mints the token (PL6), so no queue, journal or DLQ holds it
            mailQueue.enqueue(MAIL_KIND, Map.of(MAIL_LINK_ID, String.valueOf(link.id())));
        }
        LOG.info(() -> "payment link " + link.id() + " issued for invoices " + link.invoiceIdsInLockOrder()
                + (actor == null ? " at the client's request" : " by staff " + actor));
        return new Issued(link, replaced, goes);
    }

    /** The link that holds the invoice's "active" slot (PL5): ACTIVE, though perhaps past its expiry. */
    public Optional<PaymentLink> activeLink(Invoice invoice) {
        return em.createQuery("select li.link from LinkInvoice li where li.activeInvoiceId = :i and li.link.status = :s",
                        PaymentLink.class)
                .setParameter("i", invoice.id())
                .setParameter("s", PaymentLinkStatus.ACTIVE)
                .getResultStream().findFirst();
    }

    /**
     * PL5, PL12: the first of the invoices that is in another link still usable now, one that does not cover
     * exactly these invoices (such a link is replaced by a resend; any other must be revoked first).
     */
    public Optional<Invoice> inAnotherActiveLink(List<Invoice> invoices, Instant now) {
        return invoices.stream()
                .filter(i -> activeLink(i).filter(l -> l.isUsableAt(now) && !l.coversExactly(invoices)).isPresent())
                .findFirst();
    }

    /**
     * Closes the active links of the invoices before a new one is issued; true if one was still usable and is
     * now revoked. The caller has refused invoices in another usable link ({@link #inAnotherActiveLink}).
     */
    private boolean closeActive(List<Invoice> invoices, Instant now, Long actor) {
        Set<PaymentLink> active = new LinkedHashSet<>();
        invoices.forEach(i -> activeLink(i).ifPresent(active::add));
        boolean replaced = false;
        for (PaymentLink link : active) {
            if (link.expireIfDue(now)) {
                continue;
            }
            if (!link.coversExactly(invoices)) {
                throw new IllegalStateException("payment link " + link.id() + " covers other invoices; it is not replaced");
            }
            link.revoke(now);
            em.persist(new PaymentLinkAudit(link, PaymentLinkAction.REVOKED, actor, now,
                    EmailAddresses.mask(link.recipientEmail())));
            replaced = true;
        }
        em.flush(); // frees the invoices' "active" slots before the new link takes them
        return replaced;
    }
}
