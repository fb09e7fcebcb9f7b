package com.paylink.practice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** P5: one setting an Admin changed: who, when, from what to what. Never changed or deleted. */
@Entity
@Table(name = "practice_setting_change")
public class PracticeSettingChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(name = "staff_id", nullable = false)
    private long staffId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String setting;

    @Column(name = "old_value", nullable = false)
    private String oldValue;

    @Column(name = "new_value", nullable = false)
    private String newValue;

    protected PracticeSettingChange() {
        // for JPA
    }

    public PracticeSettingChange(long practiceId, long staffId, Instant changedAt, String setting, String oldValue,
                                 String newValue) {
        this.practiceId = practiceId;
        this.staffId = staffId;
        this.changedAt = Objects.requireNonNull(changedAt, "changedAt");
        this.setting = Objects.requireNonNull(setting, "setting");
        this.oldValue = Objects.requireNonNull(oldValue, "oldValue");
        this.newValue = Objects.requireNonNull(newValue, "newValue");
    }

    public long staffId() {
        return staffId;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String setting() {
        return setting;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }
}
