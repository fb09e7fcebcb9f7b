package com.paylink.payment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One reconciliation of a practice account with Stripe (PAY14): what it saw, applied and could not resolve. */
@Entity
@Table(name = "reconciliation_run")
public class ReconciliationRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private String accountId;

    /** Events from this time on were read (the last good run's start, less an overlap). */
    @Column(nullable = false)
    private Instant since;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "events_seen", nullable = false)
    private int eventsSeen;

    @Column(nullable = false)
    private int applied;

    @Column(name = "intents_checked", nullable = false)
    private int intentsChecked;

    private String problems;

    @Column(nullable = false)
    private boolean succeeded;

    protected ReconciliationRun() {
        // for JPA
    }

    public ReconciliationRun(String accountId, Instant since, Instant startedAt, Instant finishedAt, int eventsSeen,
                             int applied, int intentsChecked, List<String> problems) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.since = since;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.eventsSeen = eventsSeen;
        this.applied = applied;
        this.intentsChecked = intentsChecked;
        String joined = String.join("; ", problems);
        this.problems = joined.isEmpty() ? null : joined.length() > 2000 ? joined.substring(0, 2000) : joined;
        this.succeeded = problems.isEmpty();
    }

    public Long id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Instant since() {
        return since;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public int eventsSeen() {
        return eventsSeen;
    }

    public int applied() {
        return applied;
    }

    public int intentsChecked() {
        return intentsChecked;
    }

    public String problems() {
        return problems;
    }

    public boolean succeeded() {
        return succeeded;
    }
}
