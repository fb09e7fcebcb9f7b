package com.paylink.bench;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * {@code POST /bench-baseline/issue-rows/<invoiceId>} (issue 22, item 4): what a link's issuance must at least write,
 * and nothing more, for the issuance figure's ratio: one read of the invoice, then the rows an issuance and its mail
 * leave behind (the earlier link's slot freed, the link, its invoice, the audit line, the minted token's hash, the
 * mail's key) in one JDBC
 * transaction on the server's own pool. No permission check, no JPA, no queue, no mail. Bench only.
 */
@WebServlet("/issue-rows/*")
public class IssueRowsServlet extends HttpServlet {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:jboss/datasources/PaylinkDS")
    private DataSource db;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long invoiceId = Long.parseLong(request.getPathInfo().substring(1));
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long practice;
            long staff;
            String email;
            try (PreparedStatement s = c.prepareStatement("select i.practice_id, cl.email,"
                    + " (select id from staff where username = 'biller') from invoice i join client cl on cl.id = i.client_id"
                    + " where i.id = ?")) {
                s.setLong(1, invoiceId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    practice = r.getLong(1);
                    email = r.getString(2);
                    staff = r.getLong(3);
                }
            }
            // a send again closes the invoice's earlier link, as the product does (PL5: one active link per invoice)
            try (PreparedStatement s = c.prepareStatement("update payment_link_invoice set active_invoice_id = null"
                    + " where active_invoice_id = ?")) {
                s.setLong(1, invoiceId);
                s.executeUpdate();
            }
            long link;
            try (PreparedStatement s = c.prepareStatement("insert into payment_link (practice_id, invoice_id,"
                    + " recipient_source, recipient_name, recipient_email, status, sent_by_staff_id, sent_at, expires_at,"
                    + " version, from_name) values (?, ?, 'CLIENT_DETAILS', 'Bench Client', ?, 'ACTIVE', ?, ?, ?, 0,"
                    + " 'Bailey Brooks') returning id")) {
                s.setLong(1, practice);
                s.setLong(2, invoiceId);
                s.setString(3, email == null ? "bench@example.com" : email);
                s.setLong(4, staff);
                s.setTimestamp(5, now);
                s.setTimestamp(6, Timestamp.from(now.toInstant().plus(Duration.ofHours(24))));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    link = r.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into payment_link_invoice (payment_link_id, invoice_id,"
                    + " position, currency, active_invoice_id) values (?, ?, 0, 'USD', ?)")) {
                s.setLong(1, link);
                s.setLong(2, invoiceId);
                s.setLong(3, invoiceId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into payment_link_audit (practice_id, invoice_id,"
                    + " payment_link_id, action, staff_id, occurred_at, recipient_source, masked_recipient)"
                    + " values (?, ?, ?, 'SENT', ?, ?, 'CLIENT_DETAILS', 'b***@example.com')")) {
                s.setLong(1, practice);
                s.setLong(2, invoiceId);
                s.setLong(3, link);
                s.setLong(4, staff);
                s.setTimestamp(5, now);
                s.executeUpdate();
            }
            byte[] token = new byte[32];
            RANDOM.nextBytes(token);
            try (PreparedStatement s = c.prepareStatement("update payment_link set token_hash = ?, token_minted_at = ?"
                    + " where id = ?")) {
                s.setString(1, HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(token)));
                s.setTimestamp(2, now);
                s.setLong(3, link);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into sent_mail (mail_key, sent_at) values (?, ?)")) {
                s.setString(1, "payment-link:" + link);
                s.setTimestamp(2, now);
                s.executeUpdate();
            }
            c.commit();
            response.setStatus(HttpServletResponse.SC_CREATED);
            response.getWriter().write(String.valueOf(link));
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }
}
