package com.paylink.notification.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.payment.control.PaymentEvents;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Reads the payment id from a PaymentCompleted message and calls the boundary. Anything wrong throws:
 * the broker redelivers with a growing delay and, after the configured attempts, moves the message to
 * the dead-letter queue (docs/operations.md says how to inspect and replay it).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/PaymentCompleted"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@RunAs(Permission.SYSTEM_ROLE)
@PermitAll // the broker delivers without a caller; RunAs then gives the calls below the system role
public class PaymentCompletedListener implements MessageListener {

    @EJB
    NotificationService notifications;

    @Override
    public void onMessage(Message message) {
        String event;
        long id;
        try {
            event = message.getStringProperty(PaymentEvents.EVENT);
            id = Long.parseLong(((TextMessage) message).getText().trim());
        } catch (JMSException | RuntimeException e) {
            throw new IllegalArgumentException("not a payment event", e);
        }
        if (PaymentEvents.LINK_LOCKED.equals(event)) {
            notifications.linkLocked(id);
        } else if (PaymentEvents.CHARGE_REFUNDED.equals(event)) {
            notifications.chargeRefunded(id);
        } else if (PaymentEvents.MONEY_NOT_APPLIED.equals(event)) {
            try {
                notifications.moneyNotApplied(id, message.getStringProperty(PaymentEvents.REFERENCE));
            } catch (JMSException e) {
                throw new IllegalArgumentException("not a payment event", e);
            }
        } else if (PaymentEvents.BANK_PAYMENT_RETURNED.equals(event)) {
            notifications.bankPaymentReturned(id);
        } else if (PaymentEvents.DISPUTE_CHANGED.equals(event)) {
            notifications.disputeChanged(id);
        } else {
            notifications.paymentCompleted(id); // the first kind of event carries no property
        }
    }
}
