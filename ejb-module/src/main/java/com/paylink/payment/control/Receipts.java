package com.paylink.payment.control;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/** Makes a payment's receipt PDF: the one place a receipt's facts are taken from a posted payment. */
@Dependent
public class Receipts {

    @Inject
    PaylinkConfig config;

    /** The receipt of {@code payment} (which has a receipt number), in {@code locale}, times in the practice's zone. */
    public byte[] pdf(Payment payment, Locale locale) {
        return ReceiptPdf.render(facts(payment), config.displayZone(), locale);
    }

    static ReceiptPdf.Facts facts(Payment payment) {
        Invoice invoice = payment.invoice();
        return new ReceiptPdf.Facts(invoice.practice().name(), payment.receiptNumber(), payment.receivedAt(),
                payment.amount(), payment.card().orElse(null), List.of(invoice.number()),
                Invoice.SANDBOX_LINK_PAYMENT.equals(payment.reference()));
    }
}
