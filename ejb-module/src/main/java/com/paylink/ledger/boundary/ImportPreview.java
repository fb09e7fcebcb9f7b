package com.paylink.ledger.boundary;

import java.util.List;
import java.util.Map;

/**
 * L16: a file before it is imported: its columns, the mapping, how many rows it has, and what the first rows would
 * do (create, update, or the row's problem: a rule's code and its values, worded by the page).
 */
public record ImportPreview(ImportKind kind, List<String> headers, Map<String, String> mapping, List<String> unmapped,
                            int totalRows, List<PreviewRow> rows) {

    public record PreviewRow(int rowNumber, String externalId, String summary, boolean create, String problemCode,
                             List<Object> problemArgs) {
        public boolean ok() {
            return problemCode == null;
        }
    }

    public long okCount() {
        return rows.stream().filter(PreviewRow::ok).count();
    }

    public long problemCount() {
        return rows.size() - okCount();
    }
}
