package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client with many invoices and payments (120 and 260, put straight into the database) gets a Ledger that
 * pages, sorts and adds up on the server: the page carries one page of rows per list, the paginator reaches
 * the last page, a sort reorders across all pages, the totals are the sums, and the row actions work on a page
 * other than the first. Fails if the tables lose their paging (every row would be rendered).
 */
class LedgerPagingIT extends PageTest {

    /** Two clients with the same ledger: one only read, one whose invoices and payments the actions change. */
    private static final String READ = "Paige";
    private static final String ACT = "Percy";
    private static final String EMAIL = "percy.pager@example.com";
    private static final int INVOICES = 120;
    private static final int PAGE = 25;
    private static final java.util.Set<String> SEEDED = new java.util.HashSet<>();

    // invoice n (1..120): issued 2021-01-01 + n days; total $100.00–$219.00, out of step with the dates
    private static long total(int n) {
        return 10_000 + (n * 37L % INVOICES) * 100;
    }

    // n ≤ 40 paid in two halves; the others two $10.00 payments, n 41–60 one more of $5.00 (260 in all)
    private static List<Long> payments(int n) {
        if (n <= 40) {
            return List.of(total(n) / 2, total(n) - total(n) / 2);
        }
        return n <= 60 ? List.of(1_000L, 1_000L, 500L) : List.of(1_000L, 1_000L);
    }

    // n 61–70 adjusted by $3.00
    private static long adjustment(int n) {
        return n > 60 && n <= 70 ? 300 : 0;
    }

    private static String number(int n) {
        return String.format("BL-%04d", n);
    }

    /** The invoice numbers of Percy's ledger (invoice numbers are unique within the practice). */
    private static String actNumber(int n) {
        return String.format("BA-%04d", n);
    }

