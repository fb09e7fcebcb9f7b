package com.paylink.notification.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.shared.PaymentEventMessage;
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
        PaymentEventMessage event = PaymentEventMessage.read(message);
        switch (event.kind()) {
            case PAYMENT_COMPLETED -> notifications.paymentCompleted(event.subjectId(), event.payerName());
            case LINK_LOCKED -> notifications.linkLocked(event.subjectId());
            case CHARGE_REFUNDED -> notifications.chargeRefunded(event.subjectId(), event.invoiceId(), event.amount());
            case MONEY_NOT_APPLIED -> notifications.moneyNotApplied(event.subjectId(), event.reference());
            case BANK_PAYMENT_RETURNED -> notifications.bankPaymentReturned(event.subjectId(), event.invoiceId(), event.amount());
            case DISPUTE_CHANGED -> notifications.disputeChanged(event.subjectId());
            case TEXT_FAILED -> notifications.textFailed(event.subjectId(), event.linkId());
            case NEW_LINK_ASKED -> notifications.newLinkAsked(event.subjectId(), event.reference());
        }
    }
}
