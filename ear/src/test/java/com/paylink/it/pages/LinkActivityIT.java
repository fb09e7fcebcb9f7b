package com.paylink.it.pages;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 6: the link activity report (rules R1–R5 of com.paylink.report). An Admin filters the links of a
 * past fortnight (put into the database with known times, across a daylight-saving change) by dates in the
 * practice's zone, status, sender and client, reads the figures (counts, the share paid within 24 hours, the
 * median time to payment, the amount collected, the weekly figures) and a server-paged table, and downloads the
 * same rows as CSV; links sent today through the real flows (send, resend, open, pay) come out of the CSV exactly
 * as their audit trail says. Billing staff get 403 on the page and the CSV; another practice's links never show;
 * a bad date range is refused with its reason.
 */
class LinkActivityIT extends PageTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York"); // the test server's display zone (the default)
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Instant NEVER = Instant.parse("2040-01-01T00:00:00Z");
    private static boolean seeded;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /**
     * Riverside: Ada Reportwell's links A–H and Gus "=Reportwell"'s G, sent 7–20 March 2022 (daylight saving began on
     * the 13th), one just before and one just after that range; Lakeside: a client of the same name with a link in it;
     * Pat Pagewell: 30 links in June 2021, for paging.
     */
    private static synchronized void seed() throws SQLException {
        if (seeded) {
            return;
        }
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            long riverside = id(c, "select id from practice where name = 'Riverside Counseling'");
            long lakeside = id(c, "select id from practice where name = 'Lakeside Therapy'");
            long ada = client(c, riverside, "Ada", "Reportwell");
            long gus = client(c, riverside, "Gus", "=Reportwell");
            long lakeAda = client(c, lakeside, "Ada", "Reportwell");
            long pat = client(c, riverside, "Pat", "Pagewell");

            link(c, ada, "RW-2200", 5_000, "admin", at("2022-03-06T23:30"), NEVER, null, null, "ACTIVE", null);
            link(c, ada, "RW-2201", 10_000, "biller", at("2022-03-07T09:00"), NEVER, null, null, "ACTIVE", null);
            long b = link(c, ada, "RW-2202", 20_000, "admin", at("2022-03-08T12:00"), NEVER, at("2022-03-08T13:00"),
                    at("2022-03-09T08:00"), "ACTIVE", null);
            posting(c, "insert into payment (invoice_id, received_at, amount_minor, currency, method, reference)"
                    + " values (?, ?, 5000, 'USD', 'CHECK', 'Check #7')", invoiceOf(c, b), at("2022-03-01T10:00"));
            long cLink = link(c, ada, "RW-2203", 12_000, "biller", at("2022-03-09T10:00"), at("2022-03-10T10:00"),
                    at("2022-03-09T10:30"), at("2022-03-09T10:30"), "PAID", at("2022-03-09T12:00"));
            long d = link(c, ada, "RW-2204", 10_000, "admin", at("2022-03-14T09:00"), at("2022-03-15T09:00"),
                    at("2022-03-15T10:00"), at("2022-03-16T14:00"), "PAID", at("2022-03-16T15:00"));
            posting(c, "insert into adjustment (invoice_id, created_at, amount_minor, currency, reason)"
                    + " values (?, ?, 2000, 'USD', 'Sliding scale')", invoiceOf(c, d), at("2022-03-10T10:00"));
            link(c, ada, "RW-2205", 6_000, "biller", at("2022-03-15T10:00"), at("2022-03-16T10:00"), null, null, "ACTIVE", null);
            link(c, ada, "RW-2206", 9_000, "admin", at("2022-03-16T11:00"), at("2022-03-17T11:00"), null, null, "REVOKED",
                    at("2022-03-16T15:00"));
            link(c, gus, "RW-2207", 7_000, "biller", at("2022-03-17T08:00"), at("2022-03-18T08:00"), null, null, "EXPIRED",
                    at("2022-03-18T08:00"));
            link(c, ada, "RW-2208", 4_000, "admin", at("2022-03-20T22:00"), NEVER, null, null, "ACTIVE", null);
            link(c, ada, "RW-2209", 3_000, "admin", at("2022-03-21T00:30"), NEVER, null, null, "ACTIVE", null);
            pay(c, cLink, 12_000, at("2022-03-09T12:00"));
            pay(c, d, 8_000, at("2022-03-16T15:00"));
            link(c, lakeAda, "RW-2203", 12_000, "lakeadmin", at("2022-03-10T10:00"), NEVER, null, null, "ACTIVE", null);
            for (int n = 1; n <= 30; n++) {
                link(c, pat, String.format("PW-%04d", n), 1_000L * n, "biller",
                        at("2021-06-01T08:00").plus(Duration.ofHours(5L * n)), NEVER, null, null, "ACTIVE", null);
            }
            c.commit();
        }
        seeded = true;
    }

    @Test
    void anAdminFiltersAPastFortnight_readsTheFiguresAndThePagedLinks_andTheCsvHasTheSameRows() throws Exception {
        seed();
        Browser b = browser().signIn("admin", PASSWORD);
        b.click(By.id("navAdminMenu")); // the Admin pages are under one menu
        b.click(By.id("navLinkActivity"));
        b.waitForPath("/staff/admin/link-activity.xhtml");
        LocalDate today = LocalDate.now(ZONE);
        assertThat(b.driver().findElement(By.id("filters:to")).getAttribute("value")).as("by default: up to today")
                .isEqualTo(today.toString());
        assertThat(b.driver().findElement(By.id("filters:from")).getAttribute("value")).as("the 12 weeks up to today")
                .isEqualTo(today.minusDays(today.getDayOfWeek().getValue() - 1L).minusWeeks(11).toString());

        setDates(b, "2022-03-07", "2022-03-20");
        b.type(By.id("filters:client"), "reportwell");
        b.click(By.id("filters:apply"));
        b.waitForPath("/staff/admin/link-activity.xhtml?from=2022-03-07&to=2022-03-20&client=reportwell");

        // R3, R4: 8 links (not the one at 23:30 the evening before, nor the one after midnight at the end; all of
        // them would be counted wrongly by a server that cut days in UTC); not Lakeside's
        assertThat(b.text(By.id("tileLinks"))).isEqualTo("8");
        assertThat(b.text(By.id("tileViewed"))).isEqualTo("3");
        assertThat(b.text(By.id("tilePaid"))).isEqualTo("2");
        assertThat(b.text(By.id("tileShare"))).as("1 of 8 paid within 24 hours").isEqualTo("13%");
        assertThat(b.text(By.id("tileMedian"))).as("the median of 2 and 54 hours").isEqualTo("1 d 4 h");
        assertThat(b.text(By.id("tileCollected"))).isEqualTo("$200.00");
        assertThat(weeks(b)).containsExactly(
                "Mar 7, 2022 | 3 | 2 | 1 | $120.00 | 0",
                "Mar 14, 2022 | 5 | 1 | 1 | $80.00 | 0");
        for (String chart : List.of("activityChart", "shareChart", "collectedChart")) {
            assertThat(b.driver().findElements(By.cssSelector("[id='" + chart + "'] canvas[role='img']"))).as(chart).hasSize(1);
        }
        assertThat(b.driver().findElement(By.cssSelector("[id='activityChart'] canvas")).getAttribute("aria-label"))
                .contains("8 Sent, 3 Opened, 2 Paid");
        for (String chart : List.of("activityChart", "shareChart", "collectedChart")) {
            assertThat(drawn(b, chart)).as(chart + " is drawn (the page's scripts ran under its CSP)").isTrue();
        }

        assertThat(invoices(b)).containsExactly("RW-2208", "RW-2207", "RW-2206", "RW-2205", "RW-2204", "RW-2203",
                "RW-2202", "RW-2201");
        assertThat(row(b, "RW-2202")).contains("Morgan Avery", "Reportwell, Ada", "Opened, not paid", "$150.00");
        assertThat(row(b, "RW-2203")).contains("Bailey Brooks", "Paid", "$120.00");
        assertThat(row(b, "RW-2204")).as("due when sent: $100.00 less the adjustment before it").contains("$80.00");
        assertThat(row(b, "RW-2205")).as("past its expiry, never swept").contains("Expired");
        assertThat(row(b, "RW-2206")).contains("Revoked", "03/16 3:00 PM");
        assertThat(row(b, "RW-2207")).contains("=Reportwell, Gus", "Expired");
        assertThat(row(b, "RW-2208")).contains("Sent, not opened", "$40.00");

        // sorted on the server by what was due when sent, smallest first
        b.click(header("Due when sent"));
        awaitInvoices(b, List.of("RW-2208", "RW-2205", "RW-2207", "RW-2204", "RW-2206", "RW-2201", "RW-2203", "RW-2202"));

        // the CSV of the same filter, over HTTP with the admin's session: the rows the audit trail gives, oldest first
        String csvPath = b.driver().findElement(By.id("filters:csv")).getAttribute("href");
        assertThat(csvPath).contains("/staff/admin/link-activity.csv?from=2022-03-07&to=2022-03-20&client=reportwell");
        HttpResponse<String> csv = download(b, csvPath);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"link-activity-2022-03-07-to-2022-03-20.csv\"");
        List<List<String>> rows = parse(csv.body());
        assertThat(rows.get(0)).containsExactly("sent_at", "sent_by", "client", "invoice", "status", "first_viewed_at",
                "last_viewed_at", "paid_at", "revoked_at", "locked_at", "expires_at", "currency", "due_at_send",
                "paid_through_link", "channel", "reminder");
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expectedRows("Riverside Counseling",
                LocalDate.parse("2022-03-07"), LocalDate.parse("2022-03-20"), "%Reportwell%", Map.of(
                        "RW-2201", "100.00", "RW-2202", "150.00", "RW-2203", "120.00", "RW-2204", "80.00",
                        "RW-2205", "60.00", "RW-2206", "90.00", "RW-2207", "70.00", "RW-2208", "40.00")));
        assertThat(rows.get(2)).as("B, by hand").containsExactly("2022-03-08T12:00:00-05:00", "Morgan Avery",
                "Reportwell, Ada", "RW-2202", "VIEWED", "2022-03-08T13:00:00-05:00", "2022-03-09T08:00:00-05:00", "", "",
                "", "2039-12-31T19:00:00-05:00", "USD", "150.00", "0.00", "email", "");
        // R5: a name that starts like a formula is defused, and quoted because of its comma (RFC 4180)
        assertThat(csv.body()).contains("\"'=Reportwell, Gus\"").doesNotContain(",=Reportwell");
        assertThat(csv.body()).doesNotContain("Therapy", "Dr. ");

        // filters: status, sender
        b.open("/staff/admin/link-activity.xhtml?from=2022-03-07&to=2022-03-20&client=reportwell&status=PAID");
        assertThat(invoices(b)).containsExactly("RW-2204", "RW-2203");
        assertThat(b.text(By.id("tileShare"))).isEqualTo("50%");
        assertThat(new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("filters:status")))
                .getFirstSelectedOption().getText()).isEqualTo("Paid");
        b.open("/staff/admin/link-activity.xhtml?from=2022-03-07&to=2022-03-20&client=reportwell&status=EXPIRED");
        assertThat(invoices(b)).containsExactly("RW-2207", "RW-2205");
        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("filters:status"))).selectByVisibleText("Any status");
        new org.openqa.selenium.support.ui.Select(b.driver().findElement(By.id("filters:staff"))).selectByVisibleText("Bailey Brooks");
        b.click(By.id("filters:apply"));
        b.waitForPath("/staff/admin/link-activity.xhtml?from=2022-03-07&to=2022-03-20&staff=");
        awaitInvoices(b, List.of("RW-2207", "RW-2205", "RW-2203", "RW-2201"));

        // large ranges page on the server: 30 links, 25 in the page, the rest on page 2
        b.open("/staff/admin/link-activity.xhtml?from=2021-06-01&to=2021-06-30&client=Pagewell");
        assertThat(b.text(By.id("tileLinks"))).isEqualTo("30");
        assertThat(invoices(b)).hasSize(25).startsWith("PW-0030");
        assertThat(b.driver().getPageSource()).doesNotContain("PW-0001");
        assertThat(b.text(By.id("table:links_paginator_bottom"))).contains("1–25 of 30");
        b.click(By.cssSelector("[id='table:links_paginator_bottom'] .ui-paginator-last"));
        awaitInvoices(b, List.of("PW-0005", "PW-0004", "PW-0003", "PW-0002", "PW-0001"));
        assertThat(parse(download(b, root() + "/staff/admin/link-activity.csv?from=2021-06-01&to=2021-06-30&client=Pagewell")
                .body())).hasSize(31);
    }

    @Test
    void linksSentTodayThroughTheRealFlows_comeOutOfTheCsvExactlyAsTheirAuditTrailSays() throws Exception {
        // RC-1001: sent, then sent again (the first is revoked), the second opened; RC-1004: sent and paid
        sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        String second = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        assertThat(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(second)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(303);
        String paid = sendLinkAndReadIt("Rivera, Lucas", "RC-1004", "trust@rivera-family.example");
        assertThat(new SandboxPayer().pay(paid, "4242424242424242")).contains("This invoice has been paid");

        LocalDate today = LocalDate.now(ZONE);
        String range = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/link-activity.xhtml?" + range + "&client=Carter");
        assertThat(b.text(By.id("tileLinks"))).isEqualTo("2");
        assertThat(b.text(By.id("tileViewed"))).isEqualTo("1");
        assertThat(b.text(By.id("tilePaid"))).isEqualTo("0");
        assertThat(b.text(By.id("tileShare"))).isEqualTo("0%");
        assertThat(b.text(By.id("tileMedian"))).isEqualTo("\u2014");
        b.open("/staff/admin/link-activity.xhtml?" + range + "&client=Rivera");
        assertThat(b.text(By.id("tileLinks"))).isEqualTo("1");
        assertThat(b.text(By.id("tileShare"))).isEqualTo("100%");
        assertThat(b.text(By.id("tileCollected"))).isEqualTo("$180.00");
        assertThat(row(b, "RC-1004")).contains("Bailey Brooks", "Rivera, Lucas", "Paid", "$180.00");

        // every link of the practice sent in those days (the demo's Harper Nguyen has one from this morning)
        List<List<String>> rows = parse(download(b, root() + "/staff/admin/link-activity.csv?" + range).body());
        List<List<String>> expected = expectedRows("Riverside Counseling", today.minusDays(1), today.plusDays(1), "%",
                Map.of("RC-1001", "150.00", "RC-1004", "180.00", "RC-0985", "120.00"));
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);
        assertThat(expected.stream().filter(r -> r.get(3).startsWith("RC-10")).map(r -> r.get(3) + " " + r.get(4)).toList())
                .containsExactly("RC-1001 REVOKED", "RC-1001 VIEWED", "RC-1004 PAID");
    }

    @Test
    void billingStaffGet403OnThePageAndTheCsv_andAnotherPracticesAdminSeesOnlyTheirOwnLinks() throws Exception {
        seed();
        String query = "?from=2022-03-07&to=2022-03-20&client=reportwell";
        StaffSession biller = new StaffSession(base);
        biller.signIn("biller", PASSWORD);
        assertThat(biller.get("/staff/admin/link-activity.xhtml" + query).statusCode()).isEqualTo(403);
        assertThat(biller.get("/staff/admin/link-activity.csv" + query).statusCode()).isEqualTo(403);
        assertThat(biller.get("/staff/clients.xhtml").body()).doesNotContain("navLinkActivity");

        StaffSession lakeAdmin = new StaffSession(base);
        lakeAdmin.signIn("lakeadmin", PASSWORD);
        HttpResponse<String> csv = lakeAdmin.get("/staff/admin/link-activity.csv" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<List<String>> rows = parse(csv.body());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).subList(1, 5)).containsExactly("Lena Park", "Reportwell, Ada", "RW-2203", "SENT");
        // a Riverside sender's id in the filter finds nothing at Lakeside
        long riversideBiller;
        try (Connection c = Database.connect()) {
            riversideBiller = id(c, "select id from staff where username = 'biller'");
        }
        assertThat(parse(lakeAdmin.get("/staff/admin/link-activity.csv" + query + "&staff=" + riversideBiller).body()))
                .hasSize(1);
    }

    @Test
    void aBadDateRangeIsRefusedWithItsReason_andTheReportShownStays() throws Exception {
        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/link-activity.xhtml?from=2022-03-07&to=2022-03-20");
        String shown = b.text(By.id("tileLinks"));
        setDates(b, "2022-03-20", "2022-03-07");
        b.click(By.id("filters:apply"));
        b.waitForText(By.id("filters:messages"),
                "The start date (2022-03-20) is after the end date (2022-03-07). Choose a start on or before the end.");
        assertThat(b.text(By.id("tileLinks"))).isEqualTo(shown);
        assertThat(b.driver().findElement(By.id("filters:csv")).getAttribute("href"))
                .as("the CSV is still the report shown").contains("from=2022-03-07&to=2022-03-20");

        b.open("/staff/admin/link-activity.xhtml?from=2020-01-01&to=2022-12-31");
        assertThat(b.text(By.id("filters:messages")))
                .isEqualTo("A report covers at most 731 days (two years). Choose a shorter range.");
        assertThat(b.driver().findElements(By.id("tileLinks"))).isEmpty();

        HttpResponse<String> csv = download(b, root() + "/staff/admin/link-activity.csv?from=2022-03-20&to=2022-03-07");
        assertThat(csv.statusCode()).isEqualTo(400);
        assertThat(csv.body()).isEqualTo(
                "The start date (2022-03-20) is after the end date (2022-03-07). Choose a start on or before the end.");
        assertThat(download(b, root() + "/staff/admin/link-activity.csv?to=2022-03-07").body())
                .isEqualTo("Choose both a start and an end date for the report.");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The CSV rows the audit trail and the links' own columns give, oldest first, as the CSV writes them. */
    private static List<List<String>> expectedRows(String practice, LocalDate from, LocalDate to, String clientLike,
                                                   Map<String, String> dueByInvoice) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        Instant now = Instant.now();
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement("""
                select l.sent_at, st.full_name, cl.last_name || ', ' || cl.first_name, i.number, l.expires_at,
                       l.first_viewed_at, l.last_viewed_at, i.currency,
                       (select max(a.occurred_at) from payment_link_audit a where a.payment_link_id = l.id and a.action = 'PAID'),
                       (select max(a.occurred_at) from payment_link_audit a where a.payment_link_id = l.id and a.action = 'REVOKED'),
                       (select max(a.occurred_at) from payment_link_audit a where a.payment_link_id = l.id and a.action = 'LOCKED'),
                       (select coalesce(sum(p.amount_minor), 0) from payment p where p.invoice_id = i.id
                        and p.method = 'CARD' and p.received_at >= l.sent_at
                        and exists (select 1 from payment_link_audit a where a.payment_link_id = l.id and a.action = 'PAID'))
                from payment_link l join invoice i on i.id = l.invoice_id join client cl on cl.id = i.client_id
                join staff st on st.id = l.sent_by_staff_id join practice pr on pr.id = l.practice_id
                where pr.name = ? and l.sent_at >= ? and l.sent_at < ? and cl.last_name || ', ' || cl.first_name like ?
                order by l.sent_at, l.id""")) {
            s.setString(1, practice);
            s.setTimestamp(2, Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
            s.setTimestamp(3, Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
            s.setString(4, clientLike);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant paidAt = instant(r, 9);
                    Instant revokedAt = instant(r, 10);
                    Instant lockedAt = instant(r, 11);
                    Instant expiresAt = instant(r, 5);
                    String status = paidAt != null ? "PAID" : revokedAt != null ? "REVOKED" : lockedAt != null ? "LOCKED"
                            : !now.isBefore(expiresAt) ? "EXPIRED" : instant(r, 6) != null ? "VIEWED" : "SENT";
                    String client = r.getString(3).startsWith("=") ? "'" + r.getString(3) : r.getString(3);
                    rows.add(List.of(time(instant(r, 1)), r.getString(2), client, r.getString(4), status,
                            time(instant(r, 6)), time(instant(r, 7)), time(paidAt), time(revokedAt), time(lockedAt),
                            time(expiresAt), r.getString(8), dueByInvoice.get(r.getString(4)),
                            java.math.BigDecimal.valueOf(r.getLong(12), 2).toPlainString(), "email", ""));
                }
            }
        }
        return rows;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String time(Instant value) {
        return value == null ? "" : ISO.format(value.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE).toOffsetDateTime());
    }

    private static List<List<String>> parse(String body) throws Exception {
        assertThat(body).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(body.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    /** GET with the browser's cookies (its signed-in session). */
    private static HttpResponse<String> download(Browser b, String url) throws Exception {
        String cookies = b.driver().manage().getCookies().stream().map(k -> k.getName() + "=" + k.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Whether the chart's canvas has any painted pixel. */
    private static boolean drawn(Browser b, String chart) {
        return Boolean.TRUE.equals(new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(d ->
                ((JavascriptExecutor) d).executeScript("""
                        const c = document.querySelector("[id='" + arguments[0] + "'] canvas");
                        if (!c || c.width === 0 || c.height === 0) return null;
                        const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                        for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) return true; }
                        return null;""", chart)));
    }

    /** Native date inputs take their value in ISO form whatever the browser's language. */
    private static void setDates(Browser b, String from, String to) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        js.executeScript("document.getElementById('filters:from').value = arguments[0];"
                + "document.getElementById('filters:to').value = arguments[1];", from, to);
    }

    private static List<String> weeks(Browser b) {
        return b.driver().findElements(By.cssSelector("#weeks tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(td -> td.getAttribute("textContent").trim())
                        .collect(Collectors.joining(" | ")))
                .toList();
    }

    /** The invoice numbers of the table's rows; read again if an update replaced the table meanwhile. */
    private static List<String> invoices(Browser b) {
        return new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(d -> {
            try {
                return d.findElements(By.cssSelector("[id='table:links_data'] .pl-invoice-number")).stream()
                        .map(e -> e.getAttribute("textContent").trim()).toList();
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    private static String row(Browser b, String invoice) {
        return b.driver().findElement(By.xpath("//tr[.//span[@class='pl-invoice-number' and text()='" + invoice + "']]"))
                .getText();
    }

    private static void awaitInvoices(Browser b, List<String> expected) {
        try {
            new WebDriverWait(b.driver(), Duration.ofSeconds(15)).until(d -> invoices(b).equals(expected));
        } catch (org.openqa.selenium.TimeoutException e) {
            assertThat(invoices(b)).containsExactlyElementsOf(expected);
        }
    }

    private static By header(String title) {
        return By.xpath("//*[@id='table:links']//th[contains(@class,'ui-sortable-column')]"
                + "[.//*[contains(@class,'ui-column-title') and normalize-space(.)='" + title + "']]");
    }

    // --- seeding, straight into the database ----------------------------------------------------------------

    private static long id(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long client(Connection c, long practice, String first, String last) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into client (practice_id, first_name, last_name, email,"
                + " bill_to_party) values (?, ?, ?, ?, 'CLIENT') returning id")) {
            s.setLong(1, practice);
            s.setString(2, first);
            s.setString(3, last);
            s.setString(4, first.toLowerCase() + ".reportwell@example.com");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** An invoice of {@code cents} for the client and one link for it, with its audit lines. */
    private static long link(Connection c, long client, String number, long cents, String sender, Instant sentAt,
                             Instant expiresAt, Instant firstViewed, Instant lastViewed, String status, Instant closedAt)
            throws SQLException {
        long invoice;
        try (PreparedStatement s = c.prepareStatement("insert into invoice (practice_id, client_id, number, issued_on,"
                + " currency, version) select practice_id, id, ?, date '2022-03-01', 'USD', 0 from client where id = ? returning id")) {
            s.setString(1, number);
            s.setLong(2, client);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                invoice = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into invoice_line (invoice_id, position, description,"
                + " quantity, unit_amount_minor) values (?, 0, 'Session', 1, ?)")) {
            s.setLong(1, invoice);
            s.setLong(2, cents);
            s.executeUpdate();
        }
        long link;
        try (PreparedStatement s = c.prepareStatement("""
                insert into payment_link (practice_id, invoice_id, recipient_source, recipient_name,
                    recipient_email, status, sent_by_staff_id, sent_at, expires_at, first_viewed_at, last_viewed_at,
                    closed_at, version)
                select i.practice_id, i.id, 'CLIENT_DETAILS', 'Payer', 'payer@example.com', ?,
                       (select id from staff where username = ?), ?, ?, ?, ?, ?, 0
                from invoice i where i.id = ? returning id""")) {
            s.setString(1, status);
            s.setString(2, sender);
            s.setTimestamp(3, Timestamp.from(sentAt));
            s.setTimestamp(4, Timestamp.from(expiresAt));
            s.setTimestamp(5, firstViewed == null ? null : Timestamp.from(firstViewed));
            s.setTimestamp(6, lastViewed == null ? null : Timestamp.from(lastViewed));
            s.setTimestamp(7, closedAt == null ? null : Timestamp.from(closedAt));
            s.setLong(8, invoice);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                link = r.getLong(1);
            }
        }
        // the link's one invoice (PL12), holding the invoice's "active link" slot while the link is active
        try (PreparedStatement s = c.prepareStatement("""
                insert into payment_link_invoice (payment_link_id, invoice_id, position, amount_minor, currency,
                    active_invoice_id) values (?, ?, 0, ?, 'USD', ?)""")) {
            s.setLong(1, link);
            s.setLong(2, invoice);
            s.setLong(3, cents);
            if ("ACTIVE".equals(status)) {
                s.setLong(4, invoice);
            } else {
                s.setNull(4, java.sql.Types.BIGINT);
            }
            s.executeUpdate();
        }
        audit(c, link, "SENT", sender, sentAt);
        if ("PAID".equals(status)) {
            audit(c, link, "PAID", null, closedAt);
        } else if ("REVOKED".equals(status)) {
            audit(c, link, "REVOKED", sender, closedAt);
        }
        return link;
    }

    private static void audit(Connection c, long link, String action, String staff, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into payment_link_audit (practice_id, invoice_id, payment_link_id, action, staff_id, occurred_at,
                    recipient_source, masked_recipient)
                select l.practice_id, l.invoice_id, l.id, ?, (select id from staff where username = ?), ?, 'CLIENT_DETAILS',
                       'p***@example.com'
                from payment_link l where l.id = ?""")) {
            s.setString(1, action);
            s.setString(2, staff);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, link);
            s.executeUpdate();
        }
    }

    /** A card payment through the link (its sandbox attempt and the payment it posted). */
    private static void pay(Connection c, long link, long cents, Instant at) throws SQLException {
        long invoice = invoiceOf(c, link);
        long payment;
        try (PreparedStatement s = c.prepareStatement("""
                insert into payment (invoice_id, received_at, amount_minor, currency, method, reference, gateway_reference,
                    receipt_number) values (?, ?, ?, 'USD', 'CARD', 'Payment link', ?, ?) returning id""")) {
            s.setLong(1, invoice);
            s.setTimestamp(2, Timestamp.from(at));
            s.setLong(3, cents);
            s.setString(4, "pi_report_" + link);
            s.setString(5, "R-RPT-" + link);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                payment = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into payment_attempt (payment_link_id, invoice_id, gateway, gateway_reference, idempotency_key,
                    amount_minor, currency, status, payment_id, created_at, updated_at, version)
                values (?, ?, 'SANDBOX', ?, ?, ?, 'USD', 'SUCCEEDED', ?, ?, ?, 0)""")) {
            s.setLong(1, link);
            s.setLong(2, invoice);
            s.setString(3, "pi_report_" + link);
            s.setString(4, "report-" + link);
            s.setLong(5, cents);
            s.setLong(6, payment);
            s.setTimestamp(7, Timestamp.from(at));
            s.setTimestamp(8, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static long invoiceOf(Connection c, long link) throws SQLException {
        return id(c, "select invoice_id from payment_link where id = " + link);
    }

    private static void posting(Connection c, String sql, long invoice, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, invoice);
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
    }
}
