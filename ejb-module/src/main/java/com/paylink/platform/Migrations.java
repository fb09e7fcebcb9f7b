package com.paylink.platform;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** The one Flyway configuration, used at start-up and by the migration tests. */
public final class Migrations {

    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    public static Flyway flyway(DataSource dataSource, ClassLoader classLoader, boolean allowClean) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(LOCATION)
                .cleanDisabled(!allowClean)
                .load();
    }
}
