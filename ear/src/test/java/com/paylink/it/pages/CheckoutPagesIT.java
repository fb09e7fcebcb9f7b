package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's side from outside: the emailed link opened in Chromium, paid with the sandbox's success
 * card; headers, status codes and every bad token over plain HTTP. Demo data; GreenMail in this JVM.
 */
class CheckoutPagesIT extends PageTest {

    /** What differs between any two responses: CSP nonces and hidden form values. */
    private static final String VARYING = "nonce[=-]\"?[A-Za-z0-9+/=]+\"?|'[A-Za-z0-9+/=_-]{20,}'|value=\"[^\"]*\"";

    @Test
    void theClientOpensTheEmailedLink_paysWithTheSandboxCard_andReopeningShowsPaid() throws Exception {
        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        Browser b = browser();
        b.driver().get(link);
        assertThat(b.driver().getCurrentUrl()).as("the token leaves the address bar").endsWith("/checkout/")
                .doesNotContain(link.substring(link.lastIndexOf('/') + 1));
        assertThat(b.text(By.id("practiceName"))).isEqualTo("Riverside Counseling");
        assertThat(b.text(By.id("invoiceNumber"))).isEqualTo("RC-1001");
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$150.00");
        assertThat(b.text(By.id("sandboxBadge"))).contains("Sandbox", "no real charge");
        assertThat(b.pageText()).doesNotContain("Individual Therapy").doesNotContain("Dr. Sarah Smith")
                .doesNotContain("Emma");

        fill(b, "4000000000000002");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("card:messages"), "Your card was declined");
        assertThat(b.text(By.id("amountDue"))).as("the link still works").isEqualTo("$150.00");
        // the payer keeps what they typed, but the card number and CVC
        assertThat(b.driver().findElement(By.id("card:name")).getAttribute("value")).isEqualTo("Jo Payer");
        assertThat(b.driver().findElement(By.id("card:expiry")).getAttribute("value")).isEqualTo("12/39");
        assertThat(b.driver().findElement(By.id("card:postal")).getAttribute("value")).isEqualTo("02139");
        assertThat(b.driver().findElement(By.id("card:number")).getAttribute("value")).isEmpty();
        assertThat(b.driver().findElement(By.id("card:cvc")).getAttribute("value")).isEmpty();

