package com.paylink.ledger.entity;

import com.paylink.practice.entity.Practice;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** L11 on the entity: a client's language is an offered one or none. */
class ClientTest {

    private final Client client = new Client(new Practice("Northside", "billing@northside.example", Instant.EPOCH),
            "Ana", "Ortiz", null, "ana@example.com", null);

    @Test
    void aClientPrefersAnOfferedLanguageOrNone() {
        assertThat(client.preferredLanguage()).as("not chosen until staff choose").isNull();
        client.preferLanguage("es");
        assertThat(client.preferredLanguage()).isEqualTo("es");
        client.preferLanguage(null);
        assertThat(client.preferredLanguage()).isNull();
    }

    @Test
    void aLanguageWithoutBundlesIsRefused_andNothingChanges() {
        client.preferLanguage("es");
        assertThatThrownBy(() -> client.preferLanguage("de")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.preferLanguage("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.preferredLanguage()).isEqualTo("es");
    }
}
