package com.paylink.payment.boundary;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.control.Refunds;
import com.paylink.identity.entity.Permission;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Takes refund-notice requests (PAY11) off the OutboundMail queue; failures are redelivered, then dead-lettered. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = MailQueue.KIND + " = '" + Refunds.NOTICE_MAIL_KIND + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@RunAs(Permission.SYSTEM_ROLE)
@PermitAll // the broker delivers without a caller; RunAs then gives the calls below the system role
public class RefundNoticeMailListener implements MessageListener {

    @EJB
    RefundNoticeMailService notices;

    @Override
    public void onMessage(Message message) {
        try {
            notices.deliver(Long.parseLong(message.getStringProperty(Refunds.NOTICE_ATTEMPT_ID)));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable refund notice request", e);
        }
    }
}
