package com.paylink.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration} when the
 * application starts, then has Hibernate validate its mapping against the result. Hibernate never
 * creates or changes the schema.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway commits its own transactions
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());
    /** Set once this deployment's schema is migrated and validated (a new deployment starts without it). */
    private static volatile boolean schemaReady;

    @Resource(lookup = "java:jboss/datasources/PaylinkDS")
    DataSource dataSource;

    @PersistenceUnit(unitName = "paylink")
    EntityManagerFactory entityManagerFactory;

    @PostConstruct
    void migrate() {
        // never cleans: wiping the database exists only in the demo EAR (demo-module's DemoDatabaseReset)
        Flyway flyway = Migrations.flyway(dataSource, getClass().getClassLoader(), false);
        MigrateResult result = flyway.migrate();
        String version = flyway.info().current() == null ? "none" : flyway.info().current().getVersion().getVersion();
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        schemaReady = true;
    }

    /**
     * Whether the schema is ready. Schedules check it before calling any other bean: a timer that fires while
     * the deployment is still starting (or failed to start, e.g. a migration refused) returns at once instead of
     * waiting for a start-up that never ends, which would also hold up the undeployment.
     */
    public static boolean schemaReady() {
        return schemaReady;
    }
}
