package com.paylink.payment.boundary;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.control.PaymentRecorder;
import com.paylink.identity.entity.Permission;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Takes receipt requests off the OutboundMail queue; failures are redelivered, then dead-lettered. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/OutboundMail"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector",
                propertyValue = MailQueue.KIND + " = '" + PaymentRecorder.RECEIPT_MAIL_KIND + "'"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@RunAs(Permission.SYSTEM_ROLE)
@PermitAll // the broker delivers without a caller; RunAs then gives the calls below the system role
public class ReceiptMailListener implements MessageListener {

    @EJB
    ReceiptMailService receipts;

    @jakarta.annotation.Resource
    jakarta.ejb.MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            if (!receipts.deliver(Long.parseLong(message.getStringProperty(PaymentRecorder.RECEIPT_PAYMENT_ID)))) {
                context.setRollbackOnly(); // its transaction is not visible here yet: the broker delivers it again
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable receipt request", e);
        }
    }
}
