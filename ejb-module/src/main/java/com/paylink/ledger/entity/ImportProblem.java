package com.paylink.ledger.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/** L16: why one row of an import was not imported, in words. */
@Entity
@Table(name = "import_problem")
public class ImportProblem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "row_number", nullable = false)
    private int rowNumber;

    @Column(nullable = false, length = 600)
    private String message;

    protected ImportProblem() {
        // for JPA
    }

    public ImportProblem(long runId, int rowNumber, String message) {
        this.runId = runId;
        this.rowNumber = rowNumber;
        String text = Objects.requireNonNull(message, "message");
        this.message = text.length() > 600 ? text.substring(0, 600) : text;
    }

    public int rowNumber() {
        return rowNumber;
    }

    public String message() {
        return message;
    }
}
