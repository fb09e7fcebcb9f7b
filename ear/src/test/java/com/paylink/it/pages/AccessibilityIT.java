package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: WCAG 2.1 AA, checked by axe-core (installed from npm by scripts/test.sh) in Chromium on the pages
 * staff and clients use: start, sign-in, clients, ledger with its open action menu and send dialog, inbox,
 * API keys, sign-in activity, the payment page and the invalid-link page. And Escape closes the action menu.
 */
class AccessibilityIT extends PageTest {

    @Test
    void everyPageMeetsWcag21AaAsAxeCoreChecksIt() throws Exception {
        Browser b = browser();
        b.open("/");
        assertAccessible(b, "start page");
        b.open("/login.xhtml");
        assertAccessible(b, "sign-in page");
        b.signIn("admin", PASSWORD);
        assertAccessible(b, "clients");
        b.openLedger("Rivera, Lucas");
        assertAccessible(b, "ledger");
        b.openActions("RC-1004");
        assertAccessible(b, "ledger with the action menu open");
        b.chooseAction("Send 1-Time Payment Link");
        b.waitForText(By.id("sendLinkDialog"), "Send Payment Link");
        assertAccessible(b, "send dialog");
        b.open("/staff/inbox.xhtml");
        assertAccessible(b, "inbox");
        b.open("/staff/api-keys.xhtml");
        assertAccessible(b, "API keys");
        b.open("/staff/admin/sign-ins.xhtml");
        assertAccessible(b, "sign-in activity");
        b.signOut();

        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        b.driver().get(link);
        b.waitForText(By.id("invoiceNumber"), "RC-1001");
        assertAccessible(b, "payment page");
        b.open("/pay/" + "x".repeat(43));
        assertAccessible(b, "invalid-link page");
    }

    @Test
    void escapeClosesTheActionMenuAndGivesFocusBackToItsButton() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Rivera, Lucas");
        b.openActions("RC-1004");
        assertThat(b.visibleMenuItems()).contains("Send 1-Time Payment Link");
        b.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(d ->
                d.findElements(By.cssSelector(".ui-menuitem-link")).stream().noneMatch(WebElement::isDisplayed));
        WebElement focused = b.driver().switchTo().activeElement();
        assertThat(focused.getTagName()).isEqualTo("button");
        assertThat(focused.findElement(By.xpath("./ancestor::*[contains(@class,'pl-select-action')]"))).isNotNull();
    }

    private static void assertAccessible(Browser b, String page) throws Exception {
        Path axe = Path.of(System.getProperty("paylink.axe", ".paylink-tools/node_modules/axe-core/axe.min.js"));
        assertThat(axe).as("axe-core, installed by scripts/test.sh (npm install axe-core)").exists();
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        b.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        js.executeScript(Files.readString(axe) + "\nwindow.axe = axe;");
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + " + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' ' + (n.any[0] ? n.any[0].message : ''); }).join(' | '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        assertThat((java.util.List<?>) result).as("WCAG 2.1 AA violations on the " + page).isEmpty();
    }
}
