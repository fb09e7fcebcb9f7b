package com.paylink.payment.control;

import com.paylink.ledger.boundary.PaymentPostings;
import com.paylink.ledger.entity.Dispute;
import com.paylink.ledger.entity.DisputeStatus;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.payment.control.gateway.GatewayDispute;
import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.ProcessedWebhookEvent;
import com.paylink.shared.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * PAY13: refunds and disputes as Stripe reports them (already re-read from Stripe by id), kept in the
 * ledger in one transaction with the event's id, so each applies once however often, in whatever order or
 * however concurrently it arrives (the webhook, or reconciliation).
 */
@ApplicationScoped
public class StripeMoneyEvents {

    private static final Logger LOG = Logger.getLogger(StripeMoneyEvents.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    PaymentPostings postings;

    @Inject
    PaymentEvents events;

    /**
     * The refunds of one of our payments as Stripe has them now: each applied by its own id (never the
     * charge's cumulative amount), Paylink's own recognised by their key.
     *
     * @return false when the event had been handled before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean refunds(String eventId, String eventType, List<GatewayRefund> refunds) {
        if (!record(eventId, eventType)) {
            return false;
        }
        Instant now = clock.instant();
        for (GatewayRefund refund : refunds) {
            Optional<PaymentAttempt> attempt = attemptOf(refund.intentReference());
            if (attempt.isEmpty() || attempt.get().payment() == null) {
                continue; // not ours, or a charge never posted (refunded by PAY11, kept on the attempt)
            }
            Money amount = Money.ofMinor(refund.amountMinor(), refund.currency() == null
                    ? attempt.get().amount().currency() : refund.currency());
            Long ourId = ours(refund, amount).orElse(null);
            RefundStatus status = status(refund.status());
            for (Part part : partsOf(attempt.get(), ourId, refund.reference(), amount)) {
                postings.gatewayRefund(part.paymentId(), ourId, refund.reference(), part.amount(), status, now);
            }
        }
        return true;
    }

    /**
     * A dispute of one of our payments as Stripe has it now: it flags the invoice, a lost one gives the
     * money back, and the Admins hear of each change.
     *
     * @return false when the event had been handled before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean dispute(String eventId, String eventType, GatewayDispute dispute) {
        if (!record(eventId, eventType)) {
            return false;
        }
        Optional<PaymentAttempt> attempt = attemptOf(dispute.intentReference());
        if (attempt.isEmpty() || attempt.get().payment() == null) {
            LOG.warning(() -> "dispute " + dispute.reference() + " is not about a payment of ours; ignored");
            return true;
        }
        Money amount = Money.ofMinor(dispute.amountMinor(), dispute.currency() == null
                ? attempt.get().amount().currency() : dispute.currency());
        DisputeStatus status = switch (dispute.status()) {
            case OPEN -> DisputeStatus.OPEN;
            case WON -> DisputeStatus.WON;
            case LOST -> DisputeStatus.LOST;
        };
        // a charge for several invoices is disputed as a whole: each invoice is flagged, and a lost dispute reverses
        // each invoice's part of it (newest-allocated first, as Stripe takes a partial dispute from the charge)
        for (Part part : split(postings.paymentsOfCharge(attempt.get().payment()), amount, p -> p.amount())) {
            postings.disputeReported(part.paymentId(), dispute.reference(), part.amount(), status, dispute.reason(),
                    clock.instant()).ifPresent(d -> events.disputeChanged(d.id()));
        }
        return true;
    }

    /** A payment of the charge and its part of a refund or dispute. */
    private record Part(long paymentId, Money amount) {
    }

    /**
     * Where a refund of the attempt's charge is kept: Paylink's own refund on its payment; else the charge's one
     * payment; for a charge for several invoices (PL12, one payment per invoice), the payments it was recorded on
     * before, else the newest-allocated payment that can take it whole, else split across the payments newest first
     * (a refund made in the dashboard of the whole charge gives each invoice its part back). What no payment can take
     * any more is left to staff: logged, and the Admins are told.
     */
    private List<Part> partsOf(PaymentAttempt attempt, Long ourRefundId, String reference, Money amount) {
        if (ourRefundId != null) {
            com.paylink.ledger.entity.Refund ours = em.find(com.paylink.ledger.entity.Refund.class, ourRefundId);
            return List.of(new Part(ours.payment().id(), amount));
        }
        List<com.paylink.ledger.entity.Payment> payments = postings.paymentsOfCharge(attempt.payment());
        if (payments.size() == 1) {
            return List.of(new Part(payments.get(0).id(), amount));
        }
        // reported before (e.g. pending, now succeeded): each part where it was recorded
        List<Part> recorded = new java.util.ArrayList<>();
        for (com.paylink.ledger.entity.Payment p : payments) {
            p.invoice().refunds().stream().filter(r -> r.payment().id().equals(p.id()) && reference.equals(r.gatewayReference()))
                    .findFirst().ifPresent(r -> recorded.add(new Part(p.id(), r.amount())));
        }
        if (!recorded.isEmpty()) {
            return recorded;
        }
        for (int i = payments.size() - 1; i >= 0; i--) {
            com.paylink.ledger.entity.Payment p = payments.get(i);
            if (p.invoice().refundable(p).compareTo(amount) >= 0) {
                return List.of(new Part(p.id(), amount));
            }
        }
        List<Part> parts = split(payments, amount, p -> p.invoice().refundable(p));
        Money placed = parts.stream().map(Part::amount).reduce(Money.zero(amount.currency()), Money::plus);
        if (placed.compareTo(amount) < 0) {
            Money left = amount.minus(placed);
            LOG.severe(() -> "refund " + reference + " of a charge for several invoices: " + left
                    + " fits none of their payments; record it on the ledger by hand");
            events.moneyNotApplied(attempt.payment().id(), reference);
        }
        return parts;
    }

    /** {@code amount} across the payments, newest-allocated first, each taking at most what {@code room} gives it. */
    private static List<Part> split(List<com.paylink.ledger.entity.Payment> payments, Money amount,
                                    java.util.function.Function<com.paylink.ledger.entity.Payment, Money> room) {
        List<Part> parts = new java.util.ArrayList<>();
        Money left = amount;
        for (int i = payments.size() - 1; i >= 0 && left.isPositive(); i--) {
            com.paylink.ledger.entity.Payment p = payments.get(i);
            Money fits = room.apply(p);
            Money part = fits.compareTo(left) >= 0 ? left : fits;
            if (part.isPositive()) {
                parts.add(new Part(p.id(), part));
                left = left.minus(part);
            }
        }
        return parts;
    }

    private boolean record(String eventId, String eventType) {
        if (em.find(ProcessedWebhookEvent.class, eventId) != null) {
            return false;
        }
        em.persist(new ProcessedWebhookEvent(eventId, eventType, clock.instant()));
        em.flush(); // a concurrent copy of the same event fails here and is retried
        return true;
    }

    private Optional<PaymentAttempt> attemptOf(String intentReference) {
        return intentReference == null ? Optional.empty()
                : em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.gatewayReference = :r",
                                PaymentAttempt.class)
                        .setParameter("g", Gateway.STRIPE).setParameter("r", intentReference)
                        .getResultStream().findFirst();
    }

