package com.paylink.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** I4: one change an Admin made to a staff member: whom, what, who, when. Never changed or deleted. */
@Entity
@Table(name = "staff_change")
public class StaffChange {

    /** What changed. */
    public enum Kind {
        BILLING_GRANTED, BILLING_REMOVED, ADMIN_GRANTED, ADMIN_REMOVED, DEACTIVATED, REACTIVATED,
        /** I5: invited (by an Admin, or as the practice's first Admin by the operator). */
        INVITED, INVITATION_RESENT,
        /** I5: the staff member set their password from an invitation or a reset link (changed by themselves). */
        PASSWORD_SET
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    /** Null when the operator made the change (the practice's first Admin). */
    @Column(name = "changed_by_staff_id")
    private Long changedByStaffId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "change", nullable = false)
    private Kind change;

    protected StaffChange() {
        // for JPA
    }

    public StaffChange(long practiceId, long staffId, Long changedByStaffId, Instant changedAt, Kind change) {
        this.practiceId = practiceId;
        this.staffId = staffId;
        this.changedByStaffId = changedByStaffId;
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.change = Objects.requireNonNull(change, "change");
    }

    public long staffId() {
        return staffId;
    }

    /** Null for the operator. */
    public Long changedByStaffId() {
        return changedByStaffId;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Kind change() {
        return change;
    }
}
