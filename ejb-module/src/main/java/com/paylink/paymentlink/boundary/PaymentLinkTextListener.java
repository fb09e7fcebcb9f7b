package com.paylink.paymentlink.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.mail.boundary.MailQueue;
import com.paylink.texting.control.Texts;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Issue 23: takes link text requests off the outbound queue (the outbox relays them once the asking transaction
 * committed) and hands them to {@link PaymentLinkTextService}. Like the mail listeners (ADR 0013), without a transaction
 * of its own: the service's short transactions are the whole of its work, and a failure returns the request.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = MailQueue.KIND + " = '" + Texts.REQUEST_KIND + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@RunAs(Permission.SYSTEM_ROLE)
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class PaymentLinkTextListener implements MessageListener {

    @EJB
    PaymentLinkTextService texts;

    @Override
    public void onMessage(Message message) {
        try {
            texts.deliver(Long.parseLong(message.getStringProperty(Texts.TEXT_ID)));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable text request", e);
        }
    }
}
