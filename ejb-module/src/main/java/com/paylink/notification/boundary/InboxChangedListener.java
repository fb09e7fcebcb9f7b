package com.paylink.notification.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * N9: on every server, the unread counts broadcast by {@link InboxBroadcast} (one subscription per server on the
 * topic) become an {@link InboxPush} for the staff pages open on this server.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/topic/InboxChanged"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class InboxChangedListener implements MessageListener {

    @Inject
    Event<InboxPush> push;

    @Override
    public void onMessage(Message message) {
        try {
            push.fire(new InboxPush(InboxBroadcast.read(((TextMessage) message).getText())));
        } catch (JMSException e) {
            throw new IllegalArgumentException("not unread counts", e);
        }
    }
}
