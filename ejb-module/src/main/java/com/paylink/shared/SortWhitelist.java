package com.paylink.shared;

import java.util.Map;
import java.util.Set;

/**
 * The columns a server-paged list may be sorted by, as fixed query fragments: a page names a column by its
 * key, and only a key of this whitelist ever reaches a query (anything else gives the default order). The
 * default order also breaks ties of every other order, so paging never shows a row twice or skips one.
 */
public final class SortWhitelist {

    private final Map<String, String> columns;
    private final String defaultOrder;

    /**
     * @param columns      key → the query fragment it sorts by (trusted text, never from a request)
     * @param defaultOrder the ORDER BY list without a key; it must end with a unique column
     */
    public SortWhitelist(Map<String, String> columns, String defaultOrder) {
        this.columns = Map.copyOf(columns);
        this.defaultOrder = defaultOrder;
    }

    /** The keys a page may sort by. */
    public Set<String> keys() {
        return columns.keySet();
    }

    /** The ORDER BY list: the key's column if whitelisted, then the default order; else the default order. */
    public String orderBy(String sortKey, boolean descending) {
        String column = sortKey == null ? null : columns.get(sortKey);
        if (column == null) {
            return defaultOrder;
        }
        return column + (descending ? " desc" : " asc") + ", " + defaultOrder;
    }
}
