package com.paylink.it.pages;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.paylink.it.Deployments;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After a sandbox payment, Admins and the rendering provider with Billing see it in the app without
 * reloading; a provider without Billing sees nothing. Demo data, Chromium, GreenMail in this JVM.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationPagesIT {

    private static final String PASSWORD = "paylink-demo";
    private static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<]+/pay/[A-Za-z0-9_-]{43})");
    private static GreenMail smtp;
    private static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("paylink.test.smtp.port", 3025), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        smtp.stop();
    }

    private String emailedLink(String client, String number) throws Exception {
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        long invoice = staff.invoiceId(client, number);
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.toString().replaceAll("/$", "") + "/api/invoices/" + invoice + "/payment-links"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("biller:" + PASSWORD).getBytes()))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length > 0);
        MimeMessage mail = smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1];
        Matcher m = LINK.matcher(((Multipart) mail.getContent()).getBodyPart(0).getContent().toString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void adminSeesTheUnreadCountRiseWithoutReloading_andDrJonesSeesNothing() throws Exception {
        browser = new Browser(base);
        Browser b = browser.signIn("admin", PASSWORD);
        b.open("/staff/clients.xhtml");
        String before = b.text(By.id("unreadCount"));

        String link = emailedLink("Carter, Emma", "RC-1001"); // rendered by Dr. Sarah Smith, who has Billing
        String paid = new SandboxPayer().pay(link, "4242424242424242");
        assertThat(paid).contains("This invoice has been paid");

        // no reload: the header's poll brings the count up
        await().atMost(Duration.ofSeconds(30)).until(() -> !b.text(By.id("unreadCount")).equals(before));
        assertThat(Integer.parseInt(b.text(By.id("unreadCount")))).isEqualTo(Integer.parseInt(before) + 1);

        b.click(By.id("inboxLink"));
        b.waitForText(By.id("inboxForm:notifications"), "Emma Carter paid $150.00 on invoice RC-1001.");
        b.click(By.id("inboxForm:markAllRead"));
        b.waitForText(By.id("unreadCount"), "0");
        b.click(By.linkText("RC-1001"));
        assertThat(b.path()).startsWith("/staff/invoice.xhtml");
        assertThat(b.text(By.id("invoiceStatus"))).isEqualTo("Paid");
        b.signOut();

        b.signIn("drsmith", PASSWORD);
        assertThat(b.text(By.id("unreadCount"))).isEqualTo("1");
        b.signOut();
        b.signIn("drlee", PASSWORD);
        assertThat(b.text(By.id("unreadCount"))).as("an Admin without Billing").isEqualTo("1");
        b.signOut();

        b.signIn("drjones", PASSWORD);
        assertThat(b.text(By.id("unreadCount"))).isEqualTo("0");
        b.click(By.id("inboxLink"));
        assertThat(b.text(By.id("inboxForm:notifications"))).contains("No notifications yet");
        b.signOut();
        b.signIn("frontdesk", PASSWORD);
        assertThat(b.text(By.id("unreadCount"))).isEqualTo("0");
    }
}
