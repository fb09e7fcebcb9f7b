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

    @Test
    void pl11_aLinkForSeveralInvoicesKeepsThemOldestFirst_asksForTheirTotal_andTakesNothingOnceOneChanged() {
        Practice practice = new Practice("P", "p@example.com", "acct_test_1", SENT);
        Client client = new Client(practice, "Ann", "Lee", null, "ann@example.com", null);
        Invoice newest = invoice(client, "I-3", LocalDate.of(2026, 11, 20), "40");
        Invoice oldest = invoice(client, "I-1", LocalDate.of(2026, 10, 1), "100");
        Invoice middle = invoice(client, "I-2", LocalDate.of(2026, 11, 1), "60");
        Staff biller = new Staff(practice, "biller", "Bea Biller", null, "hash", false, Set.of());
        PaymentLink link = new PaymentLink(java.util.List.of(newest, oldest, middle), RecipientSource.CLIENT_DETAILS,
                "Ann Lee", "ann@example.com", biller, SENT, com.paylink.practice.entity.PracticeSettings.defaults().linkLifetime());

        assertThat(link.invoiceNumbers()).containsExactly("I-1", "I-2", "I-3");
        assertThat(link.invoice()).isSameAs(oldest);
        assertThat(link.coversSeveral()).isTrue();
        assertThat(link.amountDue()).isEqualTo(Money.of("200", "USD"));
        assertThat(link.items()).extracting(LinkInvoice::amountAtSend)
                .containsExactly(Money.of("100", "USD"), Money.of("60", "USD"), Money.of("40", "USD"));
        assertThat(link.unusableAt(SENT.plusSeconds(1))).isEmpty();

        middle.recordPayment(Money.of("60", "USD"), PaymentMethod.CASH, SENT.plusSeconds(5), "cash");
        assertThat(link.unusableAt(SENT.plusSeconds(6))).as("one paid another way: nothing is charged")
                .contains(LinkUnusable.INVOICES_CHANGED);
        oldest.recordPayment(Money.of("100", "USD"), PaymentMethod.CASH, SENT.plusSeconds(7), "cash");
        newest.recordPayment(Money.of("40", "USD"), PaymentMethod.CASH, SENT.plusSeconds(8), "cash");
        assertThat(link.unusableAt(SENT.plusSeconds(9))).as("all paid").contains(LinkUnusable.PAID);
    }

    @Test
    void pl11_aLinkCoversOneClientsInvoices_eachOnce() {
        Practice practice = new Practice("P", "p@example.com", "acct_test_1", SENT);
        Client ann = new Client(practice, "Ann", "Lee", null, "ann@example.com", null);
        Client bob = new Client(practice, "Bob", "Ray", null, "bob@example.com", null);
        Invoice a = invoice(ann, "I-1", LocalDate.of(2026, 10, 1), "100");
        Invoice b = invoice(bob, "I-2", LocalDate.of(2026, 10, 1), "100");
        Staff biller = new Staff(practice, "biller", "Bea Biller", null, "hash", false, Set.of());
        assertThatThrownBy(() -> new PaymentLink(java.util.List.of(a, b), RecipientSource.CLIENT_DETAILS, "Ann Lee",
                "ann@example.com", biller, SENT, com.paylink.practice.entity.PracticeSettings.defaults().linkLifetime())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentLink(java.util.List.of(a, a), RecipientSource.CLIENT_DETAILS, "Ann Lee",
                "ann@example.com", biller, SENT, com.paylink.practice.entity.PracticeSettings.defaults().linkLifetime())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Invoice invoice(Client client, String number, LocalDate issuedOn, String amount) {
        Invoice invoice = new Invoice(client, null, number, issuedOn, "USD");
        invoice.addLine("Session", 1, Money.of(amount, "USD"));
        return invoice;
    }

    @Test
    void pay18_aBankDebitOnItsWayClosesTheLinkToPayments_evenPastExpiry_andSettlesOrIsReturned() {
        PaymentLink link = link();
        Money amount = Money.of("100", "USD");
        link.bankPaymentStarted(amount, SENT.plusSeconds(30));
        assertThat(link.status()).isEqualTo(PaymentLinkStatus.PROCESSING);
        assertThat(link.processingAmount()).contains(amount);
        assertThat(link.unusableAt(SENT.plusSeconds(31))).contains(LinkUnusable.BANK_PAYMENT_PROCESSING);
        Instant daysLater = SENT.plus(Duration.ofDays(4));
        assertThat(link.expireIfDue(daysLater)).as("a link with a debit on its way never expires").isFalse();
        assertThat(link.statusAt(daysLater)).isEqualTo(PaymentLinkStatus.PROCESSING);
        assertThatThrownBy(() -> link.revoke(daysLater)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> link.bankPaymentStarted(amount, daysLater)).isInstanceOf(IllegalStateException.class);

        link.settleCharge(daysLater);
        assertThat(link.status()).isEqualTo(PaymentLinkStatus.PAID);
        assertThat(link.processingAmount()).isEmpty();
    }

    @Test
    void pay18_aReturnedDebitClosesTheLinkForGood_withTheBanksReason() {
        PaymentLink link = link();
        assertThatThrownBy(() -> link.bankPaymentReturned("insufficient_funds", SENT))
                .as("nothing to return before a debit").isInstanceOf(IllegalStateException.class);
        link.bankPaymentStarted(Money.of("40", "USD"), SENT.plusSeconds(30));
        link.bankPaymentReturned("insufficient_funds", SENT.plus(Duration.ofDays(3)));
        assertThat(link.status()).isEqualTo(PaymentLinkStatus.RETURNED);
        assertThat(link.bankReturnCode()).contains("insufficient_funds");
        assertThat(link.bankDebitAmount()).contains(Money.of("40", "USD"));
        assertThat(link.unusableAt(SENT.plus(Duration.ofDays(3)))).contains(LinkUnusable.CLOSED);
    }
}
