package com.paylink.practice.boundary;

import java.util.Collection;
import java.util.Map;

/**
 * Who is asking, as the practice capability needs to know it. Staff and their permissions are identity's, and
 * identity sits above practice (a staff member belongs to a practice), so practice declares what it needs here and
 * identity provides it ({@code identity.control.PracticeCallersFromStaff}).
 */
public interface PracticeCallers {

    /** The calling staff member, who is an active Admin, and their practice. */
    record Admin(long staffId, long practiceId) {
    }

    /**
     * The caller, who must be an active Admin of their practice.
     *
     * @throws com.paylink.shared.PermissionDeniedException otherwise
     */
    Admin admin();

    /** Staff members' full names by id (for the audit of changes). */
    Map<Long, String> names(Collection<Long> staffIds);
}
