package com.paylink.paymentlink.entity;

import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PL3, PL4: expiry is checked on use; a link pays once. */
class PaymentLinkTest {

    private static final Instant SENT = Instant.parse("2026-11-27T10:00:00Z");

    private PaymentLink link() {
        Practice practice = new Practice("P", "p@example.com", "acct_test_1", SENT);
        Client client = new Client(practice, "Ann", "Lee", null, "ann@example.com", null);
        Invoice invoice = new Invoice(client, null, "I-1", LocalDate.of(2026, 11, 27), "USD");
        invoice.addLine("Session", 1, Money.of("100", "USD"));
        Staff biller = new Staff(practice, "biller", "Bea Biller", null, "hash", false, Set.of());
        return new PaymentLink(invoice, RecipientSource.CLIENT_DETAILS, "Ann Lee", "ann@example.com", biller,
                SENT, com.paylink.practice.entity.PracticeSettings.defaults().linkLifetime());
    }

    @Test
    void worksFor24HoursThenIsExpiredEvenBeforeAnySweep() {
        PaymentLink link = link();
        assertThat(com.paylink.practice.entity.PracticeSettings.defaults().linkLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(link.expiresAt()).isEqualTo(SENT.plus(Duration.ofHours(24)));
        assertThat(link.isUsableAt(SENT.plus(Duration.ofHours(24)).minusMillis(1))).isTrue();
        assertThat(link.statusAt(SENT.plus(Duration.ofHours(24)))).isEqualTo(PaymentLinkStatus.EXPIRED);
        assertThat(link.status()).as("stored status untouched until the sweep").isEqualTo(PaymentLinkStatus.ACTIVE);
        assertThat(link.unusableAt(SENT.plus(Duration.ofHours(24)).minusMillis(1))).isEmpty();
        assertThat(link.unusableAt(SENT.plus(Duration.ofHours(24)))).contains(LinkUnusable.CLOSED);
    }

    @Test
    void pl4_settlesOnce() {
        PaymentLink link = link();
        link.settleCharge(SENT.plusSeconds(60));
        assertThat(link.status()).isEqualTo(PaymentLinkStatus.PAID);
        assertThat(link.unusableAt(SENT.plusSeconds(61))).contains(LinkUnusable.PAID);
        assertThatThrownBy(() -> link.settleCharge(SENT.plusSeconds(61))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> link.revoke(SENT.plusSeconds(62))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRevokedLinkTakesNoPayment() {
        PaymentLink link = link();
        assertThat(link.unusableAt(SENT.plusSeconds(10))).isEmpty();
        link.revoke(SENT.plusSeconds(10));
        assertThat(link.isUsableAt(SENT.plusSeconds(11))).isFalse();
        assertThat(link.unusableAt(SENT.plusSeconds(11))).contains(LinkUnusable.CLOSED);
    }

    @Test
    void aLinkToAnInvoicePaidOtherwiseReadsPaid_aVoidOneNothingDue() {
        PaymentLink paidElsewhere = link();
        paidElsewhere.invoice().recordPayment(Money.of("100", "USD"), PaymentMethod.CASH, SENT.plusSeconds(5), "cash");
        assertThat(paidElsewhere.unusableAt(SENT.plusSeconds(6))).contains(LinkUnusable.PAID);
        assertThat(paidElsewhere.unusableAt(SENT.plus(Duration.ofHours(30)))).as("paid wins over expired")
                .contains(LinkUnusable.PAID);

        PaymentLink voided = link();
        voided.invoice().voidInvoice("entered twice", SENT.plusSeconds(5));
        assertThat(voided.unusableAt(SENT.plusSeconds(6))).contains(LinkUnusable.NOTHING_DUE);
    }

    @Test
    void theSweepMarksOnlyLinksWhoseTimeHasCome() {
        PaymentLink link = link();
        assertThat(link.expireIfDue(SENT.plus(Duration.ofHours(23)))).isFalse();
        assertThat(link.expireIfDue(SENT.plus(Duration.ofHours(24)))).isTrue();
        assertThat(link.status()).isEqualTo(PaymentLinkStatus.EXPIRED);
        assertThat(link.expireIfDue(SENT.plus(Duration.ofHours(48)))).as("twice does no harm").isFalse();
    }
}
