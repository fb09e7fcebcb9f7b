package com.paylink.ledger.boundary;

import com.paylink.ledger.control.Allocation;
import com.paylink.ledger.control.ReceiptNumbers;
import com.paylink.ledger.entity.Dispute;
import com.paylink.ledger.entity.DisputeStatus;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.ledger.entity.Refund;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.shared.CardSummary;
import com.paylink.shared.Money;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posts money a card gateway took to the ledger, inside the caller's transaction (MANDATORY: only another
 * boundary, which has checked who may pay, calls it; never the web tier). The ledger owns its tables.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PaymentPostings {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /**
     * L9: a refund of a payment, written PENDING with the invoice locked (so two refunds of one payment
     * cannot both pass the "no more than is left" rule); the caller asks the gateway after commit.
     */
    public Refund requestRefund(Payment payment, Money amount, String reason, Long staffId, Instant at) {
        Invoice invoice = em.find(Invoice.class, payment.invoice().id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(invoice);
        Refund refund = invoice.requestRefund(em.find(Payment.class, payment.id()), amount, reason, staffId, at);
        em.flush();
        return refund;
    }

    /** The gateway gave the money back: the invoice's balance rises by it. */
    public Refund refundSucceeded(long refundId, String gatewayReference, Instant at) {
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        refund.succeeded(gatewayReference, at);
        return refund;
    }

    /** L9: what the gateway says of a refund of a payment (Paylink's own, or one made elsewhere). */
    public boolean gatewayRefund(long paymentId, Long ourRefundId, String reference, Money amount, RefundStatus status,
                                 Instant at) {
        Payment payment = em.find(Payment.class, paymentId);
        Invoice invoice = em.find(Invoice.class, payment.invoice().id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(invoice);
        boolean changed = invoice.gatewayRefund(payment, ourRefundId, reference, amount, status, at);
        em.flush();
        return changed;
    }

    /** L10: what the gateway says of a dispute of a payment; its new status when it changed. */
    public Optional<Dispute> disputeReported(long paymentId, String reference, Money amount, DisputeStatus status,
                                             String reason, Instant at) {
        Payment payment = em.find(Payment.class, paymentId);
        Invoice invoice = em.find(Invoice.class, payment.invoice().id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(invoice);
        Optional<DisputeStatus> changed = invoice.disputeReported(payment, reference, amount, status, reason, at);
        em.flush();
        return changed.flatMap(c -> invoice.disputes().stream().filter(d -> d.gatewayReference().equals(reference)).findFirst());
    }

    /** The gateway refused the refund: nothing changes but the refund's record. */
    public void refundFailed(long refundId, String why, Instant at) {
        em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE).failed(why, at);
    }

    /**
     * L2: a card payment on {@code invoice} (which the caller has locked) with a new receipt number; its
     * gateway reference is unique, so one intent posts once. Throws when the invoice cannot take it. A
     * sandbox payment is recorded as such; {@code card} is what the gateway reported of the card (L12), or null.
     */
    public Payment postCardPayment(Invoice invoice, Money amount, Instant at, String gatewayReference, boolean sandbox,
                                   CardSummary card) {
        return postCardPayment(List.of(invoice), amount, at, gatewayReference, sandbox, card).get(0);
    }

    /**
     * L8, L14: one card charge for one or more invoices (all locked by the caller), allocated oldest first
     * ({@link Allocation}): one payment row per invoice that takes a part, each with the charge's gateway
     * reference, the card the gateway reported (L12) and one receipt number for them all, in allocation order.
     * Throws when the invoices cannot take it.
     */
    public List<Payment> postCardPayment(List<Invoice> invoices, Money amount, Instant at, String gatewayReference,
                                         boolean sandbox, CardSummary card) {
        String receipt = ReceiptNumbers.next();
        List<Payment> posted = new ArrayList<>();
        for (Allocation.Part part : Allocation.oldestFirst(amount, invoices)) {
            posted.add(part.invoice().recordCardPayment(part.amount(), at, gatewayReference, receipt, sandbox, card));
        }
        em.flush();
        return posted;
    }

    /** The payments one card charge was posted as (one per invoice), in allocation order. */
    public List<Payment> paymentsOfCharge(Payment anyOfThem) {
        if (anyOfThem.gatewayReference() == null) {
            return List.of(anyOfThem);
        }
        return em.createQuery("select p from Payment p where p.gatewayReference = :r order by p.id", Payment.class)
                .setParameter("r", anyOfThem.gatewayReference())
                .getResultList();
    }
}
