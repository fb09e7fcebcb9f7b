package com.paylink.ledger.boundary;

import com.paylink.shared.BusinessException;

/**
 * L15: a client or invoice from the practice's billing system, a CSV row or a form was refused: a field missing or
 * malformed (422), or a change that contradicts what was posted against the invoice (409). Nothing was changed.
 */
public class RecordRefused extends BusinessException {

    private final String code;
    private final boolean conflict;

    private RecordRefused(String code, boolean conflict, Object... args) {
        super("record refused: " + code, args);
        this.code = code;
        this.conflict = conflict;
    }

    /** A field missing or malformed. */
    public static RecordRefused invalid(String code, Object... args) {
        return new RecordRefused(code, false, args);
    }

    /** A change that contradicts the record's payments, adjustments or voiding. */
    public static RecordRefused conflict(String code, Object... args) {
        return new RecordRefused(code, true, args);
    }

    public boolean isConflict() {
        return conflict;
    }

    @Override
    public String code() {
        return code;
    }
}
