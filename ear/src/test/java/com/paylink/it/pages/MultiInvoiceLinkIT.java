package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PL12, L14 from outside: one payment link for several invoices of one client. Billing staff tick invoices on the
 * Unpaid Invoices tab (Chromium), the client gets one email and pays the total once through the sandbox; the
 * payment is allocated oldest first, each person is notified once, one receipt goes out. Boundaries over HTTP:
 * an invoice in another working link is refused by number, Billing is checked on the server, revoking the link
 * frees every invoice, an expired or changed link charges nothing, a paid one never pays again.
 */
class MultiInvoiceLinkIT extends PageTest {

    private final HttpClient http = HttpClient.newHttpClient();

    /** The demo's Harper Lewis: RC-1011 (drsmith), RC-1012 (drjones, no Billing), RC-1013 (drsmith), oldest first. */
    @Test
    void aThreeInvoiceLinkIsPaidOnce_allocatedOldestFirst_oneReceipt_eachRecipientNotifiedOnce() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Lewis, Harper");
        b.click(By.linkText("Unpaid Invoices"));
        for (String number : List.of("RC-1011", "RC-1012", "RC-1013")) {
            b.click(By.xpath("//*[@id='ledger:tabs:unpaidInvoices']//tr[.//span[@class='pl-invoice-number' and text()='"
                    + number + "']]//td[contains(@class,'ui-selection-column')]//div[contains(@class,'ui-chkbox-box')]"));
        }
        b.click(By.id("ledger:tabs:sendSelected"));
        b.waitForText(By.id("sendLinkForm:dialogInvoices"), "RC-1013");
        String dialog = b.text(By.id("sendLinkForm:dialogInvoices"));
        assertThat(dialog).contains("RC-1011", "RC-1012", "RC-1013", "$150.00", "$120.00");
        assertThat(b.text(By.id("dialogTotal"))).isEqualTo("$420.00");
        b.click(By.id("sendLinkForm:send"));
        b.waitForText(By.cssSelector(".ui-growl"), "One payment link for 3 invoices sent to h***@example.com");