    private static String usd(long cents) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(cents / 100.0);
    }

    /** The client "Pager, {firstName}" and its ledger, once per deployment (each starts from the demo data). */
    private static synchronized void seed(String firstName) throws SQLException {
        if (!SEEDED.add(firstName)) {
            return;
        }
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            long client;
            try (PreparedStatement s = c.prepareStatement("""
                    insert into client (practice_id, first_name, last_name, email, bill_to_party)
                    select id, ?, 'Pager', ?, 'CLIENT' from practice where name = 'Riverside Counseling'
                    returning id""")) {
                s.setString(1, firstName);
                s.setString(2, firstName.toLowerCase(Locale.ROOT) + ".pager@example.com");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    client = r.getLong(1);
                }
            }
            try (PreparedStatement invoice = c.prepareStatement("""
                    insert into invoice (practice_id, client_id, number, issued_on, currency, version)
                    select practice_id, id, ?, date '2021-01-01' + ?, 'USD', 0 from client where id = ? returning id""");
                 PreparedStatement line = c.prepareStatement("""
                         insert into invoice_line (invoice_id, position, description, quantity, unit_amount_minor)
                         values (?, 0, 'Individual Therapy (50 min)', 1, ?)""");
                 PreparedStatement payment = c.prepareStatement("""
                         insert into payment (invoice_id, received_at, amount_minor, currency, method, reference)
                         values (?, timestamp with time zone '2021-01-01 09:00:00Z' + make_interval(days => ?, hours => ?),
                                 ?, 'USD', 'CHECK', ?)""");
                 PreparedStatement adjust = c.prepareStatement("""
                         insert into adjustment (invoice_id, created_at, amount_minor, currency, reason)
                         values (?, timestamp with time zone '2021-02-01 09:00:00Z' + make_interval(days => ?), ?, 'USD',
                                 'Sliding scale')""")) {
                for (int n = 1; n <= INVOICES; n++) {
                    invoice.setString(1, firstName.equals(ACT) ? actNumber(n) : number(n));
                    invoice.setInt(2, n);
                    invoice.setLong(3, client);
                    long id;
                    try (ResultSet r = invoice.executeQuery()) {
                        r.next();
                        id = r.getLong(1);
                    }
                    line.setLong(1, id);
                    line.setLong(2, total(n));
                    line.addBatch();
                    List<Long> paid = payments(n);
                    for (int k = 0; k < paid.size(); k++) {
                        payment.setLong(1, id);
                        payment.setInt(2, n);
                        payment.setInt(3, k + 1);
                        payment.setLong(4, paid.get(k));
                        payment.setString(5, "Check #" + (1000 * n + k));
                        payment.addBatch();
                    }
                    if (adjustment(n) > 0) {
                        adjust.setLong(1, id);
                        adjust.setInt(2, n);
                        adjust.setLong(3, adjustment(n));
                        adjust.addBatch();
                    }
                }
                line.executeBatch();
                payment.executeBatch();
                adjust.executeBatch();
            }
            c.commit();
        }
    }

    @Test
    void theLedgerShowsOnePageOfEachList_pagesToTheLast_sortsAcrossPages_andAddsUpEverything() throws Exception {
        seed(READ);
        assertThat(IntStream.rangeClosed(1, INVOICES).map(n -> payments(n).size()).sum()).isEqualTo(260);
        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Pager, " + READ);

        long charges = IntStream.rangeClosed(1, INVOICES).mapToLong(LedgerPagingIT::total).sum();
        long paid = IntStream.rangeClosed(1, INVOICES).mapToLong(n -> payments(n).stream().mapToLong(Long::longValue).sum()).sum();
        long adjusted = IntStream.rangeClosed(1, INVOICES).mapToLong(LedgerPagingIT::adjustment).sum();
        assertThat(b.text(By.id("totalCharges"))).isEqualTo(usd(charges));
        assertThat(b.text(By.id("totalPaid"))).isEqualTo(usd(paid));
        assertThat(b.text(By.id("totalAdjusted"))).isEqualTo(usd(adjusted));
        assertThat(b.text(By.id("totalBalance"))).isEqualTo(usd(charges - paid - adjusted));

        // one page per list in the page as sent, newest first as always; the oldest invoice is nowhere in it
        assertThat(rows(b, "allInvoices")).hasSize(PAGE);
        assertThat(rows(b, "unpaidInvoices")).hasSize(PAGE);
        assertThat(rows(b, "payments")).hasSize(PAGE);
        assertThat(rows(b, "adjustments")).hasSize(10);
        assertThat(numbers(b, "allInvoices")).startsWith(number(120), number(119));
        assertThat(b.driver().getPageSource()).doesNotContain(number(1));
        assertThat(b.text(By.id("ledger:tabs:allInvoices_paginator_bottom"))).contains("1–25 of 120");
        Axe.assertAccessible(b.driver(), "the paged ledger");

        b.click(By.cssSelector("[id='ledger:tabs:allInvoices_paginator_bottom'] .ui-paginator-last"));
        awaitFirst(b, "allInvoices", number(20));
        assertThat(numbers(b, "allInvoices")).hasSize(INVOICES - 4 * PAGE).endsWith(number(1));

        // Total, ascending: the cheapest ($100.00, BL-0120), then BL-0013 ($101.00), which is on the last
        // page in the default order: only a sort on the server puts it second
        b.click(header("allInvoices", "Total"));
        awaitFirst(b, "allInvoices", number(120));
        assertThat(numbers(b, "allInvoices")).startsWith(number(120), number(13)).hasSize(PAGE);
        assertThat(rows(b, "allInvoices").get(1).getText()).contains("$101.00");
        b.click(header("allInvoices", "Total"));
        awaitFirst(b, "allInvoices", number(107));
        assertThat(rows(b, "allInvoices").get(0).getText()).contains("$219.00");

        // the unpaid invoices are those with a balance (41–120), sorted by balance on the server
        b.click(By.linkText("Unpaid Invoices"));
        assertThat(b.text(By.id("ledger:tabs:unpaidInvoices_paginator_bottom"))).contains("of 80");
        b.click(header("unpaidInvoices", "Balance"));
        int smallestBalance = IntStream.rangeClosed(41, INVOICES).boxed()
                .min(java.util.Comparator.comparingLong((Integer n) -> total(n) - payments(n).stream().mapToLong(Long::longValue).sum()
                        - adjustment(n)).thenComparing(n -> -n)).orElseThrow();
        awaitFirst(b, "unpaidInvoices", number(smallestBalance));

        // payments: 260, by amount, largest first
        b.click(By.linkText("Payments"));
        assertThat(b.text(By.id("ledger:tabs:payments_paginator_bottom"))).contains("of 260");
        b.click(header("payments", "Amount"));
        b.waitForText(By.cssSelector("[id='ledger:tabs:payments_data'] > tr:first-child"), usd(500));
        b.click(header("payments", "Amount"));
        long largest = IntStream.rangeClosed(1, INVOICES).mapToLong(n -> payments(n).stream().mapToLong(Long::longValue).max().orElseThrow())
                .max().orElseThrow();
        b.waitForText(By.cssSelector("[id='ledger:tabs:payments_data'] > tr:first-child"), usd(largest));
        assertThat(rows(b, "payments")).hasSize(PAGE);
    }

    @Test
    void theRowActionsWorkOnTheSecondPage_sendALinkThenRefundItsPayment() throws Exception {
        seed(ACT);
        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Pager, " + ACT);
        b.click(By.xpath("//*[@id='ledger:tabs:allInvoices_paginator_bottom']//*[contains(@class,'ui-paginator-page')][normalize-space(.)='2']"));
        awaitFirst(b, "allInvoices", actNumber(95));

        int seen = mail.linksTo(EMAIL).size();
        b.openActions(actNumber(90));
        b.chooseAction("Send 1-Time Payment Link");
        b.waitForText(By.id("dialogInvoice"), actNumber(90));
        assertThat(b.text(By.id("dialogBalance"))).isEqualTo(usd(total(90) - 2_000));
        b.click(By.id("sendLinkForm:send"));
        b.waitForText(By.cssSelector(".ui-growl"), "Payment link sent to p***@example.com");
        // the table stays on page 2, with the new link on its row
        awaitFirst(b, "allInvoices", actNumber(95));
        new WebDriverWait(b.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> row(b, actNumber(90)).getText().contains("Sent"));

        String link = mail.awaitNewLinkTo(EMAIL, seen);
        assertThat(new SandboxPayer().pay(link, "4242424242424242")).contains("This invoice has been paid");

        // the card payment is the newest: sorted oldest first, it is the last row of the last page
        b.openLedger("Pager, " + ACT);
        b.click(By.linkText("Payments"));
        assertThat(b.text(By.id("ledger:tabs:payments_paginator_bottom"))).contains("of 261");
        b.click(header("payments", "Received"));
        b.waitForText(By.cssSelector("[id='ledger:tabs:payments_data'] > tr:first-child"), actNumber(1));
        b.click(By.cssSelector("[id='ledger:tabs:payments_paginator_bottom'] .ui-paginator-last"));
        b.waitForText(By.cssSelector("[id='ledger:tabs:payments_data'] > tr:last-child"), "R-");
        assertThat(rows(b, "payments")).hasSize(261 - 10 * PAGE);
        b.click(By.cssSelector("[id='ledger:tabs:payments_data'] .pl-select-action button"));
        b.chooseAction("Refund payment");
        b.waitForText(By.id("refundable"), usd(total(90) - 2_000));
        WebElement amount = b.driver().findElement(By.id("refundForm:amount"));
        amount.clear();
        amount.sendKeys("20.00");
        b.type(By.id("refundForm:reason"), "Paged refund");
        String balanceBefore = b.text(By.id("totalBalance"));
        b.click(By.id("refundForm:refund"));
        b.waitForText(By.cssSelector(".ui-growl"), "Refunded $20.00 of payment R-");
        b.waitForText(By.id("ledger:tabs:refunds"), "Paged refund");
        b.waitForTextGone(By.id("totalBalance"), balanceBefore);
        assertThat(rows(b, "payments")).as("still the last page").hasSize(261 - 10 * PAGE);
    }

    /** The data rows a table has in the page (shown or not: every tab is in the page). */
    private static List<WebElement> rows(Browser b, String table) {
        return b.driver().findElements(By.cssSelector("[id='ledger:tabs:" + table + "_data'] > tr[data-ri]"));
    }

    private static List<String> numbers(Browser b, String table) {
        return b.driver().findElements(By.cssSelector("[id='ledger:tabs:" + table + "_data'] .pl-invoice-number"))
                .stream().map(e -> e.getAttribute("textContent").trim()).toList();
    }

    private static WebElement row(Browser b, String number) {
        return b.driver().findElement(By.xpath("//tr[.//span[@class='pl-invoice-number' and text()='" + number + "']]"));
    }

    private static void awaitFirst(Browser b, String table, String number) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    List<String> shown = numbers(b, table);
                    return !shown.isEmpty() && shown.get(0).equals(number);
                });
    }

    private static By header(String table, String title) {
        return By.xpath("//*[@id='ledger:tabs:" + table + "']//th[contains(@class,'ui-sortable-column')]"
                + "[.//*[contains(@class,'ui-column-title') and normalize-space(.)='" + title + "']]");
    }
}
