package com.paylink.report.boundary;

/** Issue 23: how a link reached its client, as the link activity report and its CSV show it. */
public enum LinkChannel {
    EMAIL, TEXT, EMAIL_AND_TEXT;

    /** The CSV's word: {@code email}, {@code text} or {@code email+text}. */
    public String csv() {
        return switch (this) {
            case EMAIL -> "email";
            case TEXT -> "text";
            case EMAIL_AND_TEXT -> "email+text";
        };
    }
}
