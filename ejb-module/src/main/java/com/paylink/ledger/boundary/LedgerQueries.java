package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.Adjustment;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.ledger.entity.Refund;
import com.paylink.shared.Money;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Ledger's queries: a page of a list in a whitelisted order ({@link LedgerSort}), how many rows a list
 * has, and the totals, each counted or summed by the database, so a client with thousands of invoices and
 * payments costs one page of rows, never all of them. Callers have already checked the client is the
 * caller's practice's (L6).
 */
public final class LedgerQueries {

    /**
     * Each invoice of the client with its figures as the database sums them: L1 (balance = total − paid −
     * adjusted, where paid is payments less completed refunds, L9) in SQL, because nothing stores them. It must
     * agree with {@link Invoice#total()}, {@link Invoice#amountPaid()} and {@link Invoice#adjustmentsTotal()};
     * LedgerBoundaryIT compares the two on every kind of invoice.
     */
    public static final String FIGURES = """
            from invoice i
            cross join lateral (
                select (select coalesce(sum(l.quantity * l.unit_amount_minor), 0) from invoice_line l
                        where l.invoice_id = i.id) as total,
                       (select coalesce(sum(p.amount_minor), 0) from payment p where p.invoice_id = i.id)
                     - (select coalesce(sum(r.amount_minor), 0) from refund r
                        where r.invoice_id = i.id and r.status = 'SUCCEEDED') as paid,
                       (select coalesce(sum(a.amount_minor), 0) from adjustment a where a.invoice_id = i.id) as adjusted
            ) f
            """;

    /** L5 in SQL: an invoice is unpaid (OPEN or PARTIALLY_PAID) when it is not void and has a balance. */
    public static final String UNPAID = " and i.voided_at is null and f.total - f.paid - f.adjusted > 0";

    private final EntityManager em;

    LedgerQueries(EntityManager em) {
        this.em = em;
    }

    List<Invoice> invoices(long clientId, boolean unpaidOnly, PageRequest page) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select i.id " + FIGURES + "where i.client_id = :client"
                        + (unpaidOnly ? UNPAID : "") + " order by " + LedgerSort.INVOICES.orderBy(page))
                .setParameter("client", clientId)
                .setFirstResult(page.first())
                .setMaxResults(page.size())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> order = ids.stream().map(Number::longValue).toList();
        // their lines, postings, appointments and providers come in batches (hibernate.default_batch_fetch_size)
        Map<Long, Invoice> found = em.createQuery("select i from Invoice i where i.id in :ids", Invoice.class)
                .setParameter("ids", order)
                .getResultStream()
                .collect(Collectors.toMap(Invoice::id, Function.identity()));
        return order.stream().map(found::get).toList();
    }

    long count(long clientId, LedgerList list) {
        return switch (list) {
            case INVOICES -> jpqlCount("select count(i) from Invoice i where i.client.id = :client", clientId);
            case UNPAID_INVOICES -> ((Number) em.createNativeQuery(
                            "select count(*) " + FIGURES + "where i.client_id = :client" + UNPAID)
                    .setParameter("client", clientId).getSingleResult()).longValue();
            case PAYMENTS -> jpqlCount("select count(p) from Payment p where p.invoice.client.id = :client", clientId);
            case REFUNDS -> jpqlCount("select count(r) from Refund r where r.invoice.client.id = :client", clientId);
            case ADJUSTMENTS -> jpqlCount("select count(a) from Adjustment a where a.invoice.client.id = :client", clientId);
        };
    }

    private long jpqlCount(String jpql, long clientId) {
        return em.createQuery(jpql, Long.class).setParameter("client", clientId).getSingleResult();
    }

    // (the rows' invoices, and their refunds, come in batches: hibernate.default_batch_fetch_size)
    List<Payment> payments(long clientId, PageRequest page) {
        return pageOf(Payment.class, "p", LedgerSort.PAYMENTS, clientId, page);
    }

    List<Refund> refunds(long clientId, PageRequest page) {
        return pageOf(Refund.class, "r", LedgerSort.REFUNDS, clientId, page);
    }

    List<Adjustment> adjustments(long clientId, PageRequest page) {
        return pageOf(Adjustment.class, "a", LedgerSort.ADJUSTMENTS, clientId, page);
    }

    /**
     * One page of the client's rows of an entity that belongs to an invoice, in the whitelisted order; {@code alias}
     * is the one the sort's expressions use for the entity ({@code i} is its invoice).
     */
    private <T> List<T> pageOf(Class<T> type, String alias, LedgerSort sort, long clientId, PageRequest page) {
        return em.createQuery("select " + alias + " from " + type.getSimpleName() + " " + alias + " join " + alias
                        + ".invoice i where i.client.id = :client order by "
                        + sort.orderBy(page), type)
                .setParameter("client", clientId)
                .setFirstResult(page.first())
                .setMaxResults(page.size())
                .getResultList();
    }

    /** The ledger's currency: its newest invoice's, as the Ledger always showed it; the default when it has none. */
    String currency(long clientId) {
        return em.createQuery("select i.currency from Invoice i where i.client.id = :client"
                        + " order by i.issuedOn desc, i.number desc, i.id desc", String.class)
                .setParameter("client", clientId)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(LedgerAssembler.DEFAULT_CURRENCY);
    }

    /** Charges, paid and adjusted over the client's invoices that are not void (L4), summed by the database. */
    Money[] totals(long clientId, String currency) {
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("select i.currency, coalesce(sum(f.total), 0),"
                        + " coalesce(sum(f.paid), 0), coalesce(sum(f.adjusted), 0) " + FIGURES
                        + "where i.client_id = :client and i.voided_at is null group by i.currency")
                .setParameter("client", clientId)
                .getResultList();
        Money[] totals = {Money.zero(currency), Money.zero(currency), Money.zero(currency)};
        for (Object[] row : sums) {
            String rowCurrency = (String) row[0];
            for (int k = 0; k < 3; k++) {
                // Money refuses to add two currencies, as the Ledger always did for a client billed in two
                totals[k] = totals[k].plus(Money.ofMinor(((Number) row[k + 1]).longValue(), rowCurrency));
            }
        }
        return totals;
    }

    /** What each client owes (the balances of their invoices that are not void), by client id; absent when nothing. */
    Map<Long, Money> balances(Collection<Long> clientIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> sums = em.createNativeQuery("select i.client_id, i.currency,"
                        + " coalesce(sum(f.total - f.paid - f.adjusted), 0) " + FIGURES
                        + "where i.client_id in (:clients) and i.voided_at is null group by i.client_id, i.currency")
                .setParameter("clients", clientIds)
                .getResultList();
        Map<Long, Money> balances = new HashMap<>();
        for (Object[] row : sums) {
            Money balance = Money.ofMinor(((Number) row[2]).longValue(), (String) row[1]);
            balances.merge(((Number) row[0]).longValue(), balance, Money::plus);
        }
        return balances;
    }
}
