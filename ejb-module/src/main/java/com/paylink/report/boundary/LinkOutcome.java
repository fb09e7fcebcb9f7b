package com.paylink.report.boundary;

/** Where a link stands now (R3): its status, with "working" split by whether the client has opened it. */
public enum LinkOutcome {
    /** Working, never opened. */
    SENT,
    /** Working, opened at least once. */
    VIEWED,
    PAID,
    /** Past its expiry, whether or not the sweep has marked it. */
    EXPIRED,
    REVOKED,
    /** Closed after too many declined cards. */
    LOCKED
}
