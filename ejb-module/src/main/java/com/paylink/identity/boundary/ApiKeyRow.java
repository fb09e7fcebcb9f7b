package com.paylink.identity.boundary;

import java.time.Instant;

/** One of the caller's API keys as their page lists it: never the key, only its first characters. */
public record ApiKeyRow(long id, String name, String hint, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
                        Instant expiresAt, boolean expired, String ownerName) {

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** Neither revoked nor expired. */
    public boolean isActive() {
        return revokedAt == null && !expired;
    }
}
