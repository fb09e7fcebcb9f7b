package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.Adjustment;
import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.ledger.entity.Refund;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.shared.Money;

import java.util.List;

/** Turns ledger entities into the read models pages show; all figures come from the entities' own rules. */
final class LedgerAssembler {

    /** Ledgers are kept in the practice's currency; the demo and the first customers bill in USD. */
    public static final String DEFAULT_CURRENCY = "USD";

    private LedgerAssembler() {
    }

    /** A client-list row; {@code balance} is what the client owes (the database sums it, see LedgerQueries). */
    public static ClientSummary summary(Client client, Money balance) {
        String[] email = reachableAt(client);
        return new ClientSummary(client.id(), client.sortName(), client.dateOfBirth(), email[0], email[1],
                client.phone(), balance);
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
                client.insurance().payerName(), client.insurance().memberId(), client.insurance().groupNumber(),
                client.preferredLanguage());
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

    public static InvoiceDetails details(Invoice invoice) {
        return new InvoiceDetails(row(invoice), invoice.client().id(), invoice.client().fullName(),
                invoice.lines().stream()
                        .map(l -> new InvoiceDetails.Line(l.description(), l.quantity(), l.unitPrice(), l.total()))
                        .toList(),
                payments(invoice), adjustments(invoice),
                invoice.refunds().stream().sorted(java.util.Comparator.comparing(Refund::id)).map(LedgerAssembler::refundRow).toList(),
                invoice.voidedAt(), invoice.voidReason());
    }

    private static List<PaymentRow> payments(Invoice invoice) {
        return invoice.payments().stream().map(LedgerAssembler::paymentRow).toList();
    }

    /** A Payments-tab row: what was refunded of it, and what can still be refunded from the ledger (L9). */
    public static PaymentRow paymentRow(Payment p) {
        Invoice invoice = p.invoice();
        return new PaymentRow(p.id(), p.receivedAt(), invoice.id(), invoice.number(), p.amount(),
                p.method(), p.reference(), p.receiptNumber(), refunded(invoice, p),
                p.method() == PaymentMethod.CARD && p.gatewayReference() != null
                        ? invoice.refundable(p) : Money.zero(invoice.currency()));
    }

    private static Money refunded(Invoice invoice, Payment payment) {
        return invoice.refunds().stream()
                .filter(r -> r.payment().id().equals(payment.id()) && r.status() == RefundStatus.SUCCEEDED)
                .map(Refund::amount).reduce(Money.zero(invoice.currency()), Money::plus);
    }

    public static RefundRow refundRow(Refund r) {
        return new RefundRow(r.id(), r.requestedAt(), r.invoice().id(), r.invoice().number(),
                r.payment().receiptNumber(), r.amount(), r.reason(), r.status());
    }

    private static List<AdjustmentRow> adjustments(Invoice invoice) {
        return invoice.adjustments().stream().map(LedgerAssembler::adjustmentRow).toList();
    }

    public static AdjustmentRow adjustmentRow(Adjustment a) {
        return new AdjustmentRow(a.id(), a.createdAt(), a.invoice().id(), a.invoice().number(), a.amount(), a.reason());
    }
}
