package com.paylink.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTest {

    @Test
    void acceptsOrdinaryAddresses() {
        assertThat(EmailAddresses.isValid("jane.doe@example.com")).isTrue();
        assertThat(EmailAddresses.isValid("o'brien+billing@mail.example.co.uk")).isTrue();
    }

    @Test
    void refusesWhatCannotReceiveMail() {
        for (String bad : new String[]{null, "", "jane", "jane@", "@example.com", "jane@example", "jane doe@example.com",
                "jane@@example.com", "jane@example..com", ".jane@example.com", "jane..doe@example.com",
                "jane@-example.com", "jane@example.com\nBcc: x@y.z"}) {
            assertThat(EmailAddresses.isValid(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void masksAllButTheFirstLetterAndTheDomain() {
        assertThat(EmailAddresses.mask("jane.doe@example.com")).isEqualTo("j***@example.com");
        assertThat(EmailAddresses.mask("x@example.com")).isEqualTo("x***@example.com");
        assertThat(EmailAddresses.mask("broken")).isEqualTo("***");
    }
}
