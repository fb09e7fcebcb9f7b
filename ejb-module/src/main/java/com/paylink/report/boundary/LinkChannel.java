package com.paylink.report.boundary;

/** Issues 23, 24: how a link reached its client, as the link activity report and its CSV show it. */
public enum LinkChannel {
    EMAIL, TEXT, EMAIL_AND_TEXT,
    /** Issue 24 (C5): printed on a paper statement (its QR code): neither emailed nor texted. */
    PAPER;

    /** The CSV's word: {@code email}, {@code text}, {@code email+text} or {@code paper}. */
    public String csv() {
        return switch (this) {
            case EMAIL -> "email";
            case TEXT -> "text";
            case EMAIL_AND_TEXT -> "email+text";
            case PAPER -> "paper";
        };
    }
}
