package com.paylink.payment.control;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.boundary.PaymentPostings;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.ledger.entity.Refund;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.shared.Money;
import com.paylink.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PAY12, the database halves of a refund staff ask for, each in its own transaction around the gateway
 * call: find the payment within the caller's practice and its gateway intent, write the refund (the ledger
 * checks the amount), then record what the gateway did, with the payer's refund email requested in the
 * same transaction.
 */
@ApplicationScoped
public class StaffRefunds {

    public static final String MAIL_KIND = "refund";
    public static final String MAIL_REFUND_ID = "refundId";

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @EJB
    PaymentPostings postings;

    @Inject
    MailQueue mailQueue;

    /** The gateway call a refund needs; the key is derived from our refund's id. */
    public record Plan(long refundId, Gateway gateway, String intentReference, Money amount, String idempotencyKey,
                       String account) {

        /** The gateway call this refund needs (GatewayRefundCalls: the one loop). */
        public GatewayRefundCalls.Call call() {
            return new GatewayRefundCalls.Call(gateway, account, intentReference, amount, idempotencyKey, "refund " + refundId);
        }
    }

    /**
     * A payment that can be refunded here, as far as it still can; {@code underWay}: what refunds of it asked for
     * and not yet answered by the gateway hold back (they count against what can be refunded).
     */
    public record Refundable(long paymentId, String invoiceNumber, String receiptNumber, Money paid, Money refundable,
                             Money underWay) {
    }

    /**
     * The payment, for the caller (who must hold Billing) within their practice (else "not found"), if it
     * was taken through a link; empty for cash, checks and the like.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Refundable> refundable(long paymentId) {
        Staff staff = caller.requiring(Permission.BILLING);
        return attemptOf(staff, paymentId).map(a -> {
            Payment payment = em.find(Payment.class, paymentId);
            Money underWay = payment.invoice().refunds().stream()
                    .filter(r -> r.payment().id().equals(payment.id()) && r.status() == RefundStatus.PENDING)
                    .map(Refund::amount).reduce(Money.zero(payment.amount().currency()), Money::plus);
            return new Refundable(payment.id(), payment.invoice().number(), payment.receiptNumber(), payment.amount(),
                    payment.invoice().refundable(payment), underWay);
        });
    }

    /** Writes the refund (PENDING) for the caller, who must hold Billing; the ledger checks the amount. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Plan plan(long paymentId, Money amount, String reason) {
        Staff staff = caller.requiring(Permission.BILLING);
        PaymentAttempt attempt = attemptOf(staff, paymentId)
                .orElseThrow(() -> new IllegalArgumentException("not a link payment"));
        Refund refund = postings.requestRefund(em.find(Payment.class, paymentId), amount, reason, staff.id(), clock.instant());
        return planOf(refund, attempt);
    }

    private static Plan planOf(Refund refund, PaymentAttempt attempt) {
        return new Plan(refund.id(), attempt.gateway(), attempt.gatewayReference(), refund.amount(), refund.gatewayKey(),
                attempt.link().practice().stripeAccountId());
    }

    /**
     * PAY17: refunds staff asked for that the gateway never answered (the request died with its server between
     * writing the refund and recording the answer), asked before {@code before}, oldest first: each with the
     * gateway call it needs, under its own key, so asking again cannot refund twice.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Plan> unanswered(Instant before, int max) {
        return em.createQuery("select r from Refund r where r.status = :pending and r.gatewayReference is null "
                        + "and r.requestedBy is not null and r.requestedAt < :before order by r.id", Refund.class)
                .setParameter("pending", RefundStatus.PENDING)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultStream()
                .flatMap(r -> byPayment(r.payment()).map(a -> planOf(r, a)).stream())
                .toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Money succeeded(long refundId, String gatewayReference) {
        Refund refund = postings.refundSucceeded(refundId, gatewayReference, clock.instant());
        mailQueue.enqueue(MAIL_KIND, Map.of(MAIL_REFUND_ID, String.valueOf(refundId)));
        return refund.invoice().refundable(refund.payment());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long refundId, String why) {
        postings.refundFailed(refundId, why, clock.instant());
    }

    private Optional<PaymentAttempt> attemptOf(Staff staff, long paymentId) {
        Payment payment = em.find(Payment.class, paymentId);
        if (payment == null) {
            throw new NotFoundException("payment", paymentId);
        }
        scope.find(staff, Invoice.class, payment.invoice().id()); // another practice's payment is "not found"
        return byPayment(payment);
    }

    /**
     * The attempt whose charge the payment is (part of): a charge for several invoices was posted as one payment
     * per invoice, all with its gateway reference (PL12), and each of them is refunded on its own.
     */
    private Optional<PaymentAttempt> byPayment(Payment payment) {
        if (payment.gatewayReference() == null) {
            return Optional.empty();
        }
        return em.createQuery("select a from PaymentAttempt a where a.gatewayReference = :r and a.status = :s "
                        + "and a.payment is not null", PaymentAttempt.class)
                .setParameter("r", payment.gatewayReference())
                .setParameter("s", com.paylink.payment.entity.AttemptStatus.SUCCEEDED)
                .getResultStream().findFirst();
    }
}
