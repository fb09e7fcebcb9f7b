package com.paylink.collection.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.platform.DatabaseMigrator;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * C1 (issue 24): runs the balance reminders every five minutes on each server (the claims keep a reminder from going
 * twice, C4). {@code paylink.balance-reminders.schedule.enabled=false} makes the runs do nothing (read at every run).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
@RunAs(Permission.SYSTEM_ROLE)
public class BalanceReminderSchedule {

    public static final String SCHEDULE_ENABLED = "paylink.balance-reminders.schedule.enabled";
    private static final Logger LOG = Logger.getLogger(BalanceReminderSchedule.class.getName());

    @EJB
    BalanceReminders reminders;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(minute = "*/5", hour = "*", persistent = false, info = "balance reminders")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady() || !config.get(SCHEDULE_ENABLED).map(Boolean::parseBoolean).orElse(true)
                || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            int sent = reminders.runDue(clock.instant());
            if (sent > 0) {
                LOG.info(() -> sent + " balance reminders sent");
            }
        } finally {
            running.set(false);
        }
    }
}