    /** Our refund's id from the key Paylink made it with ({@code refund-<id>[-<random>]}); null for any other. */
    static Long ourRefundId(String key) {
        if (key == null || !key.matches("refund-\\d{1,18}(-[0-9a-f]{32})?")) {
            return null;
        }
        return Long.valueOf(key.split("-")[1]);
    }

    /**
     * Our refund row that the gateway's refund is, or empty: its key names the row exactly, and the refund is of the
     * row's own charge (the payment's intent, hence the practice's own account, through which it was read), for the
     * row's amount, and the row has no other gateway refund recorded. A refund carrying another row's key (say, made
     * by one practice on its own account to name another practice's refund) is none of ours: it is taken for a refund
     * made in the dashboard of its own charge.
     */
    private Optional<Long> ours(GatewayRefund refund, Money amount) {
        Long id = ourRefundId(refund.paylinkKey());
        com.paylink.ledger.entity.Refund row = id == null ? null : em.find(com.paylink.ledger.entity.Refund.class, id);
        if (row == null || !row.gatewayKey().equals(refund.paylinkKey())
                || !java.util.Objects.equals(row.payment().gatewayReference(), refund.intentReference())
                || !row.amount().equals(amount)
                || (row.gatewayReference() != null && !row.gatewayReference().equals(refund.reference()))) {
            if (id != null) {
                LOG.warning(() -> "refund " + refund.reference() + " names Paylink refund " + id + " but is not it; "
                        + "taken for a refund made at the card processor");
            }
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static RefundStatus status(GatewayRefund.Status status) {
        return switch (status) {
            case SUCCEEDED -> RefundStatus.SUCCEEDED;
            case PENDING -> RefundStatus.PENDING;
            case FAILED, CANCELED -> RefundStatus.FAILED;
        };
    }
}
