package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.ledger.entity.Refund;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.shared.Money;

import java.util.Comparator;
import java.util.List;

/** Turns ledger entities into the read models pages show; all figures come from the entities' own rules. */
final class LedgerAssembler {

    /** Ledgers are kept in the practice's currency; the demo and the first customers bill in USD. */
    public static final String DEFAULT_CURRENCY = "USD";

    private LedgerAssembler() {
    }

    public static ClientSummary summary(Client client, List<Invoice> invoices) {
        String[] email = reachableAt(client);
        return new ClientSummary(client.id(), client.sortName(), client.dateOfBirth(), email[0], email[1],
                client.phone(), balance(invoices));
    }

    /** The address staff would reach the client at, and where it is kept (see {@link ClientSummary}). */
    private static String[] reachableAt(Client client) {
        if (hasText(client.email())) {
            return new String[]{client.email(), "client"};
        }
        if (client.billTo() != null && hasText(client.billTo().email())) {
            return new String[]{client.billTo().email(), "billTo"};
        }
        return client.household().stream().filter(m -> hasText(m.email())).findFirst()
                .map(m -> new String[]{m.email(), "household"})
                .orElse(new String[]{null, null});
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public static ClientProfile profile(Client client) {
        return new ClientProfile(client.id(), client.firstName(), client.lastName(), client.dateOfBirth(),
                client.email(), client.phone(),
                client.household().stream()
                        .map(m -> new ClientProfile.Household(m.relationship(), m.name(), m.email())).toList(),
                client.billTo().party(), client.billTo().name(), client.billTo().email(), client.billTo().phone(),
                client.insurance().payerName(), client.insurance().memberId(), client.insurance().groupNumber());
    }

    public static InvoiceRow row(Invoice invoice) {
        Appointment appointment = invoice.appointment();
        return new InvoiceRow(invoice.id(), invoice.number(), invoice.issuedOn(),
                appointment == null ? null : appointment.startsAt(),
                appointment == null ? null : appointment.serviceType(),
                appointment == null ? null : appointment.renderingProvider().fullName(),
                invoice.total(), invoice.amountPaid(), invoice.adjustmentsTotal(), invoice.balance(),
                invoice.status(),
                invoice.isDisputed());
    }

    public static Ledger ledger(Client client, List<Invoice> invoices) {
        List<Invoice> sorted = invoices.stream()
                .sorted(Comparator.comparing(Invoice::issuedOn).thenComparing(Invoice::number).reversed())
                .toList();
        String currency = sorted.isEmpty() ? DEFAULT_CURRENCY : sorted.get(0).currency();
        List<PaymentRow> payments = sorted.stream().flatMap(i -> payments(i).stream())
                .sorted(Comparator.comparing(PaymentRow::receivedAt).reversed()).toList();
        List<RefundRow> refunds = sorted.stream().flatMap(i -> refunds(i).stream())
                .sorted(Comparator.comparing(RefundRow::requestedAt).reversed()).toList();
        List<AdjustmentRow> adjustments = sorted.stream().flatMap(i -> adjustments(i).stream())
                .sorted(Comparator.comparing(AdjustmentRow::createdAt).reversed()).toList();
        List<Invoice> counted = sorted.stream().filter(i -> i.voidedAt() == null).toList();
        Money zero = Money.zero(currency);
        return new Ledger(client.id(), client.fullName(), currency,
                sorted.stream().map(LedgerAssembler::row).toList(), payments, refunds, adjustments,
                counted.stream().map(Invoice::total).reduce(zero, Money::plus),
                counted.stream().map(Invoice::amountPaid).reduce(zero, Money::plus),
                counted.stream().map(Invoice::adjustmentsTotal).reduce(zero, Money::plus),
                balance(invoices));
    }

    public static InvoiceDetails details(Invoice invoice) {
        return new InvoiceDetails(row(invoice), invoice.client().id(), invoice.client().fullName(),
                invoice.lines().stream()
                        .map(l -> new InvoiceDetails.Line(l.description(), l.quantity(), l.unitPrice(), l.total()))
                        .toList(),
                payments(invoice), adjustments(invoice), invoice.voidedAt(), invoice.voidReason());
    }

    /** What the client owes: the balances of invoices that are not void. */
    public static Money balance(List<Invoice> invoices) {
        String currency = invoices.isEmpty() ? DEFAULT_CURRENCY : invoices.get(0).currency();
        return invoices.stream().filter(i -> i.voidedAt() == null).map(Invoice::balance)
                .reduce(Money.zero(currency), Money::plus);
    }

    private static List<PaymentRow> payments(Invoice invoice) {
        return invoice.payments().stream()
                .map(p -> new PaymentRow(p.id(), p.receivedAt(), invoice.id(), invoice.number(), p.amount(),
                        p.method(), p.reference(), p.receiptNumber(), refunded(invoice, p),
                        p.method() == PaymentMethod.CARD && p.gatewayReference() != null
                                ? invoice.refundable(p) : Money.zero(invoice.currency())))
                .toList();
    }

    private static Money refunded(Invoice invoice, Payment payment) {
        return invoice.refunds().stream()
                .filter(r -> r.payment().equals(payment) && r.status() == RefundStatus.SUCCEEDED)
                .map(Refund::amount).reduce(Money.zero(invoice.currency()), Money::plus);
    }

    private static List<RefundRow> refunds(Invoice invoice) {
        return invoice.refunds().stream()
                .map(r -> new RefundRow(r.id(), r.requestedAt(), invoice.id(), invoice.number(),
                        r.payment().receiptNumber(), r.amount(), r.reason(), r.status()))
                .toList();
    }

    private static List<AdjustmentRow> adjustments(Invoice invoice) {
        return invoice.adjustments().stream()
                .map(a -> new AdjustmentRow(a.id(), a.createdAt(), invoice.id(), invoice.number(), a.amount(),
                        a.reason()))
                .toList();
    }
}
