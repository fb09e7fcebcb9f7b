package com.paylink.payment.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.mail.boundary.Mailer;
import com.paylink.payment.control.RefundNoticeEmail;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.PaymentAttempt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** PAY11: sends the payer the notice that their charge was refunded, after the refund committed; once. */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
public class RefundNoticeMailService {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    public void deliver(long attemptId) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId);
        if (attempt == null || attempt.status() != AttemptStatus.REFUNDED) {
            throw new IllegalArgumentException("payment attempt " + attemptId + " has no refund to tell of");
        }
        var practice = attempt.link().practice();
        mailer.sendOnce("refund-notice:" + attemptId, RefundNoticeEmail.compose(practice.name(), practice.senderEmail(),
                attempt.link().recipientEmail(), attempt.amount()));
    }
}
