package com.paylink.payment.control;

import com.paylink.ledger.boundary.PaymentPostings;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.entity.AttemptStatus;
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
    /** PAY18: the payer's email that a bank debit is on its way, or was returned (when no fresh link could be sent). */
    public static final String BANK_DEBIT_MAIL_KIND = "bank-debit";
    public static final String BANK_DEBIT_ATTEMPT_ID = "attemptId";
    private static final Logger LOG = Logger.getLogger(PaymentRecorder.class.getName());

    @EJB
    PaymentPostings postings;

    @EJB
    PayerLinkService links;

    @Inject
    StoredCards storedCards;

    @Inject
    PaymentEvents events;

    @Inject
    MailQueue mailQueue;

    /**
     * What the gateway says of an attempt's intent, applied once (the caller holds the invoice lock): a
     * success is settled (or flagged for a refund when amount or currency differ, PAY3), a decline or a
     * cancel fails the attempt, a bank debit submitted is recorded as processing and one the bank returned as
     * returned (PAY18), anything else leaves it as it is.
     */
    public void apply(PaymentAttempt attempt, GatewayIntent intent, Instant now) {
        if (!attempt.status().isLive()) {
            return;
        }
        boolean debitUnderWay = attempt.status() == AttemptStatus.PROCESSING;
        switch (intent.status()) {
            case SUCCEEDED -> {
                if (intent.amountMinor() != attempt.amount().amountMinor()
                        || !attempt.amount().currency().equals(intent.currency())) {
                    attempt.needsRefund("amount-mismatch", now);
                    LOG.severe(() -> "payment attempt " + attempt.id() + ": the gateway took another amount than asked; flagged for refund");
                } else {
                    settle(attempt, intent.card(), now);
                    storedCards.keep(attempt, intent, now); // PAY19: with the payer's consent, once posted
                }
            }
            case CANCELED -> {
                if (debitUnderWay) {
                    bankReturned(attempt, "canceled", now);
                } else {
                    attempt.failed("canceled", now);
                }
            }
            case REQUIRES_PAYMENT -> {
                if (debitUnderWay) {
                    // PAY18: after processing, Stripe's intent asks for a new payment method: the bank returned the debit
                    bankReturned(attempt, intent.failureCode() == null ? "bank_returned" : intent.failureCode(), now);
                } else if (intent.failureCode() != null) {
                    attempt.failed(intent.failureCode(), now);
                    LOG.info(() -> "payment attempt " + attempt.id() + " declined: " + intent.failureCode());
                }
            }
            case PROCESSING -> {
                if (intent.bankDebit() && !debitUnderWay) {
                    bankDebitStarted(attempt, now);
                }
                // a card's processing is brief: the webhook or the next read settles it
            }
            case REQUIRES_ACTION -> {
                // the payer is authenticating (3-D Secure): the return page or the webhook settles it
            }
        }
    }

    /**
     * PAY18: the payer confirmed a bank debit. Nothing is posted: the attempt and its link say a bank payment is on
     * its way (the link takes nothing else), and the payer is told when to expect it.
     */
    private void bankDebitStarted(PaymentAttempt attempt, Instant now) {
        attempt.processing(now);
        links.bankPaymentStarted(attempt.link(), attempt.amount(), now);
        mailQueue.enqueue(BANK_DEBIT_MAIL_KIND, Map.of(BANK_DEBIT_ATTEMPT_ID, String.valueOf(attempt.id())));
        LOG.info(() -> "payment attempt " + attempt.id() + ": bank debit of " + attempt.amount() + " processing");
    }

    /**
     * PAY18: the bank returned the debit. The invoice was never posted as paid, so it stays open; the link closes, a
     * fresh one goes to the same address (whose email says why), and Billing and the Admins are told. Without a fresh
     * link (the address is gone, the invoice was voided) the payer is told by its own email.
     */
    private void bankReturned(PaymentAttempt attempt, String code, Instant now) {
        attempt.returned(code, now);
        Optional<Long> fresh = links.bankPaymentReturned(attempt.link(), code, now);
        events.bankPaymentReturned(attempt.id(), attempt.invoice().id(), attempt.amount());
        if (fresh.isEmpty()) {
            mailQueue.enqueue(BANK_DEBIT_MAIL_KIND, Map.of(BANK_DEBIT_ATTEMPT_ID, String.valueOf(attempt.id())));
        }
        LOG.warning(() -> "payment attempt " + attempt.id() + ": bank debit returned (" + code + ")"
                + fresh.map(id -> "; fresh link " + id + " sent").orElse("; no fresh link could be sent"));
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
        // who paid, as the payer entered it (a trust or a parent may pay for the client); else whom the link went to
        events.paymentCompleted(first.id(), first.invoice().id(), link.id(),
                attempt.payerName() != null ? attempt.payerName() : link.recipientName());
        mailQueue.enqueue(RECEIPT_MAIL_KIND, Map.of(RECEIPT_PAYMENT_ID, String.valueOf(first.id())));
        LOG.info(() -> "payment " + first.id() + " (" + payments.size() + " invoices) posted through link " + link.id());
        return Optional.of(first);
    }
}
