package com.paylink.shared;

import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;

/** Every message Paylink sends goes through here, so a broker that is out of space is a clear refusal. */
public final class BrokerSends {

    private BrokerSends() {
    }

    /** Sends in the caller's transaction; a full broker becomes {@link StorageFull}, anything else is rethrown. */
    public static void send(JMSContext jms, Destination to, Message message) {
        try {
            jms.createProducer().send(to, message);
        } catch (JMSRuntimeException e) {
            if (isAddressFull(e)) {
                throw new StorageFull();
            }
            throw e;
        }
    }

    /** Whether the broker refused the message because it is full (ActiveMQ Artemis' address-full error). */
    static boolean isAddressFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().equals("ActiveMQAddressFullException")) {
                return true;
            }
        }
        return false;
    }
}
