package com.paylink.identity.boundary;

import java.time.Instant;
import java.util.List;

/**
 * I4: Staff &amp; Permissions as an Admin sees it: the practice's staff with their permissions, and the newest changes
 * (who changed whom, what, when).
 */
public record StaffAdminPage(List<StaffRow> staff, List<ChangeRow> changes, long yourId) {

    /** One change: {@code change} is a {@code StaffChange.Kind} name. */
    public record ChangeRow(Instant at, String changedBy, String staffMember, String change) {
    }
}
