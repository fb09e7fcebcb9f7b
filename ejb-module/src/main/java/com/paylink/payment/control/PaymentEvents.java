package com.paylink.payment.control;

import com.paylink.shared.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

/**
 * Publishes "payment completed" in the payment's own transaction ({@code java:/JmsXA}): the message
 * exists only if the payment commits. Ids only, as text; no serialized objects. No broker duplicate id:
 * ids can repeat after a database restore (or a demo reset) and the broker would silently drop the
 * event; the consumer is idempotent instead.
 */
@Dependent
public class PaymentEvents {

    public static final String PAYMENT_ID = "paymentId";
    public static final String INVOICE_ID = "invoiceId";
    public static final String LINK_ID = "linkId";
    /** What happened; absent on a payment-completed event (the first kind, kept as it was). */
    public static final String EVENT = "paylinkEvent";
    public static final String LINK_LOCKED = "link-locked";
    public static final String CHARGE_REFUNDED = "charge-refunded";
    public static final String DISPUTE_CHANGED = "dispute-changed";
    public static final String BANK_PAYMENT_RETURNED = "bank-payment-returned";
    public static final String MONEY_NOT_APPLIED = "money-not-applied";
    /** The gateway's reference of what could not be applied (with {@link #MONEY_NOT_APPLIED}). */
    public static final String REFERENCE = "reference";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/PaymentCompleted")
    Queue queue;

    public void paymentCompleted(long paymentId, long invoiceId, long linkId) {
        TextMessage message = jms.createTextMessage(String.valueOf(paymentId));
        try {
            message.setLongProperty(PAYMENT_ID, paymentId);
            message.setLongProperty(INVOICE_ID, invoiceId);
            message.setLongProperty(LINK_ID, linkId);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build payment-completed event", e);
        }
        BrokerSends.send(jms, queue, message);
    }

    /** PAY11: a charge the invoice could not take was refunded; the body is the attempt id. */
    public void chargeRefunded(long attemptId) {
        TextMessage message = jms.createTextMessage(String.valueOf(attemptId));
        try {
            message.setStringProperty(EVENT, CHARGE_REFUNDED);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build charge-refunded event", e);
        }
        BrokerSends.send(jms, queue, message);
    }

    /** PAY13: a dispute opened or closed; the body is the ledger's dispute id. */
    public void disputeChanged(long disputeId) {
        TextMessage message = jms.createTextMessage(String.valueOf(disputeId));
        try {
            message.setStringProperty(EVENT, DISPUTE_CHANGED);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build dispute event", e);
        }
        BrokerSends.send(jms, queue, message);
    }

    /**
     * PAY13: a refund made at the gateway could not be kept whole on the ledger (no payment of the charge could take
     * what was left of it); the body is a payment of the charge, the property the gateway's reference.
     */
    public void moneyNotApplied(long paymentId, String reference) {
        TextMessage message = jms.createTextMessage(String.valueOf(paymentId));
        try {
            message.setStringProperty(EVENT, MONEY_NOT_APPLIED);
            message.setStringProperty(REFERENCE, reference);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build money-not-applied event", e);
        }
        BrokerSends.send(jms, queue, message);
    }

    /** PAY18: the bank returned a debit; the body is the attempt id. */
    public void bankPaymentReturned(long attemptId) {
        TextMessage message = jms.createTextMessage(String.valueOf(attemptId));
        try {
            message.setStringProperty(EVENT, BANK_PAYMENT_RETURNED);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build bank-payment-returned event", e);
        }
        BrokerSends.send(jms, queue, message);
    }

    /** PAY10: a link locked after too many declined cards; the body is the link id. */
    public void linkLocked(long linkId) {
        TextMessage message = jms.createTextMessage(String.valueOf(linkId));
        try {
            message.setStringProperty(EVENT, LINK_LOCKED);
            message.setLongProperty(LINK_ID, linkId);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build link-locked event", e);
        }
        BrokerSends.send(jms, queue, message);
    }
}
