package com.paylink.practice.boundary;

import com.paylink.practice.entity.EmailFrom;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.practice.entity.PracticeSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The practice's own settings, changed by its Admins and by no one else: the Practice settings page (P5, P6, P8:
 * link lifetime, partial payments, the expiry reminder, the emails' From name, bank debit; each with its default;
 * every change audited with who and when; a change applies to links sent after it) and how clients reach the
 * practice (P4). The card-processing account itself is the payment capability's ({@code CardProcessingService}).
 */
@Stateless
@RolesAllowed("admin") // identity's Permission.ADMIN_ROLE: identity sits above practice, so its name is not imported
public class PracticeService {

    private static final Logger LOG = Logger.getLogger(PracticeService.class.getName());
    private static final int HISTORY = 50;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    PracticeCallers callers;

    @Inject
    Clock clock;

    @EJB
    PracticeSettingsStore store;

    public PracticeSettingsView view() {
        return view(em.find(Practice.class, callers.admin().practiceId()));
    }

    /**
     * Saves the settings; each one whose value changed is audited.
     *
     * @throws PracticeSettingsRefused when a value is missing or outside its range; nothing is saved then
     */
    public PracticeSettingsView save(PracticeSettingsView.Values values) {
        PracticeCallers.Admin admin = callers.admin();
        PracticeSettings requested = toSettings(values);
        int changed = store.change(admin.practiceId(), requested, admin.staffId(), clock.instant());
        LOG.info(() -> "practice " + admin.practiceId() + ": " + changed + " setting(s) changed by staff " + admin.staffId());
        em.flush();
        return view(em.find(Practice.class, admin.practiceId()));
    }

    /** C1 (issue 24): the practice's balance reminders, as its Admin sees and sets them. */
    public BalanceReminderSettings balanceReminders() {
        return balanceReminders(em.find(Practice.class, callers.admin().practiceId()));
    }

    /**
     * C1: turns balance reminders on or off and sets their days (each change audited like every setting).
     *
     * @throws PracticeSettingsRefused when the days are not a schedule; nothing is saved then
     */
    public BalanceReminderSettings saveBalanceReminders(boolean enabled, String days, Integer statementDays) {
        return saveBalanceReminders(enabled, days, statementDays,
                em.find(Practice.class, callers.admin().practiceId()).batchSendMax());
    }

    /** As above, with the most clients one batch send may contact (C6: 1-10,000). */
    public BalanceReminderSettings saveBalanceReminders(boolean enabled, String days, Integer statementDays, Integer batchMax) {
        PracticeCallers.Admin admin = callers.admin();
        if (batchMax == null || batchMax < 1 || batchMax > Practice.MAX_BATCH_MAX) {
            throw new PracticeSettingsRefused("batch-max-range", 1, Practice.MAX_BATCH_MAX);
        }
        if (statementDays == null || statementDays < 1 || statementDays > Practice.MAX_STATEMENT_DAYS) {
            throw new PracticeSettingsRefused("statement-days-range", 1, Practice.MAX_STATEMENT_DAYS);
        }
        String problem = com.paylink.practice.entity.ReminderDays.problem(days);
        if (problem != null) {
            throw new PracticeSettingsRefused(problem, com.paylink.practice.entity.ReminderDays.MAX_COUNT,
                    com.paylink.practice.entity.ReminderDays.MAX_DAY);
        }
        com.paylink.practice.entity.ReminderDays schedule = com.paylink.practice.entity.ReminderDays.parse(days);
        Practice practice = em.find(Practice.class, admin.practiceId(), LockModeType.PESSIMISTIC_WRITE);
        java.time.Instant now = clock.instant();
        if (practice.balanceRemindersEnabled() != enabled) {
            em.persist(new com.paylink.practice.entity.PracticeSettingChange(practice.id(), admin.staffId(), now,
                    "balanceRemindersEnabled", String.valueOf(practice.balanceRemindersEnabled()), String.valueOf(enabled)));
        }
        if (!practice.reminderDays().equals(schedule)) {
            em.persist(new com.paylink.practice.entity.PracticeSettingChange(practice.id(), admin.staffId(), now,
                    "balanceReminderDays", practice.reminderDays().text(), schedule.text()));
        }
        if (practice.statementLinkDays() != statementDays) {
            em.persist(new com.paylink.practice.entity.PracticeSettingChange(practice.id(), admin.staffId(), now,
                    "statementLinkDays", String.valueOf(practice.statementLinkDays()), String.valueOf(statementDays)));
        }
        if (practice.batchSendMax() != batchMax) {
            em.persist(new com.paylink.practice.entity.PracticeSettingChange(practice.id(), admin.staffId(), now,
                    "batchSendMax", String.valueOf(practice.batchSendMax()), String.valueOf(batchMax)));
        }
        practice.balanceRemindersChanged(enabled, schedule);
        practice.statementLinkDaysChanged(statementDays);
        practice.batchSendMaxChanged(batchMax);
        LOG.info(() -> "practice " + admin.practiceId() + ": balance reminders " + (enabled ? "on, days " + schedule.text() : "off")
                + " (staff " + admin.staffId() + ")");
        return balanceReminders(practice);
    }

