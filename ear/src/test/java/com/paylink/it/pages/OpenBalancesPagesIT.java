package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 24 (C6) in the browser: Billing's Open balances lists the clients who owe and filters them on the server; a
 * client ticked and sent to gets one link (the send runs in the background with a progress bar and ends with a summary);
 * sending again skips them with the reason; her paper statement is made from the same page, ready to download as one PDF;
 * staff without Billing are told the page is not theirs.
 */
class OpenBalancesPagesIT extends PageTest {

    private static final String AVA_PAYER = "claims@harbor-eap.example"; // Ava Thompson's Bill To

    @Test
    void billingFiltersTicksAClientAndSends_theSummarySaysWhatHappened_andASecondSendSkipsThem() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.click(By.id("navBalances"));
        b.waitForText(By.id("balancesForm:balances"), "Thompson, Ava");
        assertThat(b.text(By.id("balancesForm:balances"))).contains("Nguyen, Harper", "$275.00");

        b.type(By.id("filters:min"), "270");
        b.type(By.id("filters:max"), "300");
        b.click(By.id("filters:apply"));
        b.waitForTextGone(By.id("balancesForm:balances"), "Nguyen, Harper");
        assertThat(b.text(By.id("balancesForm:balances"))).contains("Thompson, Ava");

        int before = mail.to(AVA_PAYER).size();
        for (int round = 1; round <= 2; round++) {
            b.click(By.xpath("//tr[td//a[normalize-space(.)='Thompson, Ava']]//div[contains(@class,'ui-chkbox-box')]"));
            b.click(By.id("balancesForm:sendSelected"));
            b.waitForText(By.id("dialogFigures"), "1 client(s): 1 by email, 0 by text; $275.00 in all.");
            b.click(By.id("sendForm:confirmSend"));
            // the second batch's own figures (its panel replaces the first's)
            b.waitForText(By.id("batchCounts"), round == 1 ? "1 of 1 done: 1 sent, 0 skipped, 0 failed."
                    : "1 of 1 done: 0 sent, 1 skipped, 0 failed.");
            b.waitForText(By.id("progressForm:batchProgress"), "Batch finished");
            if (round == 2) {
                b.waitForText(By.id("progressForm:notSent"), "Already has a working link");
                assertThat(b.text(By.id("progressForm:notSent"))).contains("Thompson, Ava", "Skipped");
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(AVA_PAYER).size() == before + 1);

        // C5 from the batch page: her paper statement instead, in the background, then one PDF to download
        b.click(By.xpath("//tr[td//a[normalize-space(.)='Thompson, Ava']]//div[contains(@class,'ui-chkbox-box')]"));
        b.click(By.id("balancesForm:sendSelected"));
        b.waitForText(By.id("dialogStatements"), "works 14 days");
        b.click(By.id("sendForm:confirmStatements"));
        b.waitForText(By.id("batchCounts"), "1 of 1 done: 1 statements made, 0 skipped, 0 failed.");
        b.waitForText(By.id("progressForm:batchProgress"), "Statements ready");
        assertThat(b.text(By.id("progressForm:statementsReady"))).contains("Download statements (PDF)", "Kept until");
        Axe.assertAccessible(b.driver(), "/staff/balances.xhtml");

        b.signOut();
        b.signIn("frontdesk", PASSWORD);
        assertThat(b.driver().findElements(By.id("navBalances"))).as("Billing and Admins only").isEmpty();
        b.open("/staff/balances.xhtml");
        assertThat(b.text(By.id("balancesBillingOnly"))).contains("Billing permission");
    }
}
