package com.paylink.ledger.control;

import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** L14: one payment over several invoices, oldest first; a part payment of one invoice is the one-invoice case. */
class AllocationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final Client client = new Client(new Practice("P", "p@example.com", "acct_test_1", NOW), "Ann", "Lee", null,
            "ann@example.com", null);

    private Invoice invoice(String number, LocalDate issuedOn, String amount) {
        Invoice invoice = new Invoice(client, null, number, issuedOn, "USD");
        invoice.addLine("Session", 1, Money.of(amount, "USD"));
        return invoice;
    }

    @Test
    void l11_theOldestInvoiceIsPaidFirst_eachUpToItsBalance() {
        Invoice late = invoice("I-3", LocalDate.of(2026, 11, 20), "40");
        Invoice early = invoice("I-1", LocalDate.of(2026, 10, 1), "100");
        Invoice middle = invoice("I-2", LocalDate.of(2026, 11, 1), "60");
        middle.recordPayment(Money.of("10", "USD"), PaymentMethod.CASH, NOW, "cash");

        assertThat(Allocation.oldestFirst(Money.of("190", "USD"), List.of(late, early, middle)))
                .extracting(p -> p.invoice().number(), p -> p.amount().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("I-1", Money.of("100", "USD").toString()),
                        org.assertj.core.groups.Tuple.tuple("I-2", Money.of("50", "USD").toString()),
                        org.assertj.core.groups.Tuple.tuple("I-3", Money.of("40", "USD").toString()));

        assertThat(Allocation.oldestFirst(Money.of("120", "USD"), List.of(late, early, middle)))
                .as("less than the total: the newest is left open")
                .extracting(p -> p.invoice().number(), p -> p.amount().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("I-1", Money.of("100", "USD").toString()),
                        org.assertj.core.groups.Tuple.tuple("I-2", Money.of("20", "USD").toString()));
    }

    @Test
    void l11_aPartPaymentOfOneInvoiceIsTheOneInvoiceCase_andNeverMoreThanIsOwed() {
        Invoice one = invoice("I-1", LocalDate.of(2026, 10, 1), "100");
        assertThat(Allocation.oldestFirst(Money.of("25", "USD"), List.of(one)))
                .extracting(p -> p.amount()).containsExactly(Money.of("25", "USD"));
        assertThatThrownBy(() -> Allocation.oldestFirst(Money.of("100.01", "USD"), List.of(one)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.oldestFirst(Money.zero("USD"), List.of(one)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void l11_onTheSameDayTheLowerIdGoesFirst() {
        assertThat(Invoice.OLDEST_FIRST.compare(invoice("A", LocalDate.of(2026, 1, 2), "1"),
                invoice("B", LocalDate.of(2026, 1, 1), "1"))).isPositive();
    }
}
