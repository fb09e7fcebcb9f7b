package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages from outside, against the EAR as built and its seeded demo data: a real Chromium for
 * the flow (sign in, find a client, open the ledger), plain HTTP for status codes and page access.
 */
class StaffPagesIT extends PageTest {

    @Test
    void billerFindsAClientAndReadsTheLedger() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        assertThat(b.path()).startsWith("/staff/clients.xhtml");
        assertThat(b.text(By.id("signedInAs"))).isEqualTo("Bailey Brooks");
        assertThat(b.text(By.id("practiceName"))).isEqualTo("Riverside Counseling");
        assertThat(b.text(By.id("testModeMark"))).as("PAY7: the sandbox is never mistaken for money")
                .isEqualTo("Test mode: payments go to the offline sandbox. No real charges.");

        b.type(By.id("search:query"), "rivera");
        b.click(By.id("search:searchButton"));
        b.waitForTextGone(By.id("clientList"), "Carter, Emma");
        assertThat(b.text(By.id("clientList"))).contains("Rivera, Lucas").doesNotContain("Thompson, Ava");
        b.click(By.linkText("Rivera, Lucas"));

        assertThat(b.text(By.id("clientDetails"))).contains("lucas.rivera@example.com");
        assertThat(b.text(By.id("household"))).contains("Sofia Rivera", "sofia.rivera@example.com");
        assertThat(b.text(By.id("billing"))).contains("Rivera Family Trust", "trust@rivera-family.example");

        b.click(By.id("menuLedger"));
        assertThat(b.text(By.id("totalCharges"))).isEqualTo("$380.00");
        assertThat(b.text(By.id("totalPaid"))).isEqualTo("$160.00");
        assertThat(b.text(By.id("totalAdjusted"))).isEqualTo("$40.00");
        assertThat(b.text(By.id("totalBalance"))).isEqualTo("$180.00");
        String all = b.text(By.id("ledger:tabs:allInvoices"));
        assertThat(all).contains("RC-1004", "RC-0990", "Partially paid", "Paid", "Couples Therapy (60 min)");

        b.click(By.linkText("Unpaid Invoices"));
        b.waitForText(By.id("ledger:tabs:unpaidInvoices"), "RC-1004");
        assertThat(b.text(By.id("ledger:tabs:unpaidInvoices"))).doesNotContain("RC-0990");

        b.click(By.linkText("Payments"));
        b.waitForText(By.id("ledger:tabs:payments"), "Check #2291");

