package com.paylink.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;

/** Headless Debian Chromium driven by Selenium, with the few steps every page test takes. */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public Browser(URL base) throws Exception {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("paylink-chromium"));
        // the browser asks for English, whatever the machine's locale: pages in another language are the server's choice
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-US,en"));
        this.driver = new ChromeDriver(service, options);
        this.baseUrl = base.toString().endsWith("/") ? base.toString() : base + "/";
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of Paylink and checks it with axe-core (WCAG 2.1 AA; serious or critical fails the test). */
    public Browser open(String path) {
        driver.get(baseUrl + (path.startsWith("/") ? path.substring(1) : path));
        Axe.assertAccessible(driver, path);
        return this;
    }

    public Browser signIn(String username, String password) {
        open("/login.xhtml");
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        click(By.id("login:submit"));
        // signed in (left the login page) or refused (an error message on it)
        wait.until(d -> !d.getCurrentUrl().contains("/login.xhtml")
                || !d.findElements(By.cssSelector("#login\\:messages .ui-messages-error")).isEmpty());
        return this;
    }

    public Browser signOut() {
        click(By.id("signOutForm:signOut"));
        wait.until(d -> d.getCurrentUrl().contains("/login.xhtml"));
        return this;
    }

    public void type(By by, String text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        element.clear();
        element.sendKeys(text);
    }

    public void click(By by) {
        try {
            wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("cannot click " + by + " on " + driver.getCurrentUrl() + ", page shows:\n" + pageText(), e);
        }
    }

    /** Clicks the first of the matching elements that is shown (menus render one copy per row). */
    public void clickVisible(By by) {
        wait.until(d -> d.findElements(by).stream().anyMatch(WebElement::isDisplayed));
        driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
    }

    /** From the client list to the client's Ledger, the way staff get there. */
    public void openLedger(String clientName) {
        open("/staff/clients.xhtml");
        click(By.linkText(clientName));
        click(By.id("menuLedger"));
    }

    /** Picks {@code label} in the Select an Action menu that is open. */
    public void chooseAction(String label) {
        clickVisible(By.xpath("//a[contains(@class,'ui-menuitem-link')][normalize-space(.)='" + label + "']"));
    }

    /** Opens the Select an Action menu of the ledger row showing invoice {@code number}. */
    public void openActions(String number) {
        click(By.xpath("//tr[.//span[@class='pl-invoice-number' and text()='" + number + "']]"
                + "//*[contains(@class,'pl-select-action')]//button"));
    }

    /** The labels of the menu items shown now, with "(disabled)" after disabled ones. */
    public java.util.List<String> visibleMenuItems() {
        wait.until(d -> d.findElements(By.cssSelector(".ui-menuitem-link")).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(By.cssSelector(".ui-menuitem-link")).stream().filter(WebElement::isDisplayed)
                .map(a -> a.getText().trim() + (a.getAttribute("class").contains("ui-state-disabled")
                        || a.findElement(By.xpath("..")).getAttribute("class").contains("ui-state-disabled") ? " (disabled)" : ""))
                .toList();
    }

    public void waitForTextGone(By by, String text) {
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(by, text)));
    }

    /** The element's text; re-reads it if a partial update (e.g. the unread-count poll) replaced it meanwhile. */
    public String text(By by) {
        return wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /**
     * Waits until the element's text contains {@code text}. A page that is navigating away (a redirect to the bank's
     * challenge, say) can answer Chrome's "node does not belong to the document" instead of a stale element: both
     * only mean "not yet", and the next poll reads the new page.
     */
    public void waitForText(By by, String text) {
        wait.until(d -> {
            try {
                return d.findElement(by).getText().contains(text);
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length() - 1);
    }

    /** After a click that loads a new page: waits until the browser is on a path starting with {@code prefix}. */
    public String waitForPath(String prefix) {
        try {
            wait.until(d -> path().startsWith(prefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected a page under " + prefix + " but the browser is on " + path(), e);
        }
        return path();
    }

    /** Fills the sandbox payment form with a test card (any future expiry, any CVC) as a payer would. */
    public void fillSandboxCard(String name, String number) {
        type(By.id("card:name"), name);
        type(By.id("card:number"), number);
        type(By.id("card:expiry"), "12/39");
        type(By.id("card:cvc"), "123");
        type(By.id("card:postal"), "02139");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
