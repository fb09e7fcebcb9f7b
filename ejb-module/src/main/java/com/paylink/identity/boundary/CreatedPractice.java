package com.paylink.identity.boundary;

/** I5: the practice the operator created, and its first Admin, who has been sent an invitation. */
public record CreatedPractice(long practiceId, String name, long adminStaffId, String adminUsername) {
}
