package com.paylink.payment.control;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.paylink.shared.Money;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;

/** Makes a payment's receipt PDF: the one place a receipt's facts are taken from a posted payment. */
@Dependent
public class Receipts {

    @Inject
    PaylinkConfig config;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** The receipt of {@code payment} (which has a receipt number), in {@code locale}, times in the practice's zone. */
    public byte[] pdf(Payment payment, Locale locale) {
        return ReceiptPdf.render(facts(charge(payment)), config.displayZone(), locale);
    }

    /** The payments one card charge was posted as (one per invoice, L14), oldest first: one receipt for them all. */
    private List<Payment> charge(Payment payment) {
        if (payment.gatewayReference() == null) {
            return List.of(payment);
        }
        return em.createQuery("select p from Payment p where p.gatewayReference = :r order by p.id", Payment.class)
                .setParameter("r", payment.gatewayReference())
                .getResultList();
    }

    static ReceiptPdf.Facts facts(List<Payment> charge) {
        Payment payment = charge.get(0);
        Invoice invoice = payment.invoice();
        Money total = charge.stream().map(Payment::amount).reduce(Money.zero(payment.amount().currency()), Money::plus);
        return new ReceiptPdf.Facts(invoice.practice().name(), payment.receiptNumber(), payment.receivedAt(),
                total, payment.card().orElse(null), charge.stream().map(p -> p.invoice().number()).toList(),
                Invoice.SANDBOX_LINK_PAYMENT.equals(payment.reference()));
    }
}
