package com.paylink.ledger.boundary;

/**
 * Which rows of a ledger list a page asks for: from row {@code first}, at most {@code size} rows (never more
 * than {@link #MAX_SIZE}), ordered by the column {@code sortKey} (one of the list's whitelisted columns; any
 * other key, or none, gives the list's default order: newest first).
 */
public record PageRequest(int first, int size, String sortKey, boolean descending) {

    /** No page shows more rows than this, whatever it asks for. */
    public static final int MAX_SIZE = 100;

    public PageRequest {
        first = Math.max(0, first);
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** The first {@code size} rows in the default order. */
    public static PageRequest firstRows(int size) {
        return new PageRequest(0, size, null, false);
    }
}
