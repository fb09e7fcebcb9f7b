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
            Long ourId = ourRefundId(refund.paylinkKey());
            Money amount = Money.ofMinor(refund.amountMinor(), refund.currency() == null
                    ? attempt.get().amount().currency() : refund.currency());
            Optional<Long> paymentId = paymentOf(attempt.get(), ourId, refund.reference(), amount);
            if (paymentId.isEmpty()) {
                LOG.severe(() -> "refund " + refund.reference() + " of a charge for several invoices fits none of their "
                        + "payments whole; record it on the ledger by hand");
                continue;
            }
            postings.gatewayRefund(paymentId.get(), ourId, refund.reference(), amount, status(refund.status()), now);
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
        Optional<Dispute> changed = postings.disputeReported(attempt.get().payment().id(), dispute.reference(),
                Money.ofMinor(dispute.amountMinor(), dispute.currency() == null
                        ? attempt.get().amount().currency() : dispute.currency()),
                switch (dispute.status()) {
                    case OPEN -> DisputeStatus.OPEN;
                    case WON -> DisputeStatus.WON;
                    case LOST -> DisputeStatus.LOST;
                }, dispute.reason(), clock.instant());
        changed.ifPresent(d -> events.disputeChanged(d.id()));
        return true;
    }

    /**
     * Which payment a refund of the attempt's charge belongs to: Paylink's own refund's payment; else the charge's
     * one payment; for a charge for several invoices (PL12, one payment per invoice), the payment it was recorded
     * on before, else the newest-allocated payment that can take it whole (a refund made elsewhere that fits none
     * is left to staff, and logged).
     */
    private Optional<Long> paymentOf(PaymentAttempt attempt, Long ourRefundId, String reference, Money amount) {
        if (ourRefundId != null) {
            com.paylink.ledger.entity.Refund ours = em.find(com.paylink.ledger.entity.Refund.class, ourRefundId);
            if (ours != null) {
                return Optional.of(ours.payment().id());
            }
        }
        List<com.paylink.ledger.entity.Payment> payments = postings.paymentsOfCharge(attempt.payment());
        if (payments.size() == 1) {
            return Optional.of(payments.get(0).id());
        }
        // reported before (e.g. pending, now succeeded): the payment it was recorded on
        for (com.paylink.ledger.entity.Payment p : payments) {
            if (p.invoice().refunds().stream().anyMatch(r -> r.payment().equals(p) && reference.equals(r.gatewayReference()))) {
                return Optional.of(p.id());
            }
        }
        for (int i = payments.size() - 1; i >= 0; i--) {
            com.paylink.ledger.entity.Payment p = payments.get(i);
            if (p.invoice().refundable(p).compareTo(amount) >= 0) {
                return Optional.of(p.id());
            }
        }
        return Optional.empty();
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

    /** Our refund's id from the key Paylink made it with ({@code refund-<id>}); null for any other. */
    static Long ourRefundId(String key) {
        if (key == null || !key.matches("refund-\\d+")) {
            return null;
        }
        return Long.valueOf(key.substring("refund-".length()));
    }

    private static RefundStatus status(GatewayRefund.Status status) {
        return switch (status) {
            case SUCCEEDED -> RefundStatus.SUCCEEDED;
            case PENDING -> RefundStatus.PENDING;
            case FAILED, CANCELED -> RefundStatus.FAILED;
        };
    }
}
