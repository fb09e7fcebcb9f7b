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
 * Takes payment-link mail requests (the link's email, and its expiry reminder, PL11) off the OutboundMail queue
 * and hands them to
 * {@link PaymentLinkMailService}. Failures propagate: the broker redelivers with a delay and, after the
 * configured attempts, moves the request to the dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = MailQueue.KIND + " in ('" + LinkIssuer.MAIL_KIND + "', '" + LinkIssuer.REMINDER_KIND + "')"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
@RunAs(Permission.SYSTEM_ROLE)
// ADR 0013: the message is taken without a transaction of its own (acknowledged when onMessage returns, returned
// to the queue when it throws), so the mail service's one database transaction is not a two-phase commit
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // the broker delivers without a caller; RunAs then gives the calls below the system role
public class PaymentLinkMailListener implements MessageListener {

    @EJB
    PaymentLinkMailService mail;

    @Override
    public void onMessage(Message message) {
        try {
            long linkId = Long.parseLong(message.getStringProperty(LinkIssuer.MAIL_LINK_ID));
            if (LinkIssuer.REMINDER_KIND.equals(message.getStringProperty(MailQueue.KIND))) {
                mail.deliverReminder(linkId); // PL11
            } else if (!mail.deliver(linkId)) {
                // not there: the outbox sends a request only after its row committed, so it never will be (a demo reset or
                // a restored database dropped it); taken off the queue, not retried
                java.util.logging.Logger.getLogger(getClass().getName()).info(() -> "a payment link request for something that no longer exists, dropped: " + message);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable mail request", e);
        }
    }
}
