package com.paylink.paymentlink.boundary;

import com.paylink.ledger.entity.BillTo;
import com.paylink.ledger.entity.BillToParty;
import com.paylink.ledger.entity.Client;
import com.paylink.paymentlink.entity.RecipientSource;
import com.paylink.practice.entity.Practice;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PL2: where a link can go, and the default. */
class RecipientsTest {

    private final Practice practice = new Practice("P", "p@example.com", "acct_test_1", Instant.EPOCH);

    private Client client(String email) {
        return new Client(practice, "Ann", "Lee", null, email, null);
    }

    @Test
    void billToComesFirst_thenClientDetails_thenHousehold() {
        Client client = client("ann@example.com");
        client.addHouseholdMember("Mother", "Mae Lee", "mae@example.com");
        client.addHouseholdMember("Father", "Max Lee", null);
        client.billTo(new BillTo(BillToParty.OTHER_PERSON, "Payer Inc", "pay@example.com", null));
        assertThat(Recipients.of(client)).extracting(RecipientOption::source, RecipientOption::email).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RecipientSource.BILL_TO, "pay@example.com"),
                org.assertj.core.groups.Tuple.tuple(RecipientSource.CLIENT_DETAILS, "ann@example.com"),
                org.assertj.core.groups.Tuple.tuple(RecipientSource.HOUSEHOLD, "mae@example.com"));
        assertThat(Recipients.choose(client, null).source()).isEqualTo(RecipientSource.BILL_TO);
        assertThat(Recipients.choose(client, "client").email()).isEqualTo("ann@example.com");
    }

    @Test
    void theFirstHouseholdMemberWithAnEmailIsTheLastResort() {
        Client client = client(null);
        client.addHouseholdMember("Father", "Max Lee", null);
        client.addHouseholdMember("Mother", "Mae Lee", "mae@example.com");
        RecipientOption chosen = Recipients.choose(client, " ");
        assertThat(chosen.source()).isEqualTo(RecipientSource.HOUSEHOLD);
        assertThat(chosen.name()).isEqualTo("Mae Lee");
    }

    @Test
    void noAddressUnknownChoiceAndInvalidAddressAreRefusedEachWithItsReason() {
        assertThatThrownBy(() -> Recipients.choose(client(null), null))
                .isInstanceOfSatisfying(PaymentLinkRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentLinkRefused.Reason.NO_RECIPIENT_EMAIL));
        assertThatThrownBy(() -> Recipients.choose(client("ann@example.com"), "bill-to"))
                .isInstanceOfSatisfying(PaymentLinkRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(PaymentLinkRefused.Reason.UNKNOWN_RECIPIENT));
        assertThatThrownBy(() -> Recipients.choose(client("ann at example"), null))
                .isInstanceOfSatisfying(PaymentLinkRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(PaymentLinkRefused.Reason.INVALID_RECIPIENT_EMAIL);
                    assertThat(e.args()).containsExactly("ann at example", RecipientSource.CLIENT_DETAILS);
                });
    }
}
