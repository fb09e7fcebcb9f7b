package com.paylink.notification.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.Dispute;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.notification.control.NotifiedStaff;
import com.paylink.notification.entity.Notification;
import com.paylink.notification.entity.NotificationKind;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Turns "payment completed" into in-app notifications, and serves each staff member's inbox. */
@Stateless
@RolesAllowed(Permission.STAFF_ROLE)
public class NotificationService {

    /** The inbox shows at most this many, newest first. */
    public static final int INBOX_SIZE = 100;
    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    Clock clock;

    @Inject
    Event<InboxChanged> inboxChanged;

    /**
     * N1–N3: notifies the rendering provider (with Billing) and every Admin of the payment's practice,
     * once each, however often the event arrives; N8: with the amount paid and what the invoice still owed
     * right after it. An unknown payment is an error: the message is retried
     * and finally dead-lettered, never dropped.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int paymentCompleted(long paymentId) {
        return paymentCompleted(paymentId, null);
    }

    /** As {@link #paymentCompleted(long)}, naming who paid as the payment side reported it (null: the client). */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int paymentCompleted(long paymentId, String payerName) {
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new IllegalArgumentException("payment " + paymentId + " does not exist");
        }
        Invoice invoice = payment.invoice();
        long practiceId = invoice.practice().id();
        // PL12: one charge for several invoices was posted as one payment per invoice; one notification per
        // person for all of them, with the total and every invoice number
        List<Payment> charge = paymentsOfCharge(payment);
        List<Staff> providers = charge.stream().map(p -> p.invoice().appointment()).filter(java.util.Objects::nonNull)
                .map(Appointment::renderingProvider).toList();
        List<Staff> recipients = NotifiedStaff.of(practiceId, providers, admins(practiceId));
        Money total = charge.stream().map(Payment::amount).reduce(Money.zero(payment.amount().currency()), Money::plus);
        String numbers = String.join(", ", charge.stream().map(p -> p.invoice().number()).toList());
        String invoiceNumbers = numbers.length() > 400 ? numbers.substring(0, 397) + "..." : numbers;
        // N8: what the invoices still owed right after the charge (unknown for payments posted before it was kept)
        Money remaining = charge.stream().allMatch(p -> p.balanceAfter().isPresent())
                ? charge.stream().map(p -> p.balanceAfter().get()).reduce(Money.zero(payment.amount().currency()), Money::plus)
                : null;
        List<Long> alreadyNotified = notifiedFor(Notification.paymentKey(paymentId));
        Instant now = clock.instant();
        List<Staff> told = new ArrayList<>();
        for (Staff recipient : recipients) {
            if (!alreadyNotified.contains(recipient.id())) {
                em.persist(new Notification(recipient, paymentId, invoice.id(), invoice.client().id(),
                        payerName != null ? payerName : payment.invoice().client().fullName(), invoiceNumbers, total,
                        remaining, payment.receivedAt(), now));
                told.add(recipient);
            }
        }
        announce(told);
        LOG.info(() -> "payment " + paymentId + ": " + told.size() + " notifications created");
        return told.size();
    }

    /**
     * N5: a link locked after too many declined cards: every active Admin of its practice hears of it,
     * once each, however often the event arrives.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int linkLocked(long linkId) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null) {
            throw new IllegalArgumentException("payment link " + linkId + " does not exist");
        }
        Invoice invoice = link.invoice();
        Instant now = clock.instant();
        int created = notifyAdmins(NotificationKind.LINK_LOCKED, Notification.linkLockedKey(linkId), invoice,
                invoice.balance(), link.closedAt() == null ? now : link.closedAt());
        int count = created;
        LOG.info(() -> "payment link " + linkId + " locked: " + count + " notifications created");
        return created;
    }

    /**
     * N6: a charge an invoice could not take was refunded to the payer: every active Admin of the practice
     * hears of it, once each.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int chargeRefunded(long attemptId, long invoiceId, Money amount) {
        return notifyAdmins(NotificationKind.CHARGE_REFUNDED, Notification.chargeRefundedKey(attemptId),
                invoice(invoiceId), amount, clock.instant());
    }

    private Invoice invoice(long invoiceId) {
        Invoice invoice = em.find(Invoice.class, invoiceId);
        if (invoice == null) {
            throw new IllegalArgumentException("invoice " + invoiceId + " does not exist");
        }
        return invoice;
    }

    /**
     * N7: a payer's dispute opened, was lost (the money went back to the payer) or was won: every active
     * Admin of the practice hears of each, once.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int disputeChanged(long disputeId) {
        Dispute dispute = em.find(Dispute.class, disputeId);
        if (dispute == null) {
            throw new IllegalArgumentException("dispute " + disputeId + " does not exist");
        }
        NotificationKind kind = switch (dispute.status()) {
            case OPEN -> NotificationKind.DISPUTE_OPENED;
            case LOST -> NotificationKind.DISPUTE_LOST;
            case WON -> NotificationKind.DISPUTE_WON;
        };
        return notifyAdmins(kind, Notification.disputeKey(disputeId, dispute.status().name()), dispute.invoice(),
                dispute.amount(), dispute.closedAt() == null ? dispute.openedAt() : dispute.closedAt());
    }

    /** Every active Admin of the invoice's practice hears of {@code eventKey} once (N5–N7). */
    /**
     * N8: the bank returned a client's bank debit (the invoice is open again, and the client was sent a fresh link
     * where one could be sent): every active Billing staff member and Admin of the practice hears of it, once each.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int bankPaymentReturned(long attemptId, long invoiceId, Money amount) {
        Invoice invoice = invoice(invoiceId);
        List<Staff> billingAndAdmins = em.createQuery("select distinct s from Staff s join s.permissions p "
                        + "where s.practice.id = :practice and p in :perms and s.active = true", Staff.class)
                .setParameter("practice", invoice.practice().id())
                .setParameter("perms", List.of(Permission.ADMIN, Permission.BILLING))
                .getResultList();
        return notify(billingAndAdmins, NotificationKind.BANK_PAYMENT_RETURNED, Notification.bankReturnedKey(attemptId),
                invoice, amount, clock.instant());
    }

    /**
     * N7: a refund made at the card processor that the ledger could not keep whole (PAY13): every active Admin of the
     * practice hears of it once, to record the rest by hand.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
    public int moneyNotApplied(long paymentId, String reference) {
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new IllegalArgumentException("payment " + paymentId + " does not exist");
        }
        return notifyAdmins(NotificationKind.MONEY_NOT_APPLIED, "money-not-applied-" + reference, payment.invoice(),
                payment.amount(), clock.instant());
    }

    /**
     * Issue 23 (T6): a link's text was not sent or not delivered: the staff member who sent the link hears of it (the
     * practice's Admins when no one did, as for a text the client asked for), once, however often the event arrives.
     *
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE)
    public int textFailed(long textId, Long linkId) {
        com.paylink.texting.entity.TextMessage text = em.find(com.paylink.texting.entity.TextMessage.class, textId);
        PaymentLink link = linkId == null ? null : em.find(PaymentLink.class, linkId);
        if (text == null || link == null) {
            return 0; // removed since (a demo reset, a restored database)
        }
        Invoice invoice = link.invoice();
        List<Staff> recipients = text.requestedBy() == null ? admins(invoice.practice().id())
                : em.createQuery("select s from Staff s where s.id = :id and s.active = true", Staff.class)
                        .setParameter("id", text.requestedBy()).getResultList();
        return notify(recipients, NotificationKind.TEXT_FAILED, "text-failed-" + textId, invoice, link.amountDue(),
                text.updatedAt());
    }

    /**
     * PL10 (issue 24): the client asked for a new link on the page of a link that cannot renew on its own (revoked,
     * locked, or with no address to renew it to): the staff member who sent the link (the practice's Admins when no
     * one did, or when that member is no longer active) hears of it, once per request, so a person decides.
     *
     * @param askedAt when the client asked, epoch milliseconds (the event's reference)
     * @return how many notifications were created now
     */
    @RolesAllowed(Permission.SYSTEM_ROLE)
    public int newLinkAsked(long linkId, String askedAt) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null || askedAt == null) {
            return 0; // removed since (a demo reset, a restored database)
        }
        Invoice invoice = link.invoice();
        List<Staff> recipients = link.sentBy() == null || !link.sentBy().isActive() ? admins(invoice.practice().id())
                : List.of(link.sentBy());
        return notify(recipients, NotificationKind.NEW_LINK_ASKED, "new-link-asked-" + linkId + "-" + askedAt, invoice,
                link.amountDue(), Instant.ofEpochMilli(Long.parseLong(askedAt)));
    }

    private int notifyAdmins(NotificationKind kind, String eventKey, Invoice invoice, Money amount, Instant occurredAt) {
        return notify(admins(invoice.practice().id()), kind, eventKey, invoice, amount, occurredAt);
    }

    private int notify(List<Staff> recipients, NotificationKind kind, String eventKey, Invoice invoice, Money amount,
                       Instant occurredAt) {
        List<Long> alreadyNotified = notifiedFor(eventKey);
        Instant now = clock.instant();
        List<Staff> told = new ArrayList<>();
        for (Staff admin : recipients) {
            if (!alreadyNotified.contains(admin.id())) {
                em.persist(new Notification(admin, kind, eventKey, invoice.id(), invoice.client().id(),
                        invoice.client().fullName(), invoice.number(), amount, occurredAt, now));
                told.add(admin);
            }
        }
        announce(told);
        return told.size();
    }

    /** Tells whoever shows inboxes (the staff pages' push channel) each new recipient's unread count. */
    private void announce(List<Staff> told) {
        if (told.isEmpty()) {
            return;
        }
        em.flush();
        Map<String, Long> unread = new LinkedHashMap<>();
        for (Staff staff : told) {
            unread.put(staff.username(), unreadOf(staff.id()));
        }
        inboxChanged.fire(new InboxChanged(unread));
    }

    private long unreadOf(long staffId) {
        return em.createQuery("select count(n) from Notification n where n.recipient.id = :me and n.readAt is null", Long.class)
                .setParameter("me", staffId)
                .getSingleResult();
    }

    /** The payments one card charge was posted as (one per invoice, PL12), first (oldest) first; else just this one. */
    private List<Payment> paymentsOfCharge(Payment payment) {
        if (payment.gatewayReference() == null) {
            return List.of(payment);
        }
        return em.createQuery("select p from Payment p where p.gatewayReference = :r order by p.id", Payment.class)
                .setParameter("r", payment.gatewayReference()).getResultList();
    }

    private List<Long> notifiedFor(String eventKey) {
        return em.createQuery("select n.recipient.id from Notification n where n.eventKey = :k", Long.class)
                .setParameter("k", eventKey).getResultList();
    }

    private List<Staff> admins(long practiceId) {
        return em.createQuery("select s from Staff s join s.permissions p "
                        + "where s.practice.id = :practice and p = :admin and s.active = true", Staff.class)
                .setParameter("practice", practiceId)
                .setParameter("admin", Permission.ADMIN)
                .getResultList();
    }

    public long unreadCount() {
        return unreadOf(caller.current().id());
    }

    /** The caller's notifications, newest first. */
    public List<NotificationRow> inbox() {
        return em.createQuery("select n from Notification n where n.recipient.id = :me order by n.occurredAt desc, n.id desc",
                        Notification.class)
                .setParameter("me", caller.current().id())
                .setMaxResults(INBOX_SIZE)
                .getResultStream()
                .map(n -> new NotificationRow(n.id(), n.kind(), n.invoiceId(), n.clientId(), n.clientName(), n.invoiceNumber(),
                        n.amount(), n.remaining(), n.occurredAt(), n.readAt() != null))
                .toList();
    }

    /** Marks one of the caller's own notifications read; someone else's is left alone. */
    public void markRead(long notificationId) {
        Notification n = em.find(Notification.class, notificationId);
        if (n != null && n.recipient().id().equals(caller.current().id())) {
            n.markRead(clock.instant());
        }
    }

    public int markAllRead() {
        return em.createQuery("update Notification n set n.readAt = :now where n.recipient.id = :me and n.readAt is null")
                .setParameter("now", clock.instant())
                .setParameter("me", caller.current().id())
                .executeUpdate();
    }
}
