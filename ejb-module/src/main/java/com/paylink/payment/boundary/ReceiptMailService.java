package com.paylink.payment.boundary;

import com.paylink.ledger.entity.Payment;
import com.paylink.mail.boundary.Mailer;
import com.paylink.payment.control.ReceiptEmail;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.platform.PaylinkConfig;
import com.paylink.identity.entity.Permission;
import com.paylink.shared.Languages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Sends the payer's receipt after the payment committed; once per payment. */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
public class ReceiptMailService {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    PaylinkConfig config;

    public void deliver(long paymentId) {
        PaymentAttempt attempt = em.createQuery("select a from PaymentAttempt a where a.payment.id = :p", PaymentAttempt.class)
                .setParameter("p", paymentId)
                .getResultStream().findFirst().orElse(null);
        if (attempt == null) {
            return; // not a link payment: nothing to send
        }
        Payment payment = attempt.payment();
        var practice = attempt.link().practice();
        mailer.sendOnce("receipt:" + paymentId, ReceiptEmail.compose(practice.name(), practice.senderEmail(),
                attempt.link().recipientEmail(), payment.amount(), payment.receivedAt(), payment.receiptNumber(),
                config.displayZone(), Languages.resolve(attempt.link().invoice().client().preferredLanguage()))); // L11
    }
}
