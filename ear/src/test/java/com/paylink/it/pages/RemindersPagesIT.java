package com.paylink.it.pages;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24 in the browser: the Admin sets the balance-reminder days on Practice settings (a schedule that does not go
 * up is refused with its reason and changes nothing); Billing pauses reminders for one invoice or the client on the
 * ledger, a reason required and shown, and resumes them; the ledger says where the reminders stand.
 */
class RemindersPagesIT extends PageTest {

    @Test
    void anAdminSetsTheReminderDays_aScheduleThatDoesNotGoUpIsRefusedWithItsReason() throws Exception {
        Browser b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/settings.xhtml");
        assertThat(b.driver().findElement(By.id("remindersForm:remindersOn")).isSelected()).as("on in the demo").isTrue();
        assertThat(b.driver().findElement(By.id("remindersForm:reminderDays")).getAttribute("value")).isEqualTo("3, 7, 14, 30");
        assertThat(b.text(By.id("reminderDaysHelp"))).contains("up to 6 reminders", "from 1 to 365", "Default: 3, 7, 14, 30");

        b.type(By.id("remindersForm:reminderDays"), "7, 3");
        b.click(By.id("remindersForm:saveReminders"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "Reminder days must go up");
        b.open("/staff/admin/settings.xhtml");
        assertThat(b.driver().findElement(By.id("remindersForm:reminderDays")).getAttribute("value"))
                .as("a refused save keeps nothing").isEqualTo("3, 7, 14, 30");

        b.type(By.id("remindersForm:reminderDays"), "2 5 9");
        b.click(By.id("remindersForm:saveReminders"));
        b.waitForText(By.cssSelector(".ui-growl, .ui-messages"), "Balance reminders are on: days 2, 5, 9.");
        b.open("/staff/admin/settings.xhtml");
        assertThat(b.text(By.id("history"))).contains("Balance reminder days", "3, 7, 14, 30", "2, 5, 9");

        b.signOut();
        b.signIn("biller", PASSWORD);
        b.open("/staff/admin/settings.xhtml");
        assertThat(b.driver().findElements(By.id("remindersForm"))).as("Admins only").isEmpty();
    }

    @Test
    void billingPausesRemindersForAnInvoiceOrTheClient_withAReason_andResumesThem() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.openLedger("Nguyen, Harper");
        assertThat(b.text(By.id("remindersStatus"))).contains("On: days ", "after the first link of the oldest unpaid invoice", "Next: due now");

        new Select(b.driver().findElement(By.id("remindersForm:pauseTarget"))).selectByVisibleText("RC-0985");
        b.click(By.id("remindersForm:pauseReminders"));
        b.waitForText(By.cssSelector(".ui-growl"), "Say why reminders are paused");
        assertThat(Database.count("select count(*) from invoice where number = 'RC-0985' and reminders_paused_at is not null"))
                .as("refused: nothing changed").isZero();

        new Select(b.driver().findElement(By.id("remindersForm:pauseTarget"))).selectByVisibleText("RC-0985");
        b.type(By.id("remindersForm:pauseReason"), "Claim with the insurer");
        b.click(By.id("remindersForm:pauseReminders"));
        b.waitForText(By.cssSelector(".ui-growl"), "Balance reminders paused for that invoice.");
        assertThat(b.text(By.id("remindersForm"))).contains("RC-0985: paused (Claim with the insurer)");

        b.click(By.cssSelector(".pl-resume-invoice"));
        b.waitForTextGone(By.id("remindersForm"), "RC-0985: paused");

        b.type(By.id("remindersForm:pauseReason"), "Payment plan agreed by phone");
        b.click(By.id("remindersForm:pauseReminders"));
        b.waitForText(By.id("remindersForm:remindersClientPaused"), "Paused for this client by Bailey Brooks");
        assertThat(b.text(By.id("remindersForm:remindersClientPaused"))).contains("Payment plan agreed by phone");
        assertThat(b.driver().findElements(By.id("remindersForm:pauseReminders"))).as("paused: nothing more to pause").isEmpty();
        b.click(By.id("remindersForm:resumeClient"));
        b.waitForTextGone(By.id("remindersForm"), "Paused for this client");
        assertThat(b.driver().findElements(By.id("remindersForm:pauseReminders"))).as("running again: can be paused").isNotEmpty();
        assertThat(Database.count("select count(*) from client_history h join client c on c.id = h.client_id"
                + " where c.last_name = 'Nguyen' and h.kind in ('REMINDERS_PAUSED', 'REMINDERS_RESUMED')")).isEqualTo(4);
        // at rest (the confirmation fades after six seconds; axe would read its colours mid-animation)
        b.waitForTextGone(By.cssSelector(".ui-growl"), "Balance reminders resumed.");
        Axe.assertAccessible(b.driver(), "/staff/ledger.xhtml (balance reminders)");
    }
}
