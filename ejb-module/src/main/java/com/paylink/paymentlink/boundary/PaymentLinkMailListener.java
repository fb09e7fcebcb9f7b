package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.paymentlink.control.LinkIssuer;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes payment-link mail requests off the OutboundMail queue and hands them to
 * {@link PaymentLinkMailService}. Failures propagate: the broker redelivers with a delay and, after the
 * configured attempts, moves the request to the dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = MailQueue.KIND + " = '" + LinkIssuer.MAIL_KIND + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class PaymentLinkMailListener implements MessageListener {

    @EJB
    PaymentLinkMailService mail;

    @Override
    public void onMessage(Message message) {
        try {
            mail.deliver(Long.parseLong(message.getStringProperty(LinkIssuer.MAIL_LINK_ID)),
                    message.getStringProperty(LinkIssuer.MAIL_TOKEN));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable mail request", e);
        }
    }
}
