package com.paylink.platform;

import com.paylink.identity.entity.ApiKey;
import com.paylink.identity.entity.SignInAttempt;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Adjustment;
import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.HouseholdMember;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.InvoiceLine;
import com.paylink.ledger.entity.Payment;
import com.paylink.ledger.entity.Dispute;
import com.paylink.ledger.entity.Refund;
import com.paylink.mail.entity.SentMail;
import com.paylink.notification.entity.Notification;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.PaymentDecline;
import com.paylink.payment.entity.ProcessedWebhookEvent;
import com.paylink.payment.entity.ReconciliationRun;
import com.paylink.paymentlink.entity.LinkInvoice;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.practice.entity.Practice;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway migrations bring an empty PostgreSQL (the one engine of the demo, the tests and production) to
 * the latest version, and Hibernate's mapping validates against the result.
 */
class MigrationsTest {

    /** Every entity of every capability: the whole mapping is validated against the migrated schema. */
    private static final Class<?>[] ENTITIES = {Practice.class, Staff.class, Client.class, HouseholdMember.class,
            Appointment.class, Invoice.class, InvoiceLine.class, Payment.class, Adjustment.class, Refund.class,
            SentMail.class, PaymentLink.class, LinkInvoice.class, PaymentLinkAudit.class, PaymentAttempt.class, PaymentDecline.class,
            ProcessedWebhookEvent.class, Notification.class, Dispute.class, ReconciliationRun.class, SignInAttempt.class, ApiKey.class,
            com.paylink.practice.entity.PracticeSettingChange.class, com.paylink.identity.entity.StaffChange.class,
            com.paylink.identity.entity.StaffAccessLink.class, com.paylink.outbound.entity.WebhookEndpoint.class,
            com.paylink.outbound.entity.WebhookEvent.class, com.paylink.outbound.entity.WebhookAttempt.class,
            com.paylink.ledger.entity.ImportRun.class, com.paylink.ledger.entity.ImportProblem.class,
            com.paylink.ledger.entity.ClientHistoryEntry.class, com.paylink.texting.entity.TextMessage.class,
            com.paylink.collection.entity.BalanceReminder.class, com.paylink.payment.entity.StoredCard.class};

    @Test
    void migrateAnEmptyPostgresql() throws SQLException {
        String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String base = System.getProperty("paylink.test.db.url", "jdbc:postgresql://127.0.0.1:5432/paylink_test");
        String user = System.getProperty("paylink.test.db.user", "paylink");
        String password = System.getProperty("paylink.test.db.password", "paylink");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(base);
        admin.setUser(user);
        admin.setPassword(password);
        execute(admin, "create schema " + schema);
        try {
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            migrateAndValidate(pg, url, user, password);
        } finally {
            execute(admin, "drop schema " + schema + " cascade");
        }
    }

    private static void migrateAndValidate(DataSource dataSource, String url, String user, String password) {
        MigrateResult result = Migrations.flyway(dataSource, MigrationsTest.class.getClassLoader(), false).migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        assertThat(Migrations.flyway(dataSource, MigrationsTest.class.getClassLoader(), false).info().pending())
                .as("nothing left to apply").isEmpty();

        Configuration configuration = new Configuration();
        for (Class<?> entity : ENTITIES) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.setProperty("hibernate.connection.url", url);
        configuration.setProperty("hibernate.connection.username", user);
        configuration.setProperty("hibernate.connection.password", password);
        configuration.setProperty("hibernate.jdbc.time_zone", "UTC");
        try (SessionFactory sessionFactory = configuration.buildSessionFactory()) {
            // throws SchemaManagementException on any table, column or type the mapping disagrees with
            sessionFactory.getSchemaManager().validateMappedObjects();
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The list above is the whole mapping: an entity left out would never be validated against the schema. */
    @Test
    void everyEntityOfTheModuleIsValidated() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(Practice.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.util.Set<Class<?>> entities = new java.util.HashSet<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    entities.add(type);
                }
            }
        }
        assertThat(entities).containsExactlyInAnyOrder(ENTITIES);
    }
}