        fill(b, "4242424242424242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));
        assertThat(receipt).matches("R-[2-9A-HJ-NP-Z]{10}");
        assertThat(b.text(By.id("amountPaid"))).isEqualTo("$150.00");

        b.driver().get(link);
        assertThat(b.text(By.id("paid"))).contains("This invoice has been paid", receipt);
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("emma.carter@example.com").stream()
                .anyMatch(m -> Mailbox.text(m).contains(receipt)));
    }

    /**
     * P7 in the sandbox: its simulated wallet is offered once Paylink's domain is registered on the practice's account
     * ("Check status now", which in the sandbox also keeps an enrolled practice enrolled), and it pays as a card does.
     */
    @Test
    void theSandboxWallet_isOfferedOnceTheDomainIsRegistered_andPays() throws Exception {
        String payer = "harper.nguyen@example.com";
        String link = sendLinkAndReadIt("Nguyen, Harper", Database.newInvoice("Harper", "Nguyen", "RC-T-SBWALLET", 4500), payer);
        Browser b = browser();
        b.driver().get(link);
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$45.00");
        assertThat(b.driver().findElements(By.id("card:payWallet"))).as("no domain registered yet").isEmpty();
        // the wallet's button posted anyway (a forged form): the page takes no such button, nothing is paid
        assertThat(new SandboxPayer().press(link, "", "card:payWallet")).contains("id=\"payable\"");
        assertThat(Database.count("select count(*) from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = 'RC-T-SBWALLET'")).isZero();

        b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/card-processing.xhtml");
        b.click(By.id("cardsForm:refresh"));
        b.waitForText(By.id("wallets"), "Available to your clients on 127.0.0.1");
        assertThat(b.text(By.id("cardStatus"))).as("still enrolled").isEqualTo("Taking card payments");
        b.signOut();

        b = browser();
        b.driver().get(link);
        assertThat(b.driver().findElement(By.id("card:payWallet")).getAttribute("value")).isEqualTo("Pay with Google Pay (sandbox)");
        Axe.assertAccessible(b.driver(), "/checkout/ (sandbox wallet)");
        b.click(By.id("card:payWallet"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        assertThat(Database.rows("select p.amount_minor, p.card_brand, p.card_last4 from payment p join invoice i"
                + " on i.id = p.invoice_id where i.number = 'RC-T-SBWALLET'"))
                .extracting(r -> r[0] + " " + r[1] + " " + r[2]).containsExactly("4500 visa 4242");
    }

    private static void fill(Browser b, String number) {
        b.fillSandboxCard("Jo Payer", number);
    }

    @Test
    void thePageWorksOnAPhoneAndEveryFieldHasALabel() throws Exception {
        String link = sendLinkAndReadIt("Rivera, Lucas", "RC-1004", "trust@rivera-family.example");
        Browser b = browser();
        b.driver().manage().window().setSize(new Dimension(375, 800));
        try {
            b.driver().get(link);
            WebElement pay = b.driver().findElement(By.id("card:pay"));
            assertThat(pay.getRect().getX() + pay.getRect().getWidth()).isLessThanOrEqualTo(375);
            Object scrollWidth = ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(((Number) scrollWidth).intValue()).as("no sideways scrolling").isLessThanOrEqualTo(375);
            for (String field : new String[]{"name", "number", "expiry", "cvc", "postal"}) {
                assertThat(b.driver().findElements(By.cssSelector("label[for='card:" + field + "']"))).as(field).hasSize(1);
            }
        } finally {
            b.driver().manage().window().setSize(new Dimension(1400, 1000));
        }
    }

    /** Scripts and styles travel gzipped to a phone that accepts it; pages, which carry form secrets, never do. */
    @Test
    void scriptsAndStylesAreCompressed_pagesAreNot() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(root() + "/pay/" + "g".repeat(43)))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Encoding")).as("the page").isEmpty();
        assertThat(page.body()).contains("This payment link is no longer valid");

        // the payment pages load one stylesheet of their own (no PrimeFaces theme or script); the staff pages
        // load PrimeFaces' scripts: every one of them is compressed
        String login = client.send(HttpRequest.newBuilder(URI.create(root() + "/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (String body : java.util.List.of(page.body(), login)) {
            java.util.regex.Matcher resources = java.util.regex.Pattern
                    .compile("(?:src|href)=\"([^\"]*jakarta\\.faces\\.resource/[^\"]*\\.(js|css)[^\"]*)\"").matcher(body);
            while (resources.find()) {
                URI url = base.toURI().resolve(resources.group(1).replace("&amp;", "&"));
                HttpResponse<byte[]> gz = client.send(HttpRequest.newBuilder(url).header("Accept-Encoding", "gzip")
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(gz.statusCode()).as(url.toString()).isEqualTo(200);
                assertThat(gz.headers().firstValue("Content-Encoding")).as(url.toString()).contains("gzip");
                byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes();
                assertThat(plain.length).as("gzip makes " + url + " smaller").isGreaterThan(gz.body().length);
                // versioned URLs (a new one every release), so browsers may keep them for a year
                assertThat(url.getQuery()).as(url.toString()).contains("v=");
                assertThat(gz.headers().firstValue("Cache-Control").orElse("")).as(url.toString()).contains("max-age=31536000");
                kinds.add(resources.group(2));
            }
        }
        assertThat(page.body()).as("no PrimeFaces theme on the payment pages").doesNotContain("primefaces-");
        assertThat(kinds).as("scripts and styles were checked").contains("js", "css");
    }

    /**
     * Issue 24 (item 5): corporate mail filters open every link of a message before its reader does. Twenty GETs
     * (following the redirect, without cookies) and twenty HEADs from the scanner's own address neither use the link
     * up, lock it, nor rate-limit the payer, who then pays from another address.
     */
    @Test
    void mailScannersOpeningTheLinkFromAnotherAddress_neitherUseItUpNorLockItNorLimitThePayer() throws Exception {
        String payer = "harper.nguyen@example.com";
        String link = sendLinkAndReadIt("Nguyen, Harper", Database.newInvoice("Harper", "Nguyen", "RC-T-SCANNED", 6000), payer);
        HttpClient scanner = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        for (int i = 0; i < 20; i++) {
            for (String method : new String[]{"GET", "HEAD"}) {
                HttpResponse<String> scan = scanner.send(HttpRequest.newBuilder(URI.create(link))
                                .header("X-Forwarded-For", "203.0.113.77").header("User-Agent", "LinkScanner/1.0 (mail filter)")
                                .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(scan.statusCode()).as(method + " " + i + " from the scanner").isLessThan(500);
            }
        }
        assertThat(Database.count("select count(*) from payment_link l join invoice i on i.id = l.invoice_id"
                + " where i.number = 'RC-T-SCANNED' and l.status = 'ACTIVE'")).as("still working").isEqualTo(1);

        Browser b = browser();
        b.driver().get(link);
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$60.00");
        b.fillSandboxCard("Harper Nguyen", "4242424242424242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        assertThat(Database.count("select count(*) from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = 'RC-T-SCANNED'")).isEqualTo(1);
    }

    @Test
    void linkPagesSendStrictHeaders_andAGetNeverUsesTheLinkUp() throws Exception {
        String link = sendLinkAndReadIt("Thompson, Ava", "RC-1003", "claims@harbor-eap.example");
        HttpClient scanner = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> scan = scanner.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scan.statusCode()).isEqualTo(303);
            assertThat(scan.headers().firstValue("Location").orElse("")).endsWith("/checkout/");
            assertPaymentHeaders(scan);
        }
        HttpClient payer = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = payer.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("$275.00", "RC-1003");
        // light on a phone: plain Faces, none of PrimeFaces' scripts (docs/performance.md, Page weight)
        assertThat(page.body()).doesNotContain("components.js", "core.js", "jquery");
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "script-src 'self' https://js.stripe.com 'nonce-")
                .doesNotContain("unsafe-eval").doesNotContain("script-src *");
        assertPaymentHeaders(page);

        // a forged form post (no session secret) pays nothing
        String form = "card=card&card%3Acsrf=forged&card%3ArequestKey=k&card%3Aname=X&card%3Anumber=4242424242424242"
                + "&card%3Aexpiry=12%2F39&card%3Acvc=123&card%3Apay=&jakarta.faces.ViewState=stateless";
        payer.send(HttpRequest.newBuilder(URI.create(root() + "/checkout/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> after = payer.send(HttpRequest.newBuilder(URI.create(root() + "/checkout/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).contains("$275.00").doesNotContain("This invoice has been paid");
    }

    @Test
    void everyBadTokenGetsTheSamePageAndStatusAsAnExpiredLink() throws Exception {
        String valid = sendLinkAndReadIt("Rivera, Lucas", "RC-1004", "trust@rivera-family.example");
        String token = valid.substring(valid.lastIndexOf('/') + 1);
        char last = token.charAt(42);
        String[] bad = {token.substring(0, 42) + (last == 'A' ? 'B' : 'A'), "q".repeat(43), "x".repeat(4000),
                URLEncoder.encode("ééééé€€€😀", StandardCharsets.UTF_8), "", "%00", token + "A", "..%2F..%2Fetc%2Fpasswd"};
        String reference = null;
        for (String candidate : bad) {
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(root() + "/pay/" + candidate)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(candidate).isEqualTo(410);
            assertPaymentHeaders(page);
            String normalized = page.body().replaceAll(VARYING, "");
            assertThat(normalized).contains("This payment link is no longer valid");
            assertThat(page.body()).contains("value=\"Email me a new link\"");
            StaffPagesIT.assertNoStackTrace(page.body());
            if (reference == null) {
                reference = normalized;
            }
            assertThat(normalized).as("no difference an attacker could use").isEqualTo(reference);
        }

        // a revoked link looks exactly the same
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        assertThat(staff.sendLink(staff.invoiceId("Rivera, Lucas", "RC-1004"), "biller", PASSWORD))
                .as("a new link revokes the one we hold").isEqualTo(201);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> revoked = client.send(HttpRequest.newBuilder(URI.create(valid)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).isEqualTo(410);
        // the same page, and (P4) the way to reach the practice whose link it was: only its holder sees it
        assertThat(revoked.body()).contains("This payment link is no longer valid", "Email me a new link",
                "To reach Riverside Counseling:", "href=\"tel:5550104477\"", "(555) 010-4477",
                "href=\"mailto:frontdesk@riverside-counseling.example\"");
        assertThat(reference).as("an unknown token names no practice").doesNotContain("Riverside", "tel:", "mailto:");
    }

    @Test
    void aPaymentPostedForAnUnknownLinkIsRefusedCalmly() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(root() + "/pay/" + "u".repeat(43))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("id=\"renew:csrf\"[^>]*value=\"([^\"]*)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String form = "card=card&card%3Acsrf=" + csrf.group(1) + "&card%3ArequestKey=k&card%3Aname=X"
                + "&card%3Anumber=4242424242424242&card%3Aexpiry=12%2F39&card%3Acvc=123&card%3Apay="
                + "&jakarta.faces.ViewState=stateless";
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(root() + "/checkout/index.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(410);
        assertThat(answer.body()).contains("This payment link is no longer valid");
        StaffPagesIT.assertNoStackTrace(answer.body());
    }

    @Test
    void aSecondLanguageNeedsOnlyItsBundle() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> spanish = client.send(HttpRequest.newBuilder(URI.create(root() + "/pay/" + "z".repeat(43)))
                .header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(spanish.body()).contains("lang=\"es\"", "Este enlace de pago ya no es v\u00e1lido", "Enviarme un enlace nuevo");
        HttpResponse<String> german = client.send(HttpRequest.newBuilder(URI.create(root() + "/pay/" + "z".repeat(43)))
                .header("Accept-Language", "de-DE,de;q=0.9").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(german.body()).as("no German bundle: English").contains("This payment link is no longer valid");
    }
}
