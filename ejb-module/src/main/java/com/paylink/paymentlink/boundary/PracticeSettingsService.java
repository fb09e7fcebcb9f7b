package com.paylink.paymentlink.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.practice.boundary.PracticeSettingsStore;
import com.paylink.practice.entity.EmailFrom;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * P5: the Admin's Practice settings page: link lifetime, partial payments, the expiry reminder and the
 * emails' From name, each with its default; every change audited with who and when. A change applies to
 * links sent after it.
 */
@Stateless
@RolesAllowed(Permission.ADMIN_ROLE)
public class PracticeSettingsService {

    private static final Logger LOG = Logger.getLogger(PracticeSettingsService.class.getName());
    private static final int HISTORY = 50;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    Clock clock;

    @EJB
    PracticeSettingsStore store;

    public PracticeSettingsView view() {
        Staff admin = caller.requiring(Permission.ADMIN);
        return view(em.find(Practice.class, admin.practice().id()));
    }

    /**
     * Saves the settings; each one whose value changed is audited.
     *
     * @throws PracticeSettingsRefused when a value is missing or outside its range; nothing is saved then
     */
    public PracticeSettingsView save(PracticeSettingsView.Values values) {
        Staff admin = caller.requiring(Permission.ADMIN);
        PracticeSettings requested = toSettings(values);
        int changed = store.change(admin.practice().id(), requested, admin.id(), clock.instant());
        LOG.info(() -> "practice " + admin.practice().id() + ": " + changed + " setting(s) changed by staff " + admin.id());
        em.flush();
        return view(em.find(Practice.class, admin.practice().id()));
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
        Map<Long, String> names = new HashMap<>();
        history.stream().map(PracticeSettingsStore.Change::staffId).distinct()
                .forEach(id -> names.put(id, em.find(Staff.class, id).fullName()));
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
