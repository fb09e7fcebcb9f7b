package com.paylink.payment.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.mail.boundary.Mailer;
import com.paylink.payment.control.BankDebitEmail;
import com.paylink.payment.control.BankDebits;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import com.paylink.shared.Languages;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * PAY18: the payer's bank-debit emails, after the change committed, once each: "on its way" when the debit is
 * submitted, and "could not be completed" when the bank returned it and no fresh link could be sent (the fresh link's
 * own email says it otherwise).
 */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
public class BankDebitMailService {

    private static final Logger LOG = Logger.getLogger(BankDebitMailService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    PaylinkConfig config;

    /**
     * @return false when the debit does not exist: the outbox relays a request only after its
     * transaction committed (ADR 0013), so it was removed since (a demo reset, a restored database); the listener drops it
     */
    public boolean deliver(long attemptId) {
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId);
        if (attempt == null || attempt.processingSince() == null) {
            return false;
        }
        PaymentLink link = attempt.link();
        if (!link.hasEmailRecipient()) {
            return true; // a link sent by text only: the payment page says what happens to the debit
        }
        var practice = link.practice();
        Locale language = Languages.resolve(link.invoice().client().preferredLanguage()); // L11
        String numbers = String.join(", ", link.invoiceNumbers());
        if (attempt.status() == AttemptStatus.RETURNED) {
            mailer.sendOnce("bank-returned:" + attemptId, BankDebitEmail.returned(practice.name(), practice.senderEmail(),
                    link.recipientEmail(), attempt.amount(), numbers, attempt.failureCode(), language));
            return true;
        }
        mailer.sendOnce("bank-processing:" + attemptId, BankDebitEmail.processing(practice.name(), practice.senderEmail(),
                link.recipientEmail(), attempt.amount(), numbers, null,
                BankDebits.expectedBy(attempt.processingSince(), config.displayZone()), config.displayZone(), language));
        LOG.info(() -> "bank debit of attempt " + attemptId + ": payer told it is on its way");
        return true;
    }
}
