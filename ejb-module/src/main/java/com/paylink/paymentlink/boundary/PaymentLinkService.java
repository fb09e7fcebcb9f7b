package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.Mailer;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.control.PaymentLinkEmail;
import com.paylink.shared.EmailAddresses;
import com.paylink.paymentlink.boundary.PaymentLinkRefused.Reason;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.platform.PaymentsConfig;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Send, resend and revoke one-time payment links; read their state. Rules PL1–PL7 in package-info. */
@Stateless
@RolesAllowed(Permission.BILLING_ROLE)
public class PaymentLinkService {

    private static final Logger LOG = Logger.getLogger(PaymentLinkService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    @Inject
    LinkIssuer issuer;

    @Inject
    PaymentsConfig payments;

    @Inject
    Mailer mailer;

    /** What the send dialog needs; refuses exactly as {@link #send} would, except for the recipient. */
    public SendOptions sendOptions(long invoiceId) {
        Staff staff = caller.requiring(Permission.BILLING);
        requireEnrolled(staff);
        Invoice invoice = invoiceOf(staff, invoiceId, false);
        requirePayable(invoice);
        List<RecipientOption> options = Recipients.of(invoice.client());
        if (options.isEmpty()) {
            throw new PaymentLinkRefused(Reason.NO_RECIPIENT_EMAIL);
        }
        return new SendOptions(invoice.id(), invoice.number(), invoice.balance(), options,
                Recipients.defaultOf(options).map(RecipientOption::key).orElse(null),
                latest(invoice).map(this::state).orElse(null), staff.practice().settings().linkLifetime());
    }

    /**
     * Sends a new link for the invoice to the chosen address ({@code recipientKey} from
     * {@link SendOptions}; blank for the default), revoking the active one if any (PL5). The email goes
     * out after commit (PL7).
     */
    public LinkSent send(long invoiceId, String recipientKey) {
        Staff staff = caller.requiring(Permission.BILLING);
        requireEnrolled(staff);
        Invoice invoice = invoiceOf(staff, invoiceId, true);
        requirePayable(invoice);
        RecipientOption recipient = Recipients.choose(invoice.client(), recipientKey);

        LinkIssuer.Issued issued = issuer.issue(invoice, recipient.recipient(), staff, staff, clock.instant());
        PaymentLink link = issued.link();
        return new LinkSent(link.id(), invoice.id(), EmailAddresses.mask(link.recipientEmail()), link.recipientSource(),
                link.sentAt(), link.expiresAt(), issued.replacedEarlierLink());
    }

    /** Revokes the invoice's active link without sending another. */
    public LinkState revoke(long invoiceId) {
        Staff staff = caller.requiring(Permission.BILLING);
        Invoice invoice = invoiceOf(staff, invoiceId, true);
        Instant now = clock.instant();
        PaymentLink active = issuer.activeLink(invoice).filter(l -> l.isUsableAt(now))
                .orElseThrow(() -> new PaymentLinkRefused(Reason.NO_ACTIVE_LINK, invoice.number()));
        active.revoke(now);
        em.persist(new PaymentLinkAudit(active, PaymentLinkAction.REVOKED, staff.id(), now,
                EmailAddresses.mask(active.recipientEmail())));
        LOG.info(() -> "payment link " + active.id() + " revoked by staff " + staff.id());
        return state(active);
    }

    /** The newest link of the invoice, if it ever had one. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public Optional<LinkState> current(long invoiceId) {
        Staff staff = caller.current();
        return latest(invoiceOf(staff, invoiceId, false)).map(this::state);
    }

    /**
     * For the ledger: the newest link of each of the given invoices of the client (the page of invoices it
     * shows), by invoice id; invoices of other clients are ignored.
     */
    @RolesAllowed(Permission.STAFF_ROLE)
    public Map<Long, LinkState> linkStates(long clientId, Collection<Long> invoiceIds) {
        Client client = scope.find(caller.current(), Client.class, clientId);
        Map<Long, LinkState> states = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return states;
        }
        em.createQuery("""
                        select l from PaymentLink l where l.invoice.client = :c and l.invoice.id in :ids
                        order by l.sentAt, l.id""", PaymentLink.class)
                .setParameter("c", client)
                .setParameter("ids", invoiceIds)
                .getResultStream()
                .forEach(l -> states.put(l.invoice().id(), state(l))); // later links overwrite earlier ones
        return states;
    }

    /** The history of the invoice's links (sent, resent, revoked, paid), oldest first. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public List<AuditRow> auditTrail(long invoiceId) {
        Invoice invoice = invoiceOf(caller.current(), invoiceId, false);
        List<PaymentLinkAudit> lines = em.createQuery(
                        "select a from PaymentLinkAudit a where a.invoiceId = :i order by a.occurredAt, a.id", PaymentLinkAudit.class)
                .setParameter("i", invoice.id())
                .getResultList();
        Map<Long, String> names = new HashMap<>();
        lines.stream().map(PaymentLinkAudit::staffId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> names.put(id, em.find(Staff.class, id).fullName()));
        return lines.stream()
                .map(a -> new AuditRow(a.occurredAt(), a.action(), a.staffId() == null ? null : names.get(a.staffId()),
                        a.recipientSource(), a.maskedRecipient()))
                .toList();
    }

    /**
     * PL2: only a practice enrolled in card processing sends links, and only while this server can take
     * cards (its payment mode is configured): a link nobody can pay is never sent.
     */
    private void requireEnrolled(Staff staff) {
        if (!payments.ready()) {
            throw new PaymentLinkRefused(Reason.CARD_PROCESSING_NOT_CONFIGURED);
        }
        if (!staff.practice().isCardProcessingEnrolled()) {
            throw new PaymentLinkRefused(Reason.PRACTICE_NOT_ENROLLED, staff.practice().name());
        }
    }

    /** PL3: the invoice's own answer (L7), as the reason staff read. */
    private static void requirePayable(Invoice invoice) {
        invoice.notPayable().ifPresent(problem -> {
            throw new PaymentLinkRefused(switch (problem) {
                case VOID -> Reason.INVOICE_VOID;
                case PAID -> Reason.INVOICE_PAID;
                case NO_BALANCE -> Reason.INVOICE_NO_BALANCE;
            }, invoice.number());
        });
    }

    /**
     * The invoice, if it belongs to the caller's practice. With {@code lock}, the row is locked for the
     * rest of the transaction so that concurrent sends for one invoice run one after the other (PL5).
     */
    private Invoice invoiceOf(Staff staff, long invoiceId, boolean lock) {
        return lock ? scope.findLocked(staff, Invoice.class, invoiceId) : scope.find(staff, Invoice.class, invoiceId);
    }

    private Optional<PaymentLink> latest(Invoice invoice) {
        return em.createQuery("select l from PaymentLink l where l.invoice = :i order by l.sentAt desc, l.id desc",
                        PaymentLink.class)
                .setParameter("i", invoice)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private LinkState state(PaymentLink link) {
        PaymentLinkStatus status = link.statusAt(clock.instant());
        // an active link whose email has not gone out yet (the mail server is down, or it is still queued)
        boolean emailPending = status == PaymentLinkStatus.ACTIVE && !mailer.wasSent(PaymentLinkEmail.mailKey(link.id()));
        return new LinkState(link.id(), link.invoice().id(), status, link.sentAt(),
                link.expiresAt(), link.firstViewedAt(), link.lastViewedAt(), link.closedAt(),
                link.recipientSource(), EmailAddresses.mask(link.recipientEmail()), link.sentBy().fullName(), emailPending);
    }
}
