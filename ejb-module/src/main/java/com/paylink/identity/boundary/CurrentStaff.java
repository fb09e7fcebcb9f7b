package com.paylink.identity.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;

import java.util.Set;

/** What pages may know about the signed-in staff member and their practice. */
public record CurrentStaff(long id, String username, String fullName, long practiceId, String practiceName,
                           boolean practiceEnrolledInCardProcessing, boolean provider, Set<Permission> permissions) {

    public static CurrentStaff of(Staff staff) {
        return new CurrentStaff(staff.id(), staff.username(), staff.fullName(), staff.practice().id(),
                staff.practice().name(), staff.practice().isCardProcessingEnrolled(), staff.isProvider(),
                Set.copyOf(staff.permissions()));
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
