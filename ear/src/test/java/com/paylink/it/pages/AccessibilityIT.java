package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: WCAG 2.1 AA, checked by axe-core (Deque's Selenium integration) in Chromium on the pages
 * staff and clients use: start, sign-in, clients, ledger with its open action menu and send dialog, inbox,
 * API keys, sign-in activity, the link activity report, the payment page and the invalid-link page. And Escape closes the action menu.
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
        b.open("/staff/admin/link-activity.xhtml");
        assertAccessible(b, "link activity report");
        b.open("/staff/admin/settings.xhtml");
        assertAccessible(b, "practice settings");
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

    @Test
    void theLedgerTheSendDialogAndThePaymentFormWorkWithTheKeyboardAlone() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        int seen = mail.linksTo("olivia.bennett@example.com").size();
        b.openLedger("Bennett, Noah");
        WebElement actions = b.driver().findElement(By.xpath("//tr[.//span[@class='pl-invoice-number' and text()='RC-1002']]"
                + "//*[contains(@class,'pl-select-action')]//button"));
        tabUntil(b, actions::equals, "the RC-1002 action button");
        b.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(b.visibleMenuItems()).as("Enter opens the menu").contains("Send 1-Time Payment Link");
        WebElement send = b.driver().findElements(By.xpath("//a[contains(@class,'ui-menuitem-link')][normalize-space(.)='Send 1-Time Payment Link']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
        for (int i = 0; i < 10 && !send.equals(b.driver().switchTo().activeElement()); i++) {
            b.driver().switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(b.driver().switchTo().activeElement()).as("arrows reach Send 1-Time Payment Link").isEqualTo(send);
        send.sendKeys(Keys.ENTER);
        b.waitForText(By.id("sendLinkDialog"), "Send Payment Link");
        WebElement confirm = b.driver().findElement(By.id("sendLinkForm:send"));
        tabUntil(b, confirm::equals, "Send Payment Link");
        confirm.sendKeys(Keys.ENTER);
        b.waitForText(By.cssSelector(".ui-growl"), "Payment link sent");

        String link = mail.awaitNewLinkTo("olivia.bennett@example.com", seen);
        Browser payer = browser();
        payer.driver().get(link);
        WebElement name = payer.driver().findElement(By.id("card:name"));
        tabUntil(payer, name::equals, "the name on the card");
        payer.driver().switchTo().activeElement().sendKeys("Jo Payer", Keys.TAB, "4242424242424242", Keys.TAB, "12/39",
                Keys.TAB, "123", Keys.TAB, "02139", Keys.ENTER);
        payer.waitForText(By.id("paid"), "This invoice has been paid");
    }

    /** Presses Tab (at most 80 times) until the focused element is the one wanted. */
    private static void tabUntil(Browser b, java.util.function.Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 80; i++) {
            WebElement focused = b.driver().switchTo().activeElement();
            if (wanted.test(focused)) {
                return;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what);
    }

    private static void assertAccessible(Browser b, String page) {
        Axe.assertAccessible(b.driver(), "the " + page);
    }
}
