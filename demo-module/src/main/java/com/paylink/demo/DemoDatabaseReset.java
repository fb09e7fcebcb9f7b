package com.paylink.demo;

import com.paylink.platform.DatabaseMigrator;
import com.paylink.platform.Migrations;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * With {@code paylink.demo} and {@code paylink.demo.reset}: wipes the database after the release code has
 * migrated it, migrates it again from nothing, and lets the seeder fill it. Only in the demo EAR: a release
 * server has no code that can wipe its database.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class DemoDatabaseReset {

    private static final Logger LOG = Logger.getLogger(DemoDatabaseReset.class.getName());

    @Resource(lookup = "java:jboss/datasources/PaylinkDS")
    DataSource dataSource;

    @Inject
    PaylinkConfig config;

    @PostConstruct
    void reset() {
        if (!config.flag(PaylinkConfig.DEMO) || !config.flag(PaylinkConfig.DEMO_RESET)) {
            return;
        }
        LOG.warning("paylink.demo.reset is set: wiping the demo database and migrating it again");
        Flyway flyway = Migrations.flyway(dataSource, DatabaseMigrator.class.getClassLoader(), true);
        flyway.clean();
        flyway.migrate();
    }
}
