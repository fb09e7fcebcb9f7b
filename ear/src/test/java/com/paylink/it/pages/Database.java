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

    /** Runs a statement of the test's own (what an operator or another system would change); the rows it changed. */
    static int update(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            return s.executeUpdate();
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

    /** A new invoice of {@code cents} for a demo client, with no appointment; returns its number. */
    static String newInvoice(String first, String last, String number, long cents) throws Exception {
        try (var c = connect()) {
            long invoice;
            try (var s = c.prepareStatement("insert into invoice (practice_id, client_id, number, issued_on, currency, version)"
                    + " select practice_id, id, ?, current_date, 'USD', 0 from client where first_name = ? and last_name = ?"
                    + " returning id")) {
                s.setString(1, number);
                s.setString(2, first);
                s.setString(3, last);
                try (var r = s.executeQuery()) {
                    r.next();
                    invoice = r.getLong(1);
                }
            }
            try (var s = c.prepareStatement("insert into invoice_line (invoice_id, position, description, quantity,"
                    + " unit_amount_minor) values (?, 0, 'Session', 1, ?)")) {
                s.setLong(1, invoice);
                s.setLong(2, cents);
                s.executeUpdate();
            }
        }
        return number;
    }
}
