package com.paylink.identity.boundary;

/** One line of the practice's staff list (admin page); {@code invited}: has not set a password from the invitation yet. */
public record StaffRow(long id, String username, String fullName, boolean provider, boolean billing,
                       boolean admin, boolean active, boolean invited) {
}
