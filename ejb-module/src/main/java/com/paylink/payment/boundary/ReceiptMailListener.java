package com.paylink.payment.boundary;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.payment.control.PaymentRecorder;
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
public class ReceiptMailListener implements MessageListener {

    @EJB
    ReceiptMailService receipts;

    @Override
    public void onMessage(Message message) {
        try {
            receipts.deliver(Long.parseLong(message.getStringProperty(PaymentRecorder.RECEIPT_PAYMENT_ID)));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable receipt request", e);
        }
    }
}
