package com.paylink.ledger.boundary;

import com.paylink.shared.SortWhitelist;

import java.util.Map;
import java.util.Set;

/**
 * The columns each ledger list may be sorted by, as fixed query fragments: a page names a column by its
 * key, and only a key of this whitelist ever reaches a query (anything else gives the default order). The
 * default order is what the Ledger always showed, newest first; it also breaks ties of every other order, so
 * paging never shows a row twice or skips one.
 */
final class LedgerSort {

    /** L5 as a rank, for sorting by status: OPEN, PARTIALLY_PAID, PAID, VOID (see {@link LedgerQueries}). */
    private static final String STATUS_RANK = "case when i.voided_at is not null then 3"
            + " when f.total - f.paid - f.adjusted > 0 then (case when f.paid = 0 then 0 else 1 end) else 2 end";

    /** Invoices (SQL over {@link LedgerQueries#FIGURES}). */
    static final LedgerSort INVOICES = new LedgerSort(Map.of(
            "issuedOn", "i.issued_on",
            "number", "i.number",
            "total", "f.total",
            "paid", "f.paid",
            "adjusted", "f.adjusted",
            "balance", "(f.total - f.paid - f.adjusted)",
            "status", STATUS_RANK),
            "i.issued_on desc, i.number desc, i.id desc");

    /** Payments (JPQL; {@code p} the payment, {@code i} its invoice). */
    static final LedgerSort PAYMENTS = new LedgerSort(Map.of(
            "receivedAt", "p.receivedAt",
            "invoiceNumber", "i.number",
            "amount", "p.amount.amountMinor"),
            "p.receivedAt desc, p.id desc");

    /** Refunds (JPQL; {@code r} the refund, {@code i} its invoice). */
    static final LedgerSort REFUNDS = new LedgerSort(Map.of(
            "requestedAt", "r.requestedAt",
            "invoiceNumber", "i.number",
            "amount", "r.amount.amountMinor"),
            "r.requestedAt desc, r.id desc");

    /** Adjustments (JPQL; {@code a} the adjustment, {@code i} its invoice). */
    static final LedgerSort ADJUSTMENTS = new LedgerSort(Map.of(
            "createdAt", "a.createdAt",
            "invoiceNumber", "i.number",
            "amount", "a.amount.amountMinor"),
            "a.createdAt desc, a.id desc");

    private final SortWhitelist whitelist;

    private LedgerSort(Map<String, String> columns, String defaultOrder) {
        this.whitelist = new SortWhitelist(columns, defaultOrder);
    }

    /** The keys a page may sort by. */
    Set<String> keys() {
        return whitelist.keys();
    }

    /** The ORDER BY list for a request: its column if whitelisted, then the default order; else the default order. */
    String orderBy(PageRequest request) {
        return whitelist.orderBy(request.sortKey(), request.descending());
    }
}
