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
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page test shares: the EAR as built, deployed as is and driven from outside; a real SMTP
 * server (GreenMail) in this JVM; one headless Chromium per class, with fresh cookies per test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class PageTest {

    static final String PASSWORD = "paylink-demo";
    static Mailbox mail;
    private static Browser browser;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @BeforeAll
    static void startMailbox() {
        mail = Mailbox.start();
    }

    @AfterAll
    static void stopBrowserAndMailbox() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        mail.stop();
    }

    /** The class's browser, signed out (cookies cleared). */
    Browser browser() throws Exception {
        if (browser == null) {
            browser = new Browser(base);
        }
        browser.driver().manage().deleteAllCookies();
        return browser;
    }

    /**
     * What every response on the payment paths carries, whatever its status (docs/security.md): the token
     * or the payer's page is never cached or framed, and no referrer leaves it.
     */
    static void assertPaymentHeaders(HttpResponse<?> response) {
        String which = response.request().uri().getPath() + " (" + response.statusCode() + ")";
        assertThat(response.headers().firstValue("Cache-Control")).as(which).contains("no-store");
        assertThat(response.headers().firstValue("Pragma")).as(which).contains("no-cache");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(which).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(which).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(which).contains("no-referrer");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).as(which)
                .contains("frame-ancestors 'none'");
    }

    String root() {
        return base.toString().replaceAll("/$", "");
    }

    /** Sends a link for a demo invoice as biller through the API and returns the link from its email. */
    String sendLinkAndReadIt(String client, String number, String recipientEmail) throws Exception {
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        int seen = mail.linksTo(recipientEmail).size();
        org.assertj.core.api.Assertions.assertThat(staff.sendLink(staff.invoiceId(client, number), "biller", PASSWORD))
                .isEqualTo(201);
        return mail.awaitNewLinkTo(recipientEmail, seen);
    }
}
