package com.paylink.shared;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerSendsTest {

    /** Stands in for Artemis' exception of the same simple name, which the broker puts at the root of the chain. */
    static class ActiveMQAddressFullException extends Exception {
        ActiveMQAddressFullException() {
            super("AMQ219058: Address \"jms.queue.OutboundMail\" is full");
        }
    }

    @Test
    void aFullAddressAnywhereInTheChainIsRecognised() {
        JMSException jms = new JMSException("is full");
        jms.initCause(new ActiveMQAddressFullException());
        JMSRuntimeException failure = new JMSRuntimeException("is full", "ADDRESS_FULL", jms);
        assertThat(BrokerSends.isAddressFull(failure)).isTrue();
    }

    @Test
    void otherBrokerFailuresAreNotMistakenForAFullDisk() {
        assertThat(BrokerSends.isAddressFull(new JMSRuntimeException("connection lost", "CONNECTION", new IllegalStateException())))
                .isFalse();
    }

    @Test
    void theRefusalHasItsOwnCode() {
        assertThat(new StorageFull().code()).isEqualTo("storage-full");
    }
}
