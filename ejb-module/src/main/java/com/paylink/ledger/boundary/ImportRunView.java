package com.paylink.ledger.boundary;

import java.time.Instant;
import java.util.List;

/** L16: an import's progress, counts and refused rows (a rule's code and its values, worded by the page). */
public record ImportRunView(long id, ImportKind kind, String fileName, String status, int totalRows, int processed,
                            int created, int updated, int refused, Instant startedAt, Instant finishedAt,
                            List<Problem> problems) {

    public record Problem(int rowNumber, String code, List<Object> args) {
    }

    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.min(100, processed * 100L / totalRows);
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
