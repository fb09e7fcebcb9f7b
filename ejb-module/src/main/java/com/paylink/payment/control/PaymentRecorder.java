package com.paylink.payment.control;

import com.paylink.ledger.boundary.PaymentPostings;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.shared.CardSummary;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Settles a successful charge in the caller's transaction, with the invoice already locked (PAY3): the
 * ledger posts the payment, the link capability marks its link paid and audits it, and this publishes the
 * payment-completed event and the receipt request. Settling an attempt twice does nothing the second
 * time (PAY2).
 */
@Dependent
public class PaymentRecorder {

    public static final String RECEIPT_MAIL_KIND = "receipt";
    public static final String RECEIPT_PAYMENT_ID = "paymentId";
    private static final Logger LOG = Logger.getLogger(PaymentRecorder.class.getName());

    @EJB
    PaymentPostings postings;

    @EJB
    PayerLinkService links;

    @Inject
    PaymentEvents events;

    @Inject
    MailQueue mailQueue;

    /**
     * What the gateway says of an attempt's intent, applied once (the caller holds the invoice lock): a
     * success is settled (or flagged for a refund when amount or currency differ, PAY3), a decline or a
     * cancel fails the attempt, anything else leaves it pending.
     */
    public void apply(PaymentAttempt attempt, GatewayIntent intent, Instant now) {
        if (!attempt.status().isOpen()) {
            return;
        }
        switch (intent.status()) {
            case SUCCEEDED -> {
                if (intent.amountMinor() != attempt.amount().amountMinor()
                        || !attempt.amount().currency().equals(intent.currency())) {
                    attempt.needsRefund("amount-mismatch", now);
                    LOG.severe(() -> "payment attempt " + attempt.id() + ": the gateway took another amount than asked; flagged for refund");
                } else {
                    settle(attempt, intent.card(), now);
                }
            }
            case CANCELED -> attempt.failed("canceled", now);
            case REQUIRES_PAYMENT -> {
                if (intent.failureCode() != null) {
                    attempt.failed(intent.failureCode(), now);
                    LOG.info(() -> "payment attempt " + attempt.id() + " declined: " + intent.failureCode());
                }
            }
            case PROCESSING -> {
                // the bank decides later; the webhook or the next read settles it
            }
        }
    }

    /**
     * The posted payment (for a link for several invoices, the first of the payments the charge was posted as,
     * one per invoice, oldest first: PL12, L14), or empty when the money could not be posted and is flagged for a
     * refund. The caller holds the locks of all the link's invoices. {@code card} is the brand and last four digits
     * the gateway reported (null when it did not), kept for the receipt.
     */
    public Optional<Payment> settle(PaymentAttempt attempt, CardSummary card, Instant now) {
        if (attempt.isSettled()) {
            return Optional.ofNullable(attempt.payment());
        }
        PaymentLink link = attempt.link();
        List<Invoice> invoices = link.invoices();
        Money due = invoices.stream().filter(Invoice::isPayable).map(Invoice::balance)
                .reduce(Money.zero(attempt.amount().currency()), Money::plus);
        if (link.status() == PaymentLinkStatus.PAID || !invoices.stream().allMatch(Invoice::isPayable)
                || attempt.amount().compareTo(due) > 0) {
            attempt.needsRefund("invoice-cannot-take-payment", now);
            LOG.severe(() -> "payment attempt " + attempt.id() + " (" + attempt.gateway() + ") was charged but invoices "
                    + link.invoiceIdsInLockOrder() + " cannot take it; flagged for refund");
            return Optional.empty();
        }
        List<Payment> payments = postings.postCardPayment(invoices, attempt.amount(), now, attempt.gatewayReference(),
                attempt.gateway() == Gateway.SANDBOX, card);
        Payment first = payments.get(0);
        links.settle(link, now);
        attempt.succeeded(first, now);
        // one event and one receipt for the whole charge, however many invoices it paid
        events.paymentCompleted(first.id(), first.invoice().id(), link.id());
        mailQueue.enqueue(RECEIPT_MAIL_KIND, Map.of(RECEIPT_PAYMENT_ID, String.valueOf(first.id())));
        LOG.info(() -> "payment " + first.id() + " (" + payments.size() + " invoices) posted through link " + link.id());
        return Optional.of(first);
    }
}
