package com.paylink.practice.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PracticeSettingsTest {

    private static PracticeSettings with(int lifetime, long minimum, boolean reminder, int reminderHours) {
        return new PracticeSettings(lifetime, true, minimum, reminder, reminderHours, EmailFrom.STAFF_NAME);
    }

    @Test
    void p5_theDefaultsAreTheHelpPages_24HourLinksFromTheStaffMember_withPartialPaymentsAndRemindersOff() {
        PracticeSettings defaults = PracticeSettings.defaults();
        assertEquals(Duration.ofHours(24), defaults.linkLifetime());
        assertEquals(EmailFrom.STAFF_NAME, defaults.emailFrom());
        assertFalse(defaults.partialPaymentsAllowed());
        assertFalse(defaults.reminderEnabled());
        assertNull(defaults.problem());
    }

    @Test
    void p5_theLifetimeIsOneTo72Hours() {
        assertNull(with(1, 1000, false, 4).problem());
        assertNull(with(72, 1000, false, 4).problem());
        assertEquals("settings-lifetime-range", with(0, 1000, false, 4).problem());
        assertEquals("settings-lifetime-range", with(721, 1000, false, 4).problem());
        assertNull(with(720, 1000, false, 4).problem(), "30 days is allowed");
    }

    @Test
    void p5_thePartialMinimumIsAtLeastWhatTheGatewayTakes() {
        assertNull(with(24, 50, false, 4).problem());
        assertEquals("settings-partial-minimum-range", with(24, 49, false, 4).problem());
        assertEquals("settings-partial-minimum-range", with(24, 10_000_001, false, 4).problem());
    }

    @Test
    void p5_anEnabledReminderFallsInsideTheLifetime_aDisabledOneIsNotChecked() {
        assertNull(with(24, 1000, true, 23).problem());
        assertEquals("settings-reminder-range", with(24, 1000, true, 24).problem());
        assertEquals("settings-reminder-range", with(24, 1000, true, 0).problem());
        assertNull(with(4, 1000, false, 4).problem());
    }

    @Test
    void p5_changesListOnlyTheSettingsWhoseValueChanged_withOldAndNewValue() {
        PracticeSettings before = PracticeSettings.defaults();
        PracticeSettings after = new PracticeSettings(48, false, 1000, false, 4, EmailFrom.PRACTICE_NAME);
        List<String[]> changes = after.changesSince(before);
        assertEquals(2, changes.size());
        assertArrayEquals(new String[]{"linkLifetimeHours", "24", "48"}, changes.get(0));
        assertArrayEquals(new String[]{"emailFrom", "STAFF_NAME", "PRACTICE_NAME"}, changes.get(1));
        assertTrue(before.changesSince(PracticeSettings.defaults()).isEmpty());
    }

    @Test
    void p8_bankDebitIsOffByDefault_andTurningItOnIsAChangeLikeAnyOther() {
        PracticeSettings before = PracticeSettings.defaults();
        assertFalse(before.bankDebitEnabled());
        PracticeSettings after = new PracticeSettings(24, false, 1000, false, 4, EmailFrom.STAFF_NAME, true);
        assertTrue(after.bankDebitEnabled());
        List<String[]> changes = after.changesSince(before);
        assertEquals(1, changes.size());
        assertArrayEquals(new String[]{"bankDebitEnabled", "false", "true"}, changes.get(0));
    }

    @Test
    void p5_aPracticeRefusesSettingsOutsideTheirRanges() {
        Practice practice = new Practice("Maple", "billing@maple.example", java.time.Instant.EPOCH);
        assertThrows(IllegalArgumentException.class, () -> practice.settingsChanged(with(721, 1000, false, 4)));
        assertEquals(PracticeSettings.defaults(), practice.settings());
    }
}
