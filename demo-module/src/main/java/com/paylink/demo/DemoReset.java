package com.paylink.demo;

import com.paylink.payment.control.SandboxAccounts;
import com.paylink.payment.control.SandboxGateway;
import com.paylink.platform.AdjustableClock;
import com.paylink.platform.LocalRateWindows;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The demo's data as at a fresh start, without a redeploy: every table emptied (ids from 1 again), the demo seeded
 * again, and what the server keeps in memory for the demo forgotten (the sandbox's intents and accounts, a moved
 * clock, the per-server rate counts). Only with {@code paylink.demo}, {@code paylink.demo.reset} and {@code paylink.demo.reset-on-request}: the
 * test suite deploys each archive once and starts each test class from here. A release EAR has no such code.
 */
@Singleton // one reset at a time
@PermitAll
public class DemoReset {

    private static final Logger LOG = Logger.getLogger(DemoReset.class.getName());
    private static final String DEADLOCK = "40P01";
    private static final int ATTEMPTS = 5;

    @Resource(lookup = "java:jboss/datasources/PaylinkDS")
    DataSource dataSource;

    @Inject
    PaylinkConfig config;

    @EJB
    DemoDataSeeder seeder;

    @Inject
    SandboxGateway sandboxCards;

    @Inject
    SandboxAccounts sandboxAccounts;

    @Inject
    LocalRateWindows localRates;

    @EJB
    DemoPhone phone;

    public boolean allowed() {
        return config.flag(PaylinkConfig.DEMO) && config.flag(PaylinkConfig.DEMO_RESET)
                && config.flag(PaylinkConfig.DEMO_RESET_ON_REQUEST);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void reset() {
        if (!allowed()) {
            throw new IllegalStateException("the demo reset on request is off");
        }
        AdjustableClock.instance().reset(); // before seeding: the demo's dates are relative to now
        sandboxCards.forgetEverything();
        sandboxAccounts.forgetEverything();
        localRates.forgetEverything();
        phone.forgetEverything();
        emptyEveryTable();
        seeder.seed();
        LOG.info("demo data reset on request");
    }

    /**
     * One {@code truncate} of every table. It takes every table's lock, so a transaction still running from the last
     * test class (a queued receipt, say) can deadlock with it; PostgreSQL then ends one of the two, and a deadlocked
     * truncate is tried again (the other side's message is redelivered).
     */
    private void emptyEveryTable() {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select quote_ident(tablename) from pg_tables"
                        + " where schemaname = current_schema() and tablename <> 'flyway_schema_history'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                statement.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
                return;
            } catch (SQLException e) {
                if (!DEADLOCK.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw new IllegalStateException("could not empty the demo database", e);
                }
                LOG.info("the demo reset met a running transaction (deadlock); trying again");
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
            }
        }
    }
}
