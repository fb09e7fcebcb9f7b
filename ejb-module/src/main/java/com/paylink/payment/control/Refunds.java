package com.paylink.payment.control;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * PAY11, the database halves of refunding a charge the invoice could not take (it was paid meanwhile):
 * which attempts wait for their refund, and recording one (in the same transaction: the Admins'
 * notification event and the payer's refund notice, sent after commit). The gateway call between them
 * runs outside any transaction, with an idempotency key from the attempt's id, so a retry refunds once.
 */
@ApplicationScoped
public class Refunds {

    public static final String NOTICE_MAIL_KIND = "refund-notice";
    public static final String NOTICE_ATTEMPT_ID = "attemptId";
    private static final Logger LOG = Logger.getLogger(Refunds.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PaymentEvents events;

    @Inject
    MailQueue mailQueue;

    /** A charge to give back: at which gateway, which intent, how much, and the key that makes it once. */
    public record Task(long attemptId, Gateway gateway, String intentReference, Money amount, String idempotencyKey,
                       String account) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Task> waiting(int max) {
        return em.createQuery("select a from PaymentAttempt a where a.status = :s and a.gatewayReference is not null "
                        + "order by a.id", PaymentAttempt.class)
                .setParameter("s", AttemptStatus.NEEDS_REFUND)
                .setMaxResults(max)
                .getResultStream()
                .map(a -> new Task(a.id(), a.gateway(), a.gatewayReference(), a.amount(), "refund-attempt-" + a.id(),
                        a.link().practice().stripeAccountId()))
                .toList();
    }

    /** The gateway refunded the charge: the attempt says so, the Admins and the payer hear of it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refunded(long attemptId, String refundReference) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt.status() != AttemptStatus.NEEDS_REFUND) {
            return; // recorded by a concurrent run
        }
        attempt.refunded(refundReference, clock.instant());
        events.chargeRefunded(attemptId, attempt.invoice().id(), attempt.amount());
        mailQueue.enqueue(NOTICE_MAIL_KIND, Map.of(NOTICE_ATTEMPT_ID, String.valueOf(attemptId)));
        LOG.info(() -> "payment attempt " + attemptId + ": charge the invoice could not take refunded");
    }
}
