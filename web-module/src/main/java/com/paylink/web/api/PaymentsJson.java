package com.paylink.web.api;

import com.paylink.ledger.boundary.InvoiceDetails;
import com.paylink.ledger.boundary.PaymentRow;
import com.paylink.ledger.boundary.RefundRow;
import com.paylink.payment.boundary.RefundDone;
import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * Payments and refunds in the API: amounts as decimal strings in the invoice's currency ("150.00"), never
 * anything clinical (no service, provider or line descriptions).
 */
public final class PaymentsJson {

    private PaymentsJson() {
    }

    /** {@code GET /api/invoices/{id}/payments}: the invoice's balance, its payments and its refunds. */
    public record OfInvoice(long invoiceId, String invoiceNumber, String currency, String total, String balance,
                            List<Payment> payments, List<Refund> refunds) {
    }

    /** A payment; {@code refundable}: what a refund through the API (or the ledger) may still give back. */
    public record Payment(long paymentId, String receiptNumber, Instant receivedAt, String method, String amount,
                          String refunded, String refundable) {
    }

    /** A refund and its state: PENDING (asked, the card processor not answered yet), SUCCEEDED or FAILED. */
    public record Refund(long refundId, String receiptNumber, Instant requestedAt, String amount, String status) {
    }

    /** {@code POST /api/payments/{id}/refunds}: the refund made, and what can still be refunded of the payment. */
    public record Refunded(long refundId, long paymentId, String currency, String amount, String status,
                           String stillRefundable) {
    }

    static OfInvoice of(InvoiceDetails details) {
        return new OfInvoice(details.invoice().id(), details.invoice().number(), details.invoice().total().currency(),
                decimal(details.invoice().total()), decimal(details.invoice().balance()),
                details.payments().stream().map(PaymentsJson::payment).toList(),
                details.refunds().stream().map(PaymentsJson::refund).toList());
    }

    static Refunded refunded(long paymentId, RefundDone done) {
        return new Refunded(done.refundId(), paymentId, done.amount().currency(), decimal(done.amount()), "SUCCEEDED",
                decimal(done.stillRefundable()));
    }

    private static Payment payment(PaymentRow p) {
        return new Payment(p.id(), p.receiptNumber(), p.receivedAt(), p.method().name(), decimal(p.amount()),
                decimal(p.refunded()), decimal(p.leftToRefund()));
    }

    private static Refund refund(RefundRow r) {
        return new Refund(r.id(), r.receiptNumber(), r.requestedAt(), decimal(r.amount()), r.status().name());
    }

    private static String decimal(Money money) {
        return money.toDecimal().toPlainString();
    }
}
