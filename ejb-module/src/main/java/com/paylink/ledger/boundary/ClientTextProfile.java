package com.paylink.ledger.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Issue 23 (T1): the Text messages part of Client Details: the mobile number (E.164 and as shown), the consent (NONE,
 * GIVEN, WITHDRAWN), how and when it was recorded and by whom (null: the client's own reply), and the history.
 */
public record ClientTextProfile(long clientId, String mobile, String mobileShown, String consent, String method,
                                Instant consentAt, String consentBy, List<HistoryRow> history) implements Serializable {

    /** The {@code ClientTextingService.ConsentChoice} that records the consent on file now (the form's preselection). */
    public String choice() {
        return switch (consent) {
            case "GIVEN" -> "ON_FORM".equals(method) ? "GIVEN_ON_FORM" : "GIVEN_IN_PERSON";
            case "WITHDRAWN" -> "WITHDRAWN";
            default -> "NOT_GIVEN";
        };
    }

    /** One change, newest first: what, when, by whom (null: the client), and its detail. */
    public record HistoryRow(Instant at, String kind, String staffName, String detail) implements Serializable {
    }
}
