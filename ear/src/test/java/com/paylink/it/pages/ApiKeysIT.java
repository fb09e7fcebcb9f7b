package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3 (issue 10 item 4), from outside: a staff member creates a named key on their API keys page and sees it
 * once; the API accepts it as a Bearer token with the owner's current permissions; only its SHA-256 is
 * stored; its last use shows on the page; a revoked key, a key of a deactivated owner or a made-up one is
 * refused.
 */
class ApiKeysIT extends PageTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aKeyIsShownOnce_worksAsItsOwner_showsItsLastUse_andStopsWhenRevoked() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        b.click(By.id("navApiKeys"));
        b.click(By.id("apiKeyForm:create"));
        b.waitForText(By.id("apiKeyForm"), "Give the key a name");

        b.type(By.id("apiKeyForm:name"), "Billing system");
        b.click(By.id("apiKeyForm:create"));
        b.waitForText(By.id("apiKeyForm"), "Enter your password to create a key");
        b.type(By.id("apiKeyForm:name"), "Billing system");
        b.type(By.id("apiKeyForm:password"), PASSWORD);
        b.click(By.id("apiKeyForm:create"));
        b.waitForText(By.id("apiKeyForm:newKeyPanel"), "Copy your new key now");
        String key = b.driver().findElement(By.id("apiKeyForm:newKey")).getAttribute("value");
        assertThat(key).startsWith("plk_").hasSize(47);
        assertThat(b.text(By.id("apiKeyForm:keys"))).contains("Billing system", key.substring(0, 10), "Never", "Active until");

        b.type(By.id("apiKeyForm:name"), "billing SYSTEM");
        b.type(By.id("apiKeyForm:password"), PASSWORD);
        b.click(By.id("apiKeyForm:create"));
        b.waitForText(By.id("apiKeyForm"), "You already have an active key named");

        // shown once: the page never shows it again, and the database holds only its SHA-256
        b.open("/staff/api-keys.xhtml");
        assertThat(b.driver().getPageSource()).doesNotContain(key);
        String hash = sha256(key);
        assertThat(storedRows()).anyMatch(row -> row.startsWith(hash + " plk_")).noneMatch(row -> row.contains(key));

        // the key acts as biller (Billing): it reads and sends links; a made-up key is refused
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        long invoice = staff.invoiceId("Carter, Emma", "RC-1001");
        assertThat(get("/api/invoices/" + invoice + "/payment-links", key).statusCode()).isIn(200, 404);
        assertThat(post("/api/invoices/" + invoice + "/payment-links", key).statusCode()).isEqualTo(201);
        HttpResponse<String> madeUp = get("/api/invoices/" + invoice + "/payment-links", "plk_" + "A".repeat(43));
        assertThat(madeUp.statusCode()).isEqualTo(401);
        assertThat(madeUp.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"));

        // the owner's permissions at each request: without Billing the same key cannot send
        Database.setPermission("biller", "BILLING", false);
        try {
            assertThat(post("/api/invoices/" + invoice + "/payment-links", key).statusCode()).isEqualTo(403);
        } finally {
            Database.setPermission("biller", "BILLING", true);
        }

        b.open("/staff/api-keys.xhtml");
        assertThat(b.text(By.cssSelector(".pl-key-last-used"))).doesNotContain("Never");

        b.click(By.cssSelector(".pl-revoke-key"));
        b.click(By.id("confirmYes"));
        b.waitForText(By.id("apiKeyForm:keys"), "Revoked");
        assertThat(get("/api/invoices/" + invoice + "/payment-links", key).statusCode()).as("revoked at once").isEqualTo(401);
    }

    @Test
    void aKeyOfADeactivatedStaffMemberIsRefused() throws Exception {
        Browser b = browser().signIn("drsmith", PASSWORD);
        b.open("/staff/api-keys.xhtml");
        b.type(By.id("apiKeyForm:name"), "Scheduler");
        b.type(By.id("apiKeyForm:password"), PASSWORD);
        b.click(By.id("apiKeyForm:create"));
        b.waitForText(By.id("apiKeyForm:newKeyPanel"), "Copy your new key now");
        String key = b.driver().findElement(By.id("apiKeyForm:newKey")).getAttribute("value");
        assertThat(get("/api/invoices/999999/payment-links", key).statusCode()).isEqualTo(404);
        setActive("drsmith", false);
        try {
            assertThat(get("/api/invoices/999999/payment-links", key).statusCode()).isEqualTo(401);
        } finally {
            setActive("drsmith", true);
        }
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path)).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> storedRows() throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("select key_hash, key_hint from api_key");
             ResultSet r = s.executeQuery()) {
            java.util.List<String> rows = new java.util.ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2));
            }
            return rows;
        }
    }

    private static void setActive(String username, boolean active) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("update staff set active = ? where username = ?")) {
            s.setBoolean(1, active);
            s.setString(2, username);
            s.executeUpdate();
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
