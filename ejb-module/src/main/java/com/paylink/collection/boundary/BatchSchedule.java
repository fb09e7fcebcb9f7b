package com.paylink.collection.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.platform.DatabaseMigrator;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * C7 (issue 24): every minute on each server, batches a stopped server left unfinished are resumed (each by one server,
 * {@link BatchRunner#resumeStale}), and statements batches' PDFs are erased 24 hours after they finished.
 * {@value #SCHEDULE_ENABLED}{@code =false} makes the runs do nothing (read at every run).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
@RunAs(Permission.SYSTEM_ROLE)
public class BatchSchedule {

    public static final String SCHEDULE_ENABLED = "paylink.batch.schedule.enabled";
    private static final Logger LOG = Logger.getLogger(BatchSchedule.class.getName());

    @jakarta.inject.Inject
    com.paylink.platform.PaylinkConfig config;

    @EJB
    BatchRunner runner;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(minute = "*", hour = "*", persistent = false, info = "batch sends: resume, erase old statements")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady() || !config.get(SCHEDULE_ENABLED).map(Boolean::parseBoolean).orElse(true)
                || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            runner.resumeStale();
            int erased = runner.eraseOldStatements();
            if (erased > 0) {
                LOG.info(() -> "statements of " + erased + " batches erased");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the batch schedule failed; it runs again in a minute", e);
        } finally {
            running.set(false);
        }
    }
}
