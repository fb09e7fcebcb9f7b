package com.paylink.identity.boundary;

import com.paylink.identity.control.AccessLinks;
import com.paylink.identity.entity.Permission;
import com.paylink.mail.boundary.MailQueue;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** I5: takes invitation and password-reset emails off the OutboundMail queue; failures are redelivered, then dead-lettered. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = MailQueue.KIND + " = '" + AccessLinks.MAIL_KIND + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@RunAs(Permission.SYSTEM_ROLE)
// ADR 0013: the message is taken without a transaction of its own (acknowledged when onMessage returns, returned
// to the queue when it throws), so the mail service's one database transaction is not a two-phase commit
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
@PermitAll // the broker delivers without a caller; RunAs then gives the calls below the system role
public class AccessLinkMailListener implements MessageListener {

    @EJB
    StaffAccessService access;

    @Override
    public void onMessage(Message message) {
        try {
            if (!access.deliver(Long.parseLong(message.getStringProperty(AccessLinks.LINK_ID)))) {
                // not there: the outbox sends a request only after its row committed, so it never will be (a demo reset or
                // a restored database dropped it); taken off the queue, not retried
                java.util.logging.Logger.getLogger(getClass().getName()).info(() -> "an access-link request for something that no longer exists, dropped: " + message);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable access-link request", e);
        }
    }
}
