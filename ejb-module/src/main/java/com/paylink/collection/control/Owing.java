package com.paylink.collection.control;

import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * C1, C5, C6: what a client owes that a link can take, read under lock: the client's payable invoices are locked in id
 * order (as every path that changes their links locks them), then read again, and those still payable and not
 * disputed are returned, in id order. The caller's transaction holds the locks.
 */
@Dependent
public class Owing {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    public List<Invoice> lockedOwing(Client client) {
        List<Invoice> locked = new ArrayList<>();
        for (Invoice invoice : em.createQuery("select i from Invoice i where i.client = :c order by i.id", Invoice.class)
                .setParameter("c", client).getResultList()) {
            if (invoice.isPayable()) {
                locked.add(em.find(Invoice.class, invoice.id(), LockModeType.PESSIMISTIC_WRITE));
            }
        }
        List<Invoice> owing = new ArrayList<>();
        for (Invoice invoice : locked) {
            em.refresh(invoice);
            if (invoice.isPayable() && !invoice.isDisputed()) {
                owing.add(invoice);
            }
        }
        return owing;
    }
}
