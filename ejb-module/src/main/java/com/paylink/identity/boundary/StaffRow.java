package com.paylink.identity.boundary;

/** One line of the practice's staff list (admin page). */
public record StaffRow(long id, String username, String fullName, boolean provider, boolean billing,
                       boolean admin, boolean active) {
}
