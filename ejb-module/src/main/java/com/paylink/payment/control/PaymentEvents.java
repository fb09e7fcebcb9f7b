package com.paylink.payment.control;

import com.paylink.platform.Outbox;
import com.paylink.shared.Money;
import com.paylink.shared.PaymentEventMessage;
import com.paylink.shared.PaymentEventMessage.Kind;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Publishes what the notification side hears of, in the publishing transaction (a row of the outbox, ADR 0013, relayed to the
 * PaymentCompleted queue after the commit): a message exists only if the change that caused it commits. The message is {@link PaymentEventMessage}, the one type both sides
 * share: ids and the few facts the inbox shows, as text; no serialized objects. No broker duplicate id: ids can repeat
 * after a database restore (or a demo reset) and the broker would silently drop the event; the consumer is idempotent
 * instead.
 */
@Dependent
public class PaymentEvents {

    @Inject
    Outbox outbox;

    /** N1: a payment was posted; {@code payerName} is who paid as the payer gave it (or whom the link went to), or null. */
    public void paymentCompleted(long paymentId, long invoiceId, long linkId, String payerName) {
        send(new PaymentEventMessage(Kind.PAYMENT_COMPLETED, paymentId, invoiceId, linkId, null, null, payerName, null));
    }

    /** PAY11: a charge the invoice could not take was refunded. */
    public void chargeRefunded(long attemptId, long invoiceId, Money amount) {
        send(new PaymentEventMessage(Kind.CHARGE_REFUNDED, attemptId, invoiceId, null, amount.amountMinor(),
                amount.currency(), null, null));
    }

    /** PAY13: a dispute opened or closed. */
    public void disputeChanged(long disputeId) {
        send(PaymentEventMessage.of(Kind.DISPUTE_CHANGED, disputeId));
    }

    /** PAY13: a refund made at the gateway could not all be kept on the ledger. */
    public void moneyNotApplied(long paymentId, String reference) {
        send(new PaymentEventMessage(Kind.MONEY_NOT_APPLIED, paymentId, null, null, null, null, null, reference));
    }

    /** PAY18: the bank returned a debit. */
    public void bankPaymentReturned(long attemptId, long invoiceId, Money amount) {
        send(new PaymentEventMessage(Kind.BANK_PAYMENT_RETURNED, attemptId, invoiceId, null, amount.amountMinor(),
                amount.currency(), null, null));
    }

    /** PAY10: a link locked after too many declined cards. */
    public void linkLocked(long linkId) {
        send(new PaymentEventMessage(Kind.LINK_LOCKED, linkId, null, linkId, null, null, null, null));
    }

    private void send(PaymentEventMessage event) {
        outbox.add(Outbox.Destination.PAYMENT_COMPLETED, event.text(), event.properties());
    }
}
