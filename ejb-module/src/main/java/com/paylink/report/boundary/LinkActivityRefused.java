package com.paylink.report.boundary;

import com.paylink.shared.BusinessException;

/** A report filter that breaks R2; each reason has its own code and message (bundle key {@code error.<code>}). */
public class LinkActivityRefused extends BusinessException {

    /** The reasons, with their stable codes. */
    public enum Reason {
        DATES_MISSING("report-dates-missing"),
        DATES_REVERSED("report-dates-reversed"),
        RANGE_TOO_LONG("report-range-too-long"),
        CLIENT_TEXT_TOO_LONG("report-client-too-long");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public LinkActivityRefused(Reason reason, Object... args) {
        super("report filter refused: " + reason.code(), args);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason.code();
    }
}
