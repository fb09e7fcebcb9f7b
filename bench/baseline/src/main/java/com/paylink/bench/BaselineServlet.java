package com.paylink.bench;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * {@code GET /bench-baseline/pay/<token>}: what the payment landing must at least do, and nothing more:
 * hash the token, one indexed lookup by hash through the server's own connection pool, a small HTML page.
 * The figure every landing request is compared with in docs/performance.md.
 */
@WebServlet("/pay/*")
public class BaselineServlet extends HttpServlet {

    private static final String LOOKUP = "select l.status, l.expires_at, i.number from payment_link l "
            + "join invoice i on i.id = l.invoice_id where l.token_hash = ?";

    @Resource(lookup = "java:jboss/datasources/PaylinkDS")
    private DataSource db;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String status;
        String invoice = "";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(LOOKUP)) {
            s.setString(1, sha256(token));
            try (ResultSet r = s.executeQuery()) {
                status = r.next() ? r.getString(1) : "UNKNOWN";
                if (!"UNKNOWN".equals(status)) {
                    invoice = r.getString(3);
                }
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Pay</title></head><body><p>Invoice "
                + invoice + ": " + status + "</p></body></html>");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
