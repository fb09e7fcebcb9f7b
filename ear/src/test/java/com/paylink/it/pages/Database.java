package com.paylink.it.pages;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Plain JDBC to the test server's PostgreSQL, for page tests that must change what a real operator
 * would change behind a user's back (e.g. an Admin removing a permission) or read what the page cannot show.
 */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("paylink.test.db.url"),
                System.getProperty("paylink.test.db.user"), System.getProperty("paylink.test.db.password"));
    }

    /** Gives or takes a permission (BILLING, ADMIN) of a staff member by username. */
    static void setPermission(String username, String permission, boolean granted) throws SQLException {
        try (Connection c = connect()) {
            String sql = granted
                    ? "insert into staff_permission (staff_id, permission) select id, ? from staff where username = ? on conflict do nothing"
                    : "delete from staff_permission where permission = ? and staff_id = (select id from staff where username = ?)";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, permission);
                s.setString(2, username);
                s.executeUpdate();
            }
        }
    }

    /** The preferred language stored for the demo client of this name (null: not chosen). */
    static String clientLanguage(String firstName, String lastName) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select preferred_language from client where first_name = ? and last_name = ?")) {
            s.setString(1, firstName);
            s.setString(2, lastName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /** How many links an invoice (by number, within the demo practice) has ever had. */
    static long linkCount(String invoiceNumber) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from payment_link l join invoice i on i.id = l.invoice_id where i.number = ?")) {
            s.setString(1, invoiceNumber);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The single number a query answers (a count). */
    static long count(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Every row a query answers, each column as text. */
    static java.util.List<String[]> rows(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            java.util.List<String[]> rows = new java.util.ArrayList<>();
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
