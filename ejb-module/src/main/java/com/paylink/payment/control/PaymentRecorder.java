package com.paylink.payment.control;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.InvoiceStatus;
import com.paylink.ledger.entity.Payment;
import com.paylink.notification.control.MailQueue;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.paymentlink.control.EmailAddresses;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Settles a successful charge in the caller's transaction, with the invoice already locked (PAY3): the
 * payment posted to the invoice, the link paid, an audit line, the payment-completed event and the
 * receipt request. Settling an attempt twice does nothing the second time (PAY2).
 */
@Dependent
public class PaymentRecorder {

    public static final String RECEIPT_MAIL_KIND = "receipt";
    public static final String RECEIPT_PAYMENT_ID = "paymentId";
    private static final Logger LOG = Logger.getLogger(PaymentRecorder.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    PaymentEvents events;

    @Inject
    MailQueue mailQueue;

    /** The posted payment, or empty when the money could not be posted and is flagged for a refund. */
    public Optional<Payment> settle(PaymentAttempt attempt, Instant now) {
        if (attempt.isSettled()) {
            return Optional.ofNullable(attempt.payment());
        }
        Invoice invoice = attempt.invoice();
        PaymentLink link = attempt.link();
        if (link.status() == PaymentLinkStatus.PAID || invoice.status() == InvoiceStatus.VOID
                || attempt.amount().compareTo(invoice.balance()) > 0) {
            attempt.needsRefund("invoice-cannot-take-payment", now);
            LOG.severe(() -> "payment attempt " + attempt.id() + " (" + attempt.gateway() + ") was charged but invoice "
                    + invoice.id() + " cannot take it; flagged for refund");
            return Optional.empty();
        }
        Payment payment = invoice.recordCardPayment(attempt.amount(), now, attempt.gatewayReference(),
                ReceiptNumbers.next());
        em.flush();
        link.settleCharge(now);
        attempt.succeeded(payment, now);
        em.persist(new PaymentLinkAudit(link, PaymentLinkAction.PAID, null, now, EmailAddresses.mask(link.recipientEmail())));
        events.paymentCompleted(payment.id(), invoice.id(), link.id());
        mailQueue.enqueue(RECEIPT_MAIL_KIND, Map.of(RECEIPT_PAYMENT_ID, String.valueOf(payment.id())));
        LOG.info(() -> "payment " + payment.id() + " posted to invoice " + invoice.id() + " through link " + link.id());
        return Optional.of(payment);
    }
}