    private static BalanceReminderSettings balanceReminders(Practice practice) {
        return new BalanceReminderSettings(practice.balanceRemindersEnabled(), practice.reminderDays().text(),
                com.paylink.practice.entity.ReminderDays.parse(com.paylink.practice.entity.ReminderDays.DEFAULT).text(),
                com.paylink.practice.entity.ReminderDays.MAX_COUNT, com.paylink.practice.entity.ReminderDays.MAX_DAY,
                practice.statementLinkDays(), Practice.DEFAULT_STATEMENT_DAYS, Practice.MAX_STATEMENT_DAYS,
                practice.batchSendMax(), Practice.DEFAULT_BATCH_MAX, Practice.MAX_BATCH_MAX);
    }

    /**
     * P4: how clients reach the practice (both optional), shown on payment pages that cannot take a payment.
     *
     * @throws PracticeContactRefused when either is not usable; nothing is saved then
     */
    public void changeContact(String phone, String email) {
        PracticeContact contact = PracticeContact.of(phone, email);
        Optional<String> problem = contact.problem();
        if (problem.isPresent()) {
            throw new PracticeContactRefused(problem.get(),
                    problem.get().equals("practice-phone-invalid") ? contact.phone() : contact.email());
        }
        em.find(Practice.class, callers.admin().practiceId(), LockModeType.PESSIMISTIC_WRITE).contactChanged(contact);
    }

    private static PracticeSettings toSettings(PracticeSettingsView.Values values) {
        if (values.linkLifetimeHours() == null) {
            throw refused("settings-lifetime-range");
        }
        if (values.partialMinimum() == null) {
            throw refused("settings-partial-minimum-range");
        }
        long minimumMinor;
        try {
            minimumMinor = values.partialMinimum().movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw refused("settings-partial-minimum-range");
        }
        Integer reminderHours = values.reminderHoursBefore();
        if (reminderHours == null) {
            if (values.reminderEnabled()) {
                throw refused("settings-reminder-range");
            }
            reminderHours = PracticeSettings.DEFAULT_REMINDER_HOURS;
        }
        PracticeSettings settings = new PracticeSettings(values.linkLifetimeHours(), values.partialPaymentsAllowed(),
                minimumMinor, values.reminderEnabled(), reminderHours,
                values.emailFrom() == null ? EmailFrom.STAFF_NAME : values.emailFrom(), values.bankDebitEnabled());
        String problem = settings.problem();
        if (problem != null) {
            throw refused(problem);
        }
        return settings;
    }

    /** Every range message carries the limits (the reminder's upper limit is the lifetime asked for). */
    private static PracticeSettingsRefused refused(String code) {
        return new PracticeSettingsRefused(code, PracticeSettings.MIN_LIFETIME_HOURS, PracticeSettings.MAX_LIFETIME_HOURS,
                decimal(PracticeSettings.MIN_PARTIAL_MINOR), decimal(PracticeSettings.MAX_PARTIAL_MINOR));
    }

    private PracticeSettingsView view(Practice practice) {
        List<PracticeSettingsStore.Change> history = store.history(practice.id(), HISTORY);
        Map<Long, String> names = callers.names(history.stream().map(PracticeSettingsStore.Change::staffId).toList());
        return new PracticeSettingsView(practice.name(), values(practice.settings()), values(PracticeSettings.defaults()),
                practice.cardProcessing(), practice.isCardProcessingEnrolled(),
                PracticeSettings.MIN_LIFETIME_HOURS, PracticeSettings.MAX_LIFETIME_HOURS,
                decimal(PracticeSettings.MIN_PARTIAL_MINOR),
                history.stream().map(c -> new PracticeSettingsView.ChangeRow(c.at(), names.get(c.staffId()),
                        c.setting(), c.oldValue(), c.newValue())).toList());
    }

    private static PracticeSettingsView.Values values(PracticeSettings s) {
        return new PracticeSettingsView.Values(s.linkLifetimeHours(), s.partialPaymentsAllowed(),
                decimal(s.partialMinimumMinor()), s.reminderEnabled(), s.reminderHoursBefore(), s.emailFrom(),
                s.bankDebitEnabled());
    }

    private static BigDecimal decimal(long minor) {
        return BigDecimal.valueOf(minor, 2);
    }
}
