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
        BILLING_GRANTED, BILLING_REMOVED, ADMIN_GRANTED, ADMIN_REMOVED, DEACTIVATED, REACTIVATED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(name = "changed_by_staff_id", nullable = false)
    private long changedByStaffId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "change", nullable = false)
    private Kind change;

    protected StaffChange() {
        // for JPA
    }

    public StaffChange(long practiceId, long staffId, long changedByStaffId, Instant changedAt, Kind change) {
        this.practiceId = practiceId;
        this.staffId = staffId;
        this.changedByStaffId = changedByStaffId;
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.change = Objects.requireNonNull(change, "change");
    }

    public long staffId() {
        return staffId;
    }

    public long changedByStaffId() {
        return changedByStaffId;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public Kind change() {
        return change;
    }
}
