package com.paylink.mail.boundary;

import com.paylink.shared.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;

import java.util.Map;

/**
 * Puts a mail request on the OutboundMail queue through {@code java:/JmsXA}, so it joins the caller's
 * transaction: it is delivered only if that transaction commits, and never for a rolled-back one.
 * Listeners select on the {@code kind} property.
 */
@Dependent
public class MailQueue {

    public static final String KIND = "kind";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/OutboundMail")
    Queue queue;

    public void enqueue(String kind, Map<String, String> properties) {
        TextMessage message = jms.createTextMessage(kind);
        try {
            message.setStringProperty(KIND, kind);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException("cannot build mail request", e);
        }
        BrokerSends.send(jms, queue, message);
    }
}
