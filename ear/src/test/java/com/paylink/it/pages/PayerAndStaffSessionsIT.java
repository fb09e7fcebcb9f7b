package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 9: a payer's state lives under its own cookie, never in the container's session. Opening a
 * link where a staff member is signed in leaves their session as it was, and signing out does not end the
 * payment; the payment paths never create a staff-style session at all.
 */
class PayerAndStaffSessionsIT extends PageTest {

    @Test
    void thePaymentPathsSetOnlyThePayersOwnCookie() throws Exception {
        String link = sendLinkAndReadIt("Bennett, Noah", "RC-1002", "olivia.bennett@example.com");
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> opened = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(opened.statusCode()).isEqualTo(303);
        List<String> cookies = opened.headers().allValues("Set-Cookie");
        assertThat(cookies).noneMatch(c -> c.startsWith("JSESSIONID="));
        String payer = cookies.stream().filter(c -> c.startsWith("PAYLINK_PAYER=")).findFirst().orElseThrow();
        assertThat(payer.toLowerCase(java.util.Locale.ROOT)).contains("httponly", "samesite=lax", "path=/");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(root() + "/checkout/"))
                .header("Cookie", payer.substring(0, payer.indexOf(';'))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("RC-1002");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void aLinkOpenedWhereStaffAreSignedInLeavesTheirSessionAlone_andSigningOutDoesNotEndThePayment() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        Cookie staff = b.driver().manage().getCookieNamed("JSESSIONID");

        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        b.driver().get(link);
        assertThat(b.text(By.id("invoiceNumber"))).isEqualTo("RC-1001");
        assertThat(b.driver().manage().getCookieNamed("JSESSIONID").getValue()).as("the staff session is untouched")
                .isEqualTo(staff.getValue());
        assertThat(b.driver().manage().getCookieNamed("PAYLINK_PAYER")).isNotNull();
        b.open("/staff/clients.xhtml");
        assertThat(b.path()).as("still signed in").startsWith("/staff/clients.xhtml");

        b.signOut();
        b.open("/checkout/");
        assertThat(b.text(By.id("amountDue"))).as("the payment goes on").isEqualTo("$150.00");
        b.fillSandboxCard("Jo Payer", "4242424242424242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        b.open("/staff/clients.xhtml");
        assertThat(b.path()).as("paying signed nobody in").startsWith("/login.xhtml");
    }
}
