package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PAY16 as the people meet it, in Chromium with the demo data: an Admin allows partial payments, a biller sends
 * a link for RC-1002 ($150.00 due), the client pays part of it (a bad amount is refused with its reason and
 * charges nothing), the paid page, the receipt and the Admin's notification say what remains, the ledger shows
 * it, and a second link pays the rest.
 */
class PartialPaymentIT extends PageTest {

    private static final String PRACTICE = "Riverside Counseling";
    private static final String PAYER = "olivia.bennett@example.com"; // Noah Bennett's mother, the only address on file

    /** The demo practice gets its defaults back, so other page tests see full-balance links. */
    @AfterEach
    void restoreDefaults() throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "update practice set partial_payments_allowed = false, partial_minimum_minor = 1000 where name = ?")) {
            s.setString(1, PRACTICE);
            s.executeUpdate();
        }
    }

    @Test
    void aPartialPaymentThenASecondLinkForTheRest() throws Exception {
        // an Admin allows partial payments from $20 (before the link is sent: a link keeps what it was sent with)
        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/settings.xhtml");
        b.driver().findElement(By.cssSelector("label[for='settingsForm:partial']")).click();
        b.type(By.id("settingsForm:partialMinimum"), "20.00");
        b.click(By.id("settingsForm:save"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "Settings saved");
        b.signOut();

        String link = sendFromTheLedger(b, "$150.00");

        b = browser();
        b.driver().get(link);
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$150.00");
        assertThat(b.text(By.id("card:amountChoice"))).contains("Pay the full balance ($150.00)", "Pay another amount");
        assertThat(b.driver().findElement(By.cssSelector("input[value='full']")).isSelected()).as("the default").isTrue();
        Axe.assertAccessible(b.driver(), "/checkout/ (partial payments)");

        chooseAnotherAmount(b, "5");
        fillCard(b);
        b.click(By.id("card:pay"));
        b.waitForText(By.id("card:messages"), "The smallest amount you can pay through this link is $20.00.");
        assertThat(b.driver().findElement(By.id("card:otherAmount")).getAttribute("value")).as("kept").isEqualTo("5");

        chooseAnotherAmount(b, "150.01");
        fillCard(b);
        b.click(By.id("card:pay"));
        b.waitForText(By.id("card:messages"), "You cannot pay more than the balance of $150.00.");
        assertThat(paymentsOf("RC-1002")).as("nothing charged").isEqualTo(1); // the cash payment the demo has

        chooseAnotherAmount(b, "50");
        fillCard(b);
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "Payment received");
        String receipt = b.text(By.id("receiptNumber"));
        assertThat(b.text(By.id("amountPaid"))).isEqualTo("$50.00");
        assertThat(b.text(By.id("remainingBalance"))).isEqualTo("$100.00");
        assertThat(b.text(By.id("balanceRemaining"))).contains("ask Riverside Counseling for a new payment link");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiptsTo(PAYER).size() == 1);
        assertThat(receiptsTo(PAYER).get(0)).contains(receipt, "Amount paid: $50.00", "Remaining balance: $100.00");

        // the same link, opened again: paid, and used up
        b.driver().get(link);
        assertThat(b.text(By.id("paid"))).contains("Payment received", receipt, "$50.00", "$100.00");
        assertThat(b.driver().findElements(By.id("card:pay"))).isEmpty();

        // the Admin hears of it with what remains
        b = browser().signIn("admin", PASSWORD);
        b.click(By.id("inboxLink"));
        b.waitForText(By.id("inboxForm:notifications"),
                "Jo Payer paid $50.00 on invoice RC-1002. Remaining balance: $100.00.");
        b.signOut();

        // the biller sees the new balance and sends a link for the rest
        String second = sendFromTheLedger(b, "$100.00");
        assertThat(second).isNotEqualTo(link);

        b = browser();
        b.driver().get(second);
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$100.00");
        fillCard(b); // the full remaining balance, the default choice
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        assertThat(b.text(By.id("amountPaid"))).isEqualTo("$100.00");
        assertThat(b.text(By.id("remainingBalance"))).isEqualTo("Paid in full");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiptsTo(PAYER).size() == 2);
        assertThat(receiptsTo(PAYER).get(1)).contains("Amount paid: $100.00", "Paid in full");

        b = browser().signIn("biller", PASSWORD);
        b.openLedger("Bennett, Noah");
        assertThat(b.text(By.id("totalBalance"))).isEqualTo("$0.00");
        assertThat(invoiceRow(b, "RC-1002")).contains("Paid");
        b.signOut();
    }

    /** Signs the biller in, sends a link for RC-1002 from the ledger (which shows {@code balance} due); returns it. */
    private String sendFromTheLedger(Browser b, String balance) throws Exception {
        int seen = mail.linksTo(PAYER).size();
        b.signIn("biller", PASSWORD);
        b.openLedger("Bennett, Noah");
        assertThat(b.text(By.id("totalBalance"))).isEqualTo(balance);
        assertThat(invoiceRow(b, "RC-1002")).contains(balance);
        b.openActions("RC-1002");
        b.chooseAction("Send 1-Time Payment Link");
        b.waitForText(By.id("dialogBalance"), balance);
        b.click(By.id("sendLinkForm:send"));
        b.waitForText(By.cssSelector(".ui-growl"), "Payment link sent to o***@example.com");
        b.signOut();
        return mail.awaitNewLinkTo(PAYER, seen);
    }

    private static String invoiceRow(Browser b, String number) {
        return b.text(By.xpath("//div[@id='ledger:tabs:allInvoices']//tr[.//span[@class='pl-invoice-number' and text()='"
                + number + "']]"));
    }

    private static void chooseAnotherAmount(Browser b, String amount) {
        b.driver().findElement(By.cssSelector("label[for='card:amountChoice:1']")).click();
        b.type(By.id("card:otherAmount"), amount);
    }

    private static void fillCard(Browser b) {
        b.fillSandboxCard("Jo Payer", "4242424242424242");
    }

    private List<String> receiptsTo(String address) {
        return mail.to(address).stream().map(Mailbox::text).filter(t -> t.contains("Receipt number")).toList();
    }

    private static long paymentsOf(String invoiceNumber) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from payment p join invoice i on i.id = p.invoice_id where i.number = ?")) {
            s.setString(1, invoiceNumber);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
