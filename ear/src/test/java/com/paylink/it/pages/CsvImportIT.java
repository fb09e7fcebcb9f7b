package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * L16 (issue 27) in Chromium: an Admin imports clients, then invoices, from CSV files with good and bad rows (a
 * formula-like cell, a wrong date, an unknown provider, a number used twice): the preview names each row's problem,
 * the import adds only the good rows and lists the others, the column mapping is remembered, and importing the same
 * file again changes nothing.
 */
class CsvImportIT extends PageTest {

    @Test
    void anAdminImportsClientsThenInvoices_onlyTheGoodRows_once() throws Exception {
        Path clients = Files.createTempFile("clients", ".csv");
        Files.writeString(clients, """
                Client ID,First Name,Last Name,DOB,Email
                CSV-C1,Alex,Moreno,1985-03-14,alex.moreno@example.com
                CSV-C2,Blair,Nguyen,02/28/1992,blair.nguyen@example.com
                CSV-C3,Casey,"=HYPERLINK(""http://evil.example"")",1990-01-01,casey@example.com
                """, StandardCharsets.UTF_8);
        Browser b = browser().signIn("admin", PASSWORD);
        b.click(By.id("navAdminMenu"));
        b.click(By.id("navImport"));
        b.waitForPath("/staff/admin/import.xhtml");
        upload(b, "Clients", clients);
        assertThat(b.text(By.id("fileSummary"))).contains("3 rows of Clients");
        assertThat(selected(b, "id")).as("the file's names are recognised").isEqualTo("Client ID");
        assertThat(selected(b, "dateOfBirth")).isEqualTo("DOB");
        b.click(By.id("mapping:preview"));
        String preview = b.text(By.id("mapping:previewRows"));
        assertThat(preview).contains("Moreno, Alex", "Nguyen, Blair", "Added", "starts like a spreadsheet formula");
        b.click(By.id("mapping:start"));
        awaitDone(b);
        assertThat(b.text(By.id("runCounts"))).isEqualTo("Added: 2. Updated or unchanged: 0. Not imported: 1.");
        assertThat(b.text(By.id("progress:problems"))).contains("4", "spreadsheet formula");
        assertThat(Database.count("select count(*) from client where external_id in ('CSV-C1', 'CSV-C2')")).isEqualTo(2);
        assertThat(Database.count("select count(*) from client where external_id = 'CSV-C3'")).isZero();

        Path invoices = Files.createTempFile("invoices", ".csv");
        Files.writeString(invoices, """
                Invoice ID,Client ID,Invoice #,Date,Item,Amt Due,Provider
                CSV-I1,CSV-C1,CSV-9001,2026-12-01,Office visit,150.00,drsmith
                CSV-I2,CSV-C1,CSV-9002,13/45/2026,Office visit,150.00,drsmith
                CSV-I3,CSV-C2,CSV-9003,2026-12-02,Office visit,"$1,200.00",nobody
                CSV-I4,CSV-C2,CSV-9001,2026-12-02,Office visit,90.00,
                CSV-I5,CSV-C2,CSV-9005,2026-12-03,+cmd,90.00,
                CSV-I6,CSV-C2,CSV-9006,2026-12-03,Office visit,"$1,200.00",
                """, StandardCharsets.UTF_8);
        b.click(By.id("progress:another"));
        upload(b, "Invoices (one line each)", invoices);
        assertThat(selected(b, "unitAmount")).as("no usual name: not guessed").isEmpty();
        choose(b, "unitAmount", "Amt Due");
        choose(b, "description", "Item");
        b.click(By.id("mapping:preview"));
        preview = b.text(By.id("mapping:previewRows"));
        assertThat(preview).contains("The date \"13/45/2026\" in column \"Date\" is not a date",
                "No provider of your practice has the username or email \"nobody\"",
                "Invoice number CSV-9001 is also on row 2 of this file",
                "starts like a spreadsheet formula");
        assertThat(b.text(By.id("previewCounts"))).contains("2 can be imported, 4 cannot");
        b.click(By.id("mapping:start"));
        awaitDone(b);
        assertThat(b.text(By.id("runCounts"))).isEqualTo("Added: 2. Updated or unchanged: 0. Not imported: 4.");
        assertThat(b.text(By.id("progress:problems"))).contains("already has an invoice numbered CSV-9001");
        assertThat(Database.count("select count(*) from invoice where number like 'CSV-9%'")).isEqualTo(2);
        assertThat(Database.count("select count(*) from invoice where number = 'CSV-9006' and external_id = 'CSV-I6'")).isEqualTo(1);

        // the same file again: the mapping is remembered, and nothing changes
        b.click(By.id("progress:another"));
        upload(b, "Invoices (one line each)", invoices);
        assertThat(selected(b, "unitAmount")).as("remembered").isEqualTo("Amt Due");
        b.click(By.id("mapping:preview"));
        assertThat(b.text(By.id("mapping:previewRows"))).contains("Updated (already imported)");
        b.click(By.id("mapping:start"));
        awaitDone(b);
        assertThat(b.text(By.id("runCounts"))).isEqualTo("Added: 0. Updated or unchanged: 2. Not imported: 4.");
        assertThat(Database.count("select count(*) from invoice where number like 'CSV-9%'")).isEqualTo(2);

        // Admins only, on the page and through the API
        StaffSession billerSession = new StaffSession(base);
        billerSession.signIn("biller", PASSWORD);
        assertThat(billerSession.get("/staff/admin/import.xhtml").statusCode()).isEqualTo(403);
        java.net.http.HttpResponse<String> api = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(root() + "/api/imports?kind=invoices"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString(("biller:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofFile(invoices)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(403);
        assertThat(Database.count("select count(*) from import_run")).as("nothing started").isEqualTo(3);
    }

    private static void upload(Browser b, String kind, Path file) {
        new Select(b.driver().findElement(By.id("upload:kind"))).selectByVisibleText(kind);
        b.driver().findElement(By.id("upload:file")).sendKeys(file.toAbsolutePath().toString());
        b.click(By.id("upload:send"));
        b.waitForText(By.id("fileSummary"), file.getFileName().toString());
    }

    private static String selected(Browser b, String field) {
        return new Select(b.driver().findElement(By.cssSelector("select[data-field='" + field + "']")))
                .getFirstSelectedOption().getAttribute("value");
    }

    private static void choose(Browser b, String field, String column) {
        new Select(b.driver().findElement(By.cssSelector("select[data-field='" + field + "']"))).selectByValue(column);
    }

    private static void awaitDone(Browser b) {
        await().atMost(Duration.ofSeconds(60)).until(() -> b.text(By.id("runStatus")).startsWith("Done"));
    }
}