        b.click(By.linkText("All Invoices"));
        b.click(By.cssSelector("#ledger\\:tabs\\:allInvoices .pl-select-action button"));
        b.click(By.cssSelector(".ui-menu-list .pl-view-details a, a.pl-view-details"));
        b.waitForText(By.id("invoiceBalance"), "$");
        assertThat(b.path()).startsWith("/staff/invoice.xhtml");
    }

    @Test
    void everyDemoClientLedgerShowsItsBalance() throws Exception {
        Browser b = browser().signIn("admin", PASSWORD);
        String[][] expected = {{"Carter, Emma", "$150.00"}, {"Bennett, Noah", "$150.00"},
                {"Thompson, Ava", "$275.00"}, {"Rivera, Lucas", "$180.00"}, {"Chen, Mia", "$120.00"}};
        for (String[] client : expected) {
            b.openLedger(client[0]);
            assertThat(b.text(By.id("totalBalance"))).as(client[0]).isEqualTo(client[1]);
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() throws Exception {
        Browser b = browser().signIn("biller", "not-the-password");
        assertThat(b.path()).startsWith("/login.xhtml");
        assertThat(b.text(By.id("login:messages"))).contains("username or password is not right");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Browser b = browser().signIn("frontdesk", PASSWORD);
        assertThat(b.text(By.id("signedInAs"))).isEqualTo("Frankie Diaz");
        b.signOut();
        assertThat(b.text(By.id("signedOutNote"))).contains("signed out");
        b.open("/staff/clients.xhtml");
        assertThat(b.path()).startsWith("/login.xhtml");
    }

    @Test
    void staffPagesNeedASignIn() throws Exception {
        StaffSession anonymous = new StaffSession(base);
        for (String page : new String[]{"/staff/clients.xhtml", "/staff/ledger.xhtml?client=1", "/staff/admin/staff.xhtml"}) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(page).contains("/login.xhtml");
        }
    }

    @Test
    void theStaffListIsForAdminsOnly() throws Exception {
        StaffSession frontdesk = new StaffSession(base);
        assertThat(frontdesk.signIn("frontdesk", PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> refused = frontdesk.get("/staff/admin/staff.xhtml");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
        assertNoStackTrace(refused.body());

        StaffSession admin = new StaffSession(base);
        admin.signIn("admin", PASSWORD);
        HttpResponse<String> list = admin.get("/staff/admin/staff.xhtml");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Dr. Sarah Smith", "Frankie Diaz").doesNotContain("Lena Park");
    }

    /**
     * I4 from outside: an Admin takes Billing from a biller on Staff &amp; Permissions; the biller's very next request is
     * refused, and works again once Billing is given back; each change is listed; a practice's only Admin cannot step down.
     */
    @Test
    void i4_anAdminTakesBillingAwayOnThePage_theBillersNextRequestIsRefused_andTheOnlyAdminCannotStepDown() throws Exception {
        StaffSession api = new StaffSession(base);
        long noSuchInvoice = 999_999_999L;
        assertThat(api.sendLink(noSuchInvoice, "biller", PASSWORD)).as("with Billing the invoice is looked for").isEqualTo(404);

        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/staff.xhtml");
        By billing = row("Bailey Brooks", "input", ":billing");
        assertThat(b.driver().findElement(billing).isSelected()).isTrue();
        b.click(billing);
        b.click(row("Bailey Brooks", "button", ":save"));
        b.waitForText(By.id("staffForm:messages"), "Saved the permissions of Bailey Brooks.");
        assertThat(b.driver().findElement(billing).isSelected()).isFalse();
        assertThat(b.text(By.id("changes"))).contains("Morgan Avery", "Bailey Brooks", "Billing removed");
        assertThat(api.sendLink(noSuchInvoice, "biller", PASSWORD)).as("the next request, without Billing").isEqualTo(403);

        b.click(billing);
        b.click(row("Bailey Brooks", "button", ":save"));
        b.waitForText(By.id("staffForm:messages"), "Saved the permissions of Bailey Brooks.");
        assertThat(b.text(By.id("changes"))).contains("Billing given");
        assertThat(api.sendLink(noSuchInvoice, "biller", PASSWORD)).as("Billing again").isEqualTo(404);

        Browser lake = browser().signIn("lakeadmin", PASSWORD);
        lake.open("/staff/admin/staff.xhtml");
        By ownAdmin = row("Lena Park", "input", ":admin");
        lake.click(ownAdmin);
        lake.click(row("Lena Park", "button", ":save"));
        lake.waitForText(By.id("staffForm:messages"), "without an active Admin");
        assertThat(lake.driver().findElement(ownAdmin).isSelected()).as("nothing changed").isTrue();
    }

    private static By row(String name, String element, String idEnding) {
        return By.xpath("//tr[td[contains(., '" + name + "')]]//" + element + "[contains(@id, '" + idEnding + "')]");
    }

    @Test
    void anotherPracticesClientIsNotFound_andBadIdsNeverShowAStackTrace() throws Exception {
        StaffSession lakeside = new StaffSession(base);
        lakeside.signIn("lakeadmin", PASSWORD);
        long lakesideClient = lakeside.clientId("Walsh, Ethan");
        assertThat(lakeside.get("/staff/ledger.xhtml?client=" + lakesideClient).statusCode()).isEqualTo(200);

        StaffSession riverside = new StaffSession(base);
        riverside.signIn("biller", PASSWORD);
        assertThat(riverside.get("/staff/clients.xhtml").body()).doesNotContain("Walsh");
        for (String page : new String[]{"/staff/ledger.xhtml?client=" + lakesideClient,
                "/staff/client.xhtml?id=" + lakesideClient, "/staff/client.xhtml?id=abc",
                "/staff/ledger.xhtml", "/staff/invoice.xhtml?id=99999999", "/staff/invoice.xhtml?id=-1",
                "/no-such-page.xhtml"}) {
            HttpResponse<String> response = riverside.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(404);
            assertThat(response.body()).as(page).contains("Not found");
            assertNoStackTrace(response.body());
        }
    }

    /** A stack trace shows as "at package.Class.method(File.java:123)" lines or "Caused by:". */
    static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContainPattern("at [\\w$.]+\\([\\w$]+\\.java:\\d+\\)").doesNotContain("Caused by:");
    }

    /** P2 as a practice Admin meets it in the demo: Card processing, the (simulated) set-up, then links work. */
    @Test
    void anAdminSetsUpCardProcessing_thenBillingCanSendLinks() throws Exception {
        Browser b = browser().signIn("lakeadmin", PASSWORD);
        b.openLedger("Walsh, Ethan");
        b.openActions("LT-2001");
        assertThat(b.visibleMenuItems()).contains("Send 1-Time Payment Link (disabled)");

        b.click(By.id("cardsLink"));
        b.waitForPath("/staff/admin/card-processing.xhtml");
        assertThat(b.text(By.id("cardStatus"))).isEqualTo("Not set up");
        b.click(By.id("cardsForm:start")); // a full form post: the next page loads after the click returns
        b.waitForPath("/staff/admin/sandbox-onboarding.xhtml");
        b.click(By.id("sandboxOnboarding:complete"));
        b.waitForText(By.id("cardStatus"), "Taking card payments");
        assertThat(b.path()).startsWith("/staff/admin/card-processing.xhtml");

        b.openLedger("Walsh, Ethan");
        b.openActions("LT-2001");
        assertThat(b.visibleMenuItems()).contains("Send 1-Time Payment Link").doesNotContain("Send 1-Time Payment Link (disabled)");
    }

    /** P4: an Admin keeps how clients reach the practice; a number nobody could call is refused and nothing is saved. */
    @Test
    void anAdminKeepsThePracticesContactDetails_aBadOneIsRefusedWithItsReason() throws Exception {
        Browser b = browser().signIn("lakeadmin", PASSWORD);
        b.open("/staff/admin/card-processing.xhtml");
        b.type(By.id("contactForm:phone"), "call us");
        b.type(By.id("contactForm:email"), "office@lakeside-therapy.example");
        b.click(By.id("contactForm:saveContact"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "is not one a client could call");
        b.open("/staff/admin/card-processing.xhtml");
        assertThat(b.driver().findElement(By.id("contactForm:email")).getAttribute("value"))
                .as("a refused save keeps nothing").isEmpty();

        b.type(By.id("contactForm:phone"), "+1 555 010 9000 ext. 12");
        b.type(By.id("contactForm:email"), "not an address");
        b.click(By.id("contactForm:saveContact"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "is not a valid email address");

        b.type(By.id("contactForm:email"), "office@lakeside-therapy.example");
        b.click(By.id("contactForm:saveContact"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "Contact details saved");
        b.open("/staff/admin/card-processing.xhtml");
        assertThat(b.driver().findElement(By.id("contactForm:phone")).getAttribute("value")).isEqualTo("+1 555 010 9000 ext. 12");
        assertThat(b.driver().findElement(By.id("contactForm:email")).getAttribute("value"))
                .isEqualTo("office@lakeside-therapy.example");

        StaffSession biller = new StaffSession(base);
        biller.signIn("biller", PASSWORD);
        assertThat(biller.get("/staff/admin/card-processing.xhtml").statusCode()).as("Admins only").isEqualTo(403);
    }

    @Test
    void cardProcessingIsForAdminsOnly() throws Exception {
        StaffSession biller = new StaffSession(base);
        assertThat(biller.signIn("biller", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(biller.get("/staff/admin/card-processing.xhtml").statusCode()).isEqualTo(403);
        assertThat(biller.get("/staff/admin/sandbox-onboarding.xhtml").statusCode()).isEqualTo(403);
    }

    /** Client and ledger data is never cached, and a percent-encoded payment path is the payment path. */
    @Test
    void staffPagesAndEncodedPaymentPathsAreNeverCached() throws Exception {
        HttpResponse<String> encoded = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(root() + "/ch%65ckout/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(encoded.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(encoded.headers().firstValue("Referrer-Policy")).contains("no-referrer");

        StaffSession biller = new StaffSession(base);
        assertThat(biller.signIn("biller", PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> clients = biller.get("/staff/clients.xhtml");
        assertThat(clients.statusCode()).isEqualTo(200);
        assertThat(clients.headers().firstValue("Cache-Control")).contains("no-store");
    }

    /** A client whose only address is a parent's or a payer's does not look unreachable; a paid invoice says why it takes no link. */
    @Test
    void theClientListShowsWhereAnEmailIsKept_andAPaidInvoiceSaysWhyItTakesNoLink() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        String list = b.text(By.id("clientList")).replaceAll("\\s+", " ");
        assertThat(list).contains("olivia.bennett@example.com (Household)");
        b.openLedger("Rivera, Lucas");
        b.openActions("RC-0990");
        assertThat(b.visibleMenuItems()).contains("Send 1-Time Payment Link (disabled)");
        // the open menu's item (each invoice has its own menu in the page; only the open one is displayed)
        org.openqa.selenium.WebElement item = b.driver().findElements(By.xpath(
                        "//a[contains(@class,'ui-menuitem-link')][normalize-space(.)='Send 1-Time Payment Link']"))
                .stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElseThrow();
        assertThat(item.findElement(By.xpath("..")).getAttribute("title") + item.getAttribute("title"))
                .contains("This invoice is paid");
    }
}
