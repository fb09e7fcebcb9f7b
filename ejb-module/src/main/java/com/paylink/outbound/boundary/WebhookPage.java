package com.paylink.outbound.boundary;

import java.time.Instant;
import java.util.List;

/** P9: what Admins see of their endpoint and its latest events, each with its latest attempt. */
public record WebhookPage(Endpoint endpoint, List<EventRow> events) {

    /** The working endpoint; null when the practice has none. */
    public record Endpoint(String url, String secret, Instant createdAt) {
    }

    public record EventRow(long id, String type, Instant createdAt, String status, int attempts, Instant nextAttemptAt,
                           Instant lastAttemptAt, Integer lastStatusCode, String lastOutcome) {
    }
}
