package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.identity.entity.Permission;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * PL11: takes link reminder requests off the OutboundMail queue and hands them to
 * {@link PaymentLinkMailService}. Failures propagate: the broker redelivers with a delay and, after the
 * configured attempts, moves the request to the dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = MailQueue.KIND + " = '" + LinkIssuer.REMINDER_KIND + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@RunAs(Permission.SYSTEM_ROLE)
@PermitAll // the broker delivers without a caller; RunAs then gives the calls below the system role
public class PaymentLinkReminderListener implements MessageListener {

    @EJB
    PaymentLinkMailService mail;

    @Override
    public void onMessage(Message message) {
        try {
            mail.deliverReminder(Long.parseLong(message.getStringProperty(LinkIssuer.MAIL_LINK_ID)));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable mail request", e);
        }
    }
}
