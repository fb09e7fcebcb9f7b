package com.paylink.web.common;

import com.paylink.ledger.boundary.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ledger list as a PrimeFaces lazy table: the table asks for a count and a page, and both come from the
 * boundary, which pages, sorts (by its own whitelist; the column's field is only a key) and counts in the
 * database. Only the page shown is ever loaded.
 */
public final class ServerPagedRows<T> extends LazyDataModel<T> {

    /** How many rows the list has now. */
    @FunctionalInterface
    public interface Count extends Serializable {
        long count();
    }

    /** One page of the list. */
    @FunctionalInterface
    public interface Load<T> extends Serializable {
        List<T> load(PageRequest request);
    }

    /** A row's key, for PrimeFaces' row bookkeeping. */
    @FunctionalInterface
    public interface Key<T> extends Serializable {
        long of(T row);
    }

    private final Count count;
    private final Load<T> load;
    private final Key<T> key;

    public ServerPagedRows(Count count, Load<T> load, Key<T> key) {
        this.count = count;
        this.load = load;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(count.count(), Integer.MAX_VALUE);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                .filter(s -> s.getOrder() != null && !s.getOrder().isUnsorted())
                .sorted()
                .findFirst().orElse(null);
        return load.load(new PageRequest(first, pageSize, sort == null ? null : sort.getField(),
                sort != null && sort.getOrder().isDescending()));
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> page = getWrappedData();
        return page == null ? null : page.stream().filter(r -> Objects.equals(getRowKey(r), rowKey)).findFirst().orElse(null);
    }
}
