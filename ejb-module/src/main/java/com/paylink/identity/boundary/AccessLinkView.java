package com.paylink.identity.boundary;

import java.time.Instant;

/** I5: what the set-password page shows for a link that works: whose it is and until when. */
public record AccessLinkView(String fullName, String username, String practiceName, boolean invitation, Instant expiresAt) {
}
