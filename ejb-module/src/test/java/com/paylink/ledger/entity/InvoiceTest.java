package com.paylink.ledger.entity;

import com.paylink.identity.entity.Staff;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rules L1–L5 and L13 of the ledger package. */
class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    private final Practice practice = new Practice("Test Practice", "billing@test.example", "acct_test_1", NOW);
    private final Client client = new Client(practice, "Jo", "Doe", null, "jo@example.com", null);

    private Invoice invoice(String amount) {
        Invoice invoice = new Invoice(client, null, "T-1", LocalDate.of(2026, 11, 20), "USD");
        invoice.addLine("Session", 1, usd(amount));
        return invoice;
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void l1_balanceIsTotalMinusPaymentsMinusAdjustments() {
        Invoice invoice = new Invoice(client, null, "T-1", LocalDate.of(2026, 11, 20), "USD");
        invoice.addLine("Session", 2, usd("100.00"));
        invoice.addLine("Report", 1, usd("25.50"));
        invoice.recordPayment(usd("60.00"), PaymentMethod.CASH, NOW, null);
        invoice.adjust(usd("15.25"), "Discount", NOW);
        assertThat(invoice.total()).isEqualTo(usd("225.50"));
        assertThat(invoice.amountPaid()).isEqualTo(usd("60.00"));
        assertThat(invoice.adjustmentsTotal()).isEqualTo(usd("15.25"));
        assertThat(invoice.balance()).isEqualTo(usd("150.25"));
    }

    @Test
    void l2_paymentsArePositiveAndNeverExceedTheBalance() {
        Invoice invoice = invoice("100.00");
        assertThatThrownBy(() -> invoice.recordPayment(usd("0.00"), PaymentMethod.CARD, NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice.recordPayment(usd("100.01"), PaymentMethod.CARD, NOW, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds the balance");
        assertThatThrownBy(() -> invoice.recordPayment(Money.of("10", "EUR"), PaymentMethod.CARD, NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(invoice.payments()).isEmpty();
    }

    @Test
    void l13_eachPaymentKeepsWhatTheInvoiceStillOwedRightAfterIt() {
        Invoice invoice = invoice("150.00");
        Payment partial = invoice.recordCardPayment(usd("50.00"), NOW, "pi_1", "R-1", true, null);
        assertThat(partial.balanceAfter()).contains(usd("100.00"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.isPayable()).as("the rest can still be paid").isTrue();
        Payment rest = invoice.recordCardPayment(usd("100.00"), NOW, "pi_2", "R-2", true, null);
        assertThat(rest.balanceAfter()).contains(usd("0.00"));
        assertThat(partial.balanceAfter()).as("a later payment changes no earlier one").contains(usd("100.00"));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void l3_adjustmentsNeedAReasonAndStopAtZero() {
        Invoice invoice = invoice("100.00");
        assertThatThrownBy(() -> invoice.adjust(usd("10.00"), " ", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoice.adjust(usd("100.01"), "Write-off", NOW)).isInstanceOf(IllegalArgumentException.class);
        invoice.adjust(usd("100.00"), "Write-off", NOW);
        assertThat(invoice.balance().isZero()).isTrue();
    }

    @Test
    void l4_onlyUnpaidInvoicesCanBeVoided_andVoidTakesNothing() {
        Invoice paid = invoice("100.00");
        paid.recordPayment(usd("10.00"), PaymentMethod.CASH, NOW, null);
        assertThatThrownBy(() -> paid.voidInvoice("mistake", NOW)).isInstanceOf(IllegalStateException.class);

        Invoice voided = invoice("100.00");
        voided.voidInvoice("duplicate", NOW);
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThatThrownBy(() -> voided.recordPayment(usd("10.00"), PaymentMethod.CASH, NOW, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void l5_statusFollowsTheFigures() {
        Invoice invoice = invoice("100.00");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
        invoice.recordPayment(usd("40.00"), PaymentMethod.CARD, NOW, null);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        invoice.recordPayment(usd("60.00"), PaymentMethod.CARD, NOW, null);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.status().isUnpaid()).isFalse();
    }

    @Test
    void linesAreFrozenOnceSomethingIsPosted() {
        Invoice invoice = invoice("100.00");
        invoice.recordPayment(usd("10.00"), PaymentMethod.CASH, NOW, null);
        assertThatThrownBy(() -> invoice.addLine("Extra", 1, usd("5.00"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAppointmentMustBeRenderedByAProviderOfTheSamePractice() {
        Staff frontDesk = new Staff(practice, "fd", "Front Desk", null, "x", false, Set.of());
        assertThatThrownBy(() -> new Appointment(client, NOW, "Therapy", frontDesk))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void l7_oneAnswerToCanThisInvoiceTakeAPayment() {
        Invoice open = invoice("100.00");
        assertThat(open.notPayable()).isEmpty();
        open.recordPayment(usd("40.00"), PaymentMethod.CASH, NOW, null);
        assertThat(open.notPayable()).as("partially paid still takes payments").isEmpty();
        open.recordPayment(usd("60.00"), PaymentMethod.CASH, NOW, null);
        assertThat(open.notPayable()).contains(NotPayable.PAID);

        Invoice writtenOff = invoice("100.00");
        writtenOff.adjust(usd("100.00"), "Write-off", NOW);
        assertThat(writtenOff.notPayable()).contains(NotPayable.NO_BALANCE);

        Invoice voided = invoice("100.00");
        voided.voidInvoice("duplicate", NOW);
        assertThat(voided.notPayable()).contains(NotPayable.VOID);
        assertThat(voided.isPayable()).isFalse();
    }
}
