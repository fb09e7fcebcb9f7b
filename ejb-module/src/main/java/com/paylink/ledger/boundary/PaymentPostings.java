package com.paylink.ledger.boundary;

import com.paylink.ledger.control.ReceiptNumbers;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.shared.Money;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Posts money a card gateway took to the ledger, inside the caller's transaction (MANDATORY: only another
 * boundary, which has checked who may pay, calls it; never the web tier). The ledger owns its tables.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PaymentPostings {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /**
     * L2: a card payment on {@code invoice} (which the caller has locked) with a new receipt number; its
     * gateway reference is unique, so one intent posts once. Throws when the invoice cannot take it. A
     * sandbox payment is recorded as such.
     */
    public Payment postCardPayment(Invoice invoice, Money amount, Instant at, String gatewayReference, boolean sandbox) {
        Payment payment = invoice.recordCardPayment(amount, at, gatewayReference, ReceiptNumbers.next(), sandbox);
        em.flush();
        return payment;
    }
}
