package com.paylink.it.pages;

import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
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

import java.net.URL;
import java.time.Duration;

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
    private static Mailbox mail;
    private static Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startSmtp() {
        mail = Mailbox.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        mail.stop();
    }

    private String emailedLink(String client, String number, String recipient) throws Exception {
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        int seen = mail.linksTo(recipient).size();
        assertThat(staff.sendLink(staff.invoiceId(client, number), "biller", PASSWORD)).isEqualTo(201);
        return mail.awaitNewLinkTo(recipient, seen);
    }

    @Test
    void adminSeesTheUnreadCountRiseWithoutReloading_andDrJonesSeesNothing() throws Exception {
        browser = new Browser(base);
        Browser b = browser.signIn("admin", PASSWORD);
        b.open("/staff/clients.xhtml");
        String before = b.text(By.id("unreadCount"));

        String link = emailedLink("Carter, Emma", "RC-1001", "emma.carter@example.com"); // rendered by Dr. Sarah Smith, who has Billing
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
