package com.paylink.paymentlink.entity;

import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
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
        Practice practice = new Practice("P", "p@example.com", true, SENT);
        Client client = new Client(practice, "Ann", "Lee", null, "ann@example.com", null);
        Invoice invoice = new Invoice(client, null, "I-1", LocalDate.of(2026, 11, 27), "USD");
        invoice.addLine("Session", 1, Money.of("100", "USD"));
        Staff biller = new Staff(practice, "biller", "Bea Biller", null, "hash", false, Set.of());
        return new PaymentLink(invoice, "hash", RecipientSource.CLIENT_DETAILS, "Ann Lee", "ann@example.com", biller,
                SENT, PaymentLink.DEFAULT_LIFETIME);
    }

    @Test
    void worksFor24HoursThenIsExpiredEvenBeforeAnySweep() {
        PaymentLink link = link();
        assertThat(PaymentLink.DEFAULT_LIFETIME).isEqualTo(Duration.ofHours(24));
        assertThat(link.expiresAt()).isEqualTo(SENT.plus(Duration.ofHours(24)));
        assertThat(link.isUsableAt(SENT.plus(Duration.ofHours(24)).minusMillis(1))).isTrue();
        assertThat(link.statusAt(SENT.plus(Duration.ofHours(24)))).isEqualTo(PaymentLinkStatus.EXPIRED);
        assertThat(link.status()).as("stored status untouched until the sweep").isEqualTo(PaymentLinkStatus.ACTIVE);
        assertThatThrownBy(() -> link.markPaid(SENT.plus(Duration.ofHours(25)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void paysOnce() {
        PaymentLink link = link();
        link.markPaid(SENT.plusSeconds(60));
        assertThat(link.status()).isEqualTo(PaymentLinkStatus.PAID);
        assertThatThrownBy(() -> link.markPaid(SENT.plusSeconds(61))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> link.revoke(SENT.plusSeconds(62))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRevokedLinkCannotPay() {
        PaymentLink link = link();
        assertThat(link.isUsableAt(SENT.plusSeconds(10))).isTrue();
        link.revoke(SENT.plusSeconds(10));
        assertThat(link.isUsableAt(SENT.plusSeconds(11))).isFalse();
        assertThatThrownBy(() -> link.markPaid(SENT.plusSeconds(11))).isInstanceOf(IllegalStateException.class);
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