        // one email, one link, the total, the numbers, nothing clinical
        String to = "harper.lewis@example.com";
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.linksTo(to).size() == 1);
        MimeMessage sent = mail.to(to).get(0);
        String text = Mailbox.text(sent);
        assertThat(text).contains("RC-1011, RC-1012, RC-1013", "$420.00")
                .doesNotContain("Therapy", "Smith", "Jones", "Harper", "Lewis");
        String link = mail.linksTo(to).get(0);
        assertThat(linkCount("RC-1012")).isEqualTo(1);

        // the payment page lists each invoice and its amount, and the total
        b.open(link.substring(link.indexOf("/pay/")));
        b.waitForText(By.id("invoiceLines"), "RC-1013");
        assertThat(b.driver().findElements(By.cssSelector(".pl-pay-line")).stream().map(r -> r.getText().trim()).toList())
                .containsExactly("RC-1011 $150.00", "RC-1012 $150.00", "RC-1013 $120.00");
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$420.00");
        assertThat(b.pageText()).doesNotContain("Therapy", "Smith", "Harper");

        // a second tab opened before paying, to press Pay again afterwards
        StaleTab secondTab = StaleTab.open(link);

        // pay through the sandbox
        b.fillSandboxCard("Harper Lewis", "4242 4242 4242 4242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "Receipt number");
        assertThat(b.text(By.id("amountPaid"))).isEqualTo("$420.00");
        assertThat(b.text(By.id("paidInvoices"))).isEqualTo("RC-1011, RC-1012, RC-1013");
        String receipt = b.text(By.id("receiptNumber"));

        // allocated oldest first: one payment row per invoice, each in full, one charge and one receipt number
        List<String[]> payments = Database.rows("select i.number, p.amount_minor, p.receipt_number, p.gateway_reference from payment p "
                + "join invoice i on i.id = p.invoice_id where i.number in ('RC-1011','RC-1012','RC-1013') order by p.id");
        assertThat(payments).extracting(r -> r[0] + " " + r[1]).containsExactly("RC-1011 15000", "RC-1012 15000", "RC-1013 12000");
        assertThat(payments).extracting(r -> r[2]).containsOnly(receipt);
        assertThat(payments.stream().map(r -> r[3]).distinct().count()).as("one charge").isEqualTo(1);
        assertThat(Database.count("select count(*) from payment_attempt a join payment_link l on l.id = a.payment_link_id "
                + "join invoice i on i.id = l.invoice_id where i.number = 'RC-1011' and a.status = 'SUCCEEDED'")).isEqualTo(1);

        // each person once: drsmith rendered two of them, drjones has no Billing, admin and drlee are Admins
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.count("select count(*) from notification "
                + "where kind = 'PAYMENT_RECEIVED' and invoice_number like '%RC-1012%'") >= 3);
        Map<String, String> told = notified("RC-1012");
        assertThat(told).containsOnlyKeys("drsmith", "admin", "drlee")
                .allSatisfy((who, what) -> assertThat(what).isEqualTo("1 420.00"));

        // one receipt, for the total
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(to).size() == 1);
        assertThat(Mailbox.text(receipts(to).get(0))).contains("$420.00", receipt, "RC-1011, RC-1012, RC-1013")
                .doesNotContain("Therapy");

        // paying again is impossible: the other tab's Pay and the link itself say paid, nothing more is charged
        assertThat(secondTab.pay("4242424242424242")).contains("This invoice has been paid");
        b.open(link.substring(link.indexOf("/pay/")));
        b.waitForText(By.id("paid"), receipt);
        assertThat(b.driver().findElements(By.id("card:pay"))).isEmpty();
        assertThat(Database.count("select count(*) from payment_attempt a join payment_link l on l.id = a.payment_link_id "
                + "join invoice i on i.id = l.invoice_id where i.number = 'RC-1011'")).as("one charge only").isEqualTo(1);
        assertThat(Database.count("select count(*) from payment p join invoice i on i.id = p.invoice_id "
                + "where i.number in ('RC-1011','RC-1012','RC-1013')")).isEqualTo(3);
        assertThat(notified("RC-1012")).hasSize(3);
        assertThat(receipts(to)).hasSize(1);
    }

    @Test
    void anInvoiceInAnotherWorkingLinkIsRefusedByNumber_andRevokingTheGroupLinkFreesThemAll() throws Exception {
        Fixture f = fixture(3);
        long a = f.invoiceIds.get(0);
        long b2 = f.invoiceIds.get(1);
        long c = f.invoiceIds.get(2);
        assertThat(post("/api/invoices/" + b2 + "/payment-links", "biller", "").statusCode()).isEqualTo(201);

        HttpResponse<String> refused = post("/api/payment-links", "biller", "{\"invoices\":[" + a + "," + b2 + "," + c + "]}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("invoice-in-another-link", "Invoice " + f.numbers.get(1) + " is already in another active payment link");
        assertThat(linkCount(f.numbers.get(0))).as("nothing sent").isZero();

        HttpResponse<String> group = post("/api/payment-links", "biller", "{\"invoices\":[" + c + "," + a + "]}");
        assertThat(group.statusCode()).isEqualTo(201);
        assertThat(group.body()).contains("\"invoices\":[\"" + f.numbers.get(0) + "\",\"" + f.numbers.get(2) + "\"]");
        HttpResponse<String> single = post("/api/invoices/" + a + "/payment-links", "biller", "");
        assertThat(single.statusCode()).isEqualTo(409);
        assertThat(single.body()).contains("Invoice " + f.numbers.get(0) + " is already in another active payment link");
        assertThat(get("/api/invoices/" + c + "/payment-links", "biller").body())
                .contains("\"status\":\"ACTIVE\"", "\"invoices\":[\"" + f.numbers.get(0) + "\",\"" + f.numbers.get(2) + "\"]");

        // revoking the link from either of its invoices frees both
        Browser browser = browser().signIn("biller", PASSWORD);
        browser.openLedger(f.listName);
        browser.openActions(f.numbers.get(2));
        browser.chooseAction("Revoke payment link");
        browser.click(By.id("confirmYes"));
        browser.waitForText(By.cssSelector(".ui-growl"), "Payment link revoked");
        assertThat(get("/api/invoices/" + a + "/payment-links", "biller").body()).contains("\"status\":\"REVOKED\"");
        assertThat(post("/api/invoices/" + a + "/payment-links", "biller", "").statusCode()).isEqualTo(201);
        assertThat(post("/api/invoices/" + c + "/payment-links", "biller", "").statusCode()).isEqualTo(201);
    }

    @Test
    void onlyBillingStaffOfThePracticeSendALinkForSeveralInvoices_checkedOnTheServer() throws Exception {
        Fixture f = fixture(2);
        String body = "{\"invoices\":[" + f.invoiceIds.get(0) + "," + f.invoiceIds.get(1) + "]}";
        HttpResponse<String> frontdesk = post("/api/payment-links", "frontdesk", body);
        assertThat(frontdesk.statusCode()).isEqualTo(403);
        long lakeside = Database.count("select id from invoice where number = 'LT-2001'");
        HttpResponse<String> otherPractice = post("/api/payment-links", "biller",
                "{\"invoices\":[" + f.invoiceIds.get(0) + "," + lakeside + "]}");
        assertThat(otherPractice.statusCode()).as("another practice's invoice").isEqualTo(404);
        assertThat(linkCount(f.numbers.get(0))).isZero();
        assertThat(post("/api/payment-links", "biller", "{\"invoices\":[]}").body()).contains("no-invoices-selected");
    }

    /** PL3, PL12: the payer opened the page while it could be paid; by the time they press Pay it cannot. */
    @Test
    void anExpiredGroupLinkOrOneWhoseInvoiceChangedChargesNothing() throws Exception {
        Fixture expiring = fixture(2);
        Browser b = openToPay(sendGroup(expiring));
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "update payment_link set expires_at = now() - interval '1 minute' where invoice_id = ?")) {
            s.setLong(1, expiring.invoiceIds.get(0));
            s.executeUpdate();
        }
        b.click(By.id("card:pay"));
        b.waitForText(By.id("unavailable"), "This payment link is no longer valid");
        assertThat(paymentsOn(expiring)).isZero();

        Fixture changed = fixture(3);
        b = openToPay(sendGroup(changed));
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "insert into payment (invoice_id, received_at, amount_minor, currency, method, reference) "
                        + "values (?, now(), 5000, 'USD', 'CASH', 'Front desk')")) {
            s.setLong(1, changed.invoiceIds.get(1)); // paid in full at the front desk meanwhile
            s.executeUpdate();
        }
        b.click(By.id("card:pay"));
        b.waitForText(By.id("invoicesChanged"), "One of the invoices on this link has changed since it was sent");
        assertThat(b.driver().findElements(By.id("card:pay"))).as("no way to pay").isEmpty();
        assertThat(paymentsOn(changed)).as("only the front desk's").isEqualTo(1);
    }

    /** Opens the emailed link in the browser and fills in the sandbox card, without pressing Pay. */
    private Browser openToPay(String link) throws Exception {
        Browser b = browser();
        b.open(link.substring(link.indexOf("/pay/")));
        b.waitForText(By.id("invoiceLines"), "MI-");
        b.fillSandboxCard("Jo Payer", "4242 4242 4242 4242");
        return b;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A payer's browser tab without a browser: the payment page as it was when opened, its form posted later. */
    private record StaleTab(HttpClient http, String checkout, String page) {

        static StaleTab open(String link) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new StaleTab(http, link.substring(0, link.indexOf("/pay/")) + "/checkout/index.xhtml", page);
        }

        String pay(String card) throws Exception {
            return SandboxPayer.post(http, checkout, page, card);
        }
    }

    /** A client of the demo practice of its own, with {@code n} open invoices of $50.00 issued a day apart. */
    private record Fixture(String listName, String email, List<Long> invoiceIds, List<String> numbers) {
    }

    private Fixture fixture(int n) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "multi-" + tag + "@example.com";
        try (Connection c = Database.connect()) {
            long practice = single(c, "select id from practice where name = 'Riverside Counseling'");
            long smith = single(c, "select id from staff where username = 'drsmith'");
            long client;
            try (PreparedStatement s = c.prepareStatement("insert into client (practice_id, first_name, last_name, email, "
                    + "bill_to_party) values (?, 'Multi', ?, ?, 'CLIENT') returning id")) {
                s.setLong(1, practice);
                s.setString(2, "Tag" + tag);
                s.setString(3, email);
                client = returning(s);
            }
            List<Long> ids = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long appointment;
                try (PreparedStatement s = c.prepareStatement("insert into appointment (practice_id, client_id, starts_at, "
                        + "service_type, rendering_provider_id) values (?, ?, now() - (? * interval '1 day'), 'Session', ?) returning id")) {
                    s.setLong(1, practice);
                    s.setLong(2, client);
                    s.setInt(3, 30 - i);
                    s.setLong(4, smith);
                    appointment = returning(s);
                }
                String number = "MI-" + tag + "-" + (i + 1);
                long invoice;
                try (PreparedStatement s = c.prepareStatement("insert into invoice (practice_id, client_id, appointment_id, "
                        + "number, issued_on, currency, version) values (?, ?, ?, ?, ?, 'USD', 0) returning id")) {
                    s.setLong(1, practice);
                    s.setLong(2, client);
                    s.setLong(3, appointment);
                    s.setString(4, number);
                    s.setObject(5, LocalDate.now().minusDays(30 - i));
                    invoice = returning(s);
                }
                try (PreparedStatement s = c.prepareStatement("insert into invoice_line (invoice_id, position, description, "
                        + "quantity, unit_amount_minor) values (?, 0, 'Session', 1, 5000)")) {
                    s.setLong(1, invoice);
                    s.executeUpdate();
                }
                ids.add(invoice);
                numbers.add(number);
            }
            return new Fixture("Tag" + tag + ", Multi", email, ids, numbers);
        }
    }

    private String sendGroup(Fixture f) throws Exception {
        int seen = mail.linksTo(f.email).size();
        HttpResponse<String> sent = post("/api/payment-links", "biller", "{\"invoices\":"
                + f.invoiceIds.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")) + "}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        return mail.awaitNewLinkTo(f.email, seen);
    }

    private long paymentsOn(Fixture f) throws SQLException {
        return Database.count("select count(*) from payment where invoice_id in ("
                + f.invoiceIds.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(root() + path)).GET().header("Accept", "application/json")
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private List<MimeMessage> receipts(String to) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mail.to(to)) {
            if (m.getSubject() != null && m.getSubject().contains(" receipt ")) {
                found.add(m);
            }
        }
        return found;
    }

    /** Per recipient of the payment notifications naming the invoice: how many, and the amount. */
    private static Map<String, String> notified(String invoiceNumber) throws SQLException {
        Map<String, String> told = new LinkedHashMap<>();
        for (String[] r : Database.rows("select s.username, count(*), max(n.amount_minor) from notification n "
                + "join staff s on s.id = n.recipient_staff_id where n.kind = 'PAYMENT_RECEIVED' "
                + "and n.invoice_number like '%" + invoiceNumber + "%' group by s.username")) {
            told.put(r[0], r[1] + " " + java.math.BigDecimal.valueOf(Long.parseLong(r[2]), 2).toPlainString());
        }
        return told;
    }

    private static long linkCount(String invoiceNumber) throws SQLException {
        return Database.count("select count(*) from payment_link_invoice li join invoice i on i.id = li.invoice_id "
                + "where i.number = '" + invoiceNumber + "'");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long returning(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
