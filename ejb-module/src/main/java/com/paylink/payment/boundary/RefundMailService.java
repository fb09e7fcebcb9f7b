package com.paylink.payment.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.ledger.entity.Refund;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.mail.boundary.Mailer;
import com.paylink.payment.control.RefundNoticeEmail;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.shared.Languages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;

/** The payer's refund emails, sent after the refund committed, once each; PHI-free. */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
public class RefundMailService {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    /**
     * PAY11: the charge came after the invoice was paid and was refunded.
     *
     * @return false when the refund this request was made for does not exist: the outbox relays a request only after its
     * transaction committed (ADR 0013), so it was removed since (a demo reset, a restored database); the listener drops it
     */
    public boolean deliverNotice(long attemptId) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId);
        if (attempt == null || attempt.status() != AttemptStatus.REFUNDED) {
            return false;
        }
        if (!attempt.link().hasEmailRecipient()) {
            return true; // a link sent by text only: no address to write to (the payer's page said it)
        }
        var practice = attempt.link().practice();
        mailer.sendOnce("refund-notice:" + attemptId, RefundNoticeEmail.unpostable(practice.name(), practice.senderEmail(),
                attempt.link().recipientEmail(), attempt.amount(), language(attempt)));
        return true;
    }

    /**
     * PAY12: the practice refunded (part of) a payment.
     *
     * @return false when the refund is not there or not done (see {@link #deliverNotice}): the listener drops the request
     */
    public boolean deliverRefund(long refundId) {
        Refund refund = em.find(Refund.class, refundId);
        if (refund == null || refund.status() != RefundStatus.SUCCEEDED) {
            return false;
        }
        // the charge's attempt: one charge for several invoices is one payment per invoice, each with its reference (PL12)
        PaymentAttempt attempt = em.createQuery("select a from PaymentAttempt a where a.gatewayReference = :r "
                        + "and a.payment is not null", PaymentAttempt.class)
                .setParameter("r", refund.payment().gatewayReference()).getResultStream().findFirst().orElseThrow();
        if (!attempt.link().hasEmailRecipient()) {
            return true; // a link sent by text only: no address to write to
        }
        var practice = attempt.link().practice();
        mailer.sendOnce("refund:" + refundId, RefundNoticeEmail.refunded(practice.name(), practice.senderEmail(),
                attempt.link().recipientEmail(), refund.amount(), refund.payment().amount(), refund.payment().receiptNumber(),
                language(attempt)));
        return true;
    }

    /** L11: the language of the client whose invoice the link was for. */
    private static Locale language(PaymentAttempt attempt) {
        return Languages.resolve(attempt.link().invoice().client().preferredLanguage());
    }
}
