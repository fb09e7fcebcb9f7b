package com.paylink.ledger.entity;

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

/** L16: one CSV import: what, by whom, and how far it got (rows processed, created, updated, refused). */
@Entity
@Table(name = "import_run")
public class ImportRun {

    /** Where an import stands. */
    public enum Status {
        RUNNING, DONE, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "practice_id", nullable = false)
    private long practiceId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "started_by_staff_id", nullable = false)
    private long startedByStaffId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "total_rows", nullable = false)
    private int totalRows;

    @Column(nullable = false)
    private int processed;

    @Column(nullable = false)
    private int created;

    @Column(nullable = false)
    private int updated;

    @Column(nullable = false)
    private int refused;

    protected ImportRun() {
        // for JPA
    }

    public ImportRun(long practiceId, String kind, String fileName, long startedByStaffId, Instant startedAt, int totalRows) {
        this.practiceId = practiceId;
        this.kind = Objects.requireNonNull(kind, "kind");
        String name = fileName == null || fileName.isBlank() ? "import.csv" : fileName.strip();
        this.fileName = name.length() > 255 ? name.substring(0, 255) : name;
        this.startedByStaffId = startedByStaffId;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.totalRows = totalRows;
        this.status = Status.RUNNING;
    }

    /** The counts so far, written every few hundred rows. */
    public void progressed(int processed, int created, int updated, int refused) {
        this.processed = processed;
        this.created = created;
        this.updated = updated;
        this.refused = refused;
    }

    public void finished(Status outcome, Instant at) {
        this.status = Objects.requireNonNull(outcome, "outcome");
        this.finishedAt = Objects.requireNonNull(at, "at");
    }

    public Long id() {
        return id;
    }

    public long practiceId() {
        return practiceId;
    }

    public String kind() {
        return kind;
    }

    public String fileName() {
        return fileName;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Status status() {
        return status;
    }

    public int totalRows() {
        return totalRows;
    }

    public int processed() {
        return processed;
    }

    public int created() {
        return created;
    }

    public int updated() {
        return updated;
    }

    public int refused() {
        return refused;
    }
}
