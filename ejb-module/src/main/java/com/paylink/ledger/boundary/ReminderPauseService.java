package com.paylink.ledger.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.ClientHistoryEntry;
import com.paylink.ledger.entity.Invoice;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Issue 24 (C3): staff with Billing (and Admins) pause a client's balance reminders, or one invoice's, with a reason,
 * and resume them; checked here against the database, whatever the session says. Each change is in the client's
 * history (an invoice's with its number). A pause takes effect at once: the next run of the schedule skips it.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class ReminderPauseService {

    /** The longest reason kept (the column's size). */
    public static final int MAX_REASON = 300;
    private static final Logger LOG = Logger.getLogger(ReminderPauseService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    /** @throws RecordRefused when no reason is given (or it is too long); nothing changes then */
    public void pauseClient(long clientId, String reason) {
        Staff staff = requireBillingOrAdmin();
        String why = reason(reason);
        Client client = em.find(Client.class, scope.find(staff, Client.class, clientId).id(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        client.pauseReminders(staff.id(), why, now);
        em.persist(new ClientHistoryEntry(client, now, staff.id(), ClientHistoryEntry.Kind.REMINDERS_PAUSED, why));
        LOG.info(() -> "client " + clientId + ": balance reminders paused by staff " + staff.id());
    }

    public void resumeClient(long clientId) {
        Staff staff = requireBillingOrAdmin();
        Client client = em.find(Client.class, scope.find(staff, Client.class, clientId).id(), LockModeType.PESSIMISTIC_WRITE);
        if (client.remindersPaused().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        client.resumeReminders();
        em.persist(new ClientHistoryEntry(client, now, staff.id(), ClientHistoryEntry.Kind.REMINDERS_RESUMED, null));
    }

    /** @throws RecordRefused when no reason is given (or it is too long); nothing changes then */
    public void pauseInvoice(long invoiceId, String reason) {
        Staff staff = requireBillingOrAdmin();
        String why = reason(reason);
        Invoice invoice = em.find(Invoice.class, scope.find(staff, Invoice.class, invoiceId).id(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        invoice.pauseReminders(staff.id(), why, now);
        em.persist(new ClientHistoryEntry(invoice.client(), now, staff.id(), ClientHistoryEntry.Kind.REMINDERS_PAUSED,
                invoice.number() + ": " + why));
        LOG.info(() -> "invoice " + invoiceId + ": balance reminders paused by staff " + staff.id());
    }

    public void resumeInvoice(long invoiceId) {
        Staff staff = requireBillingOrAdmin();
        Invoice invoice = em.find(Invoice.class, scope.find(staff, Invoice.class, invoiceId).id(), LockModeType.PESSIMISTIC_WRITE);
        if (invoice.remindersPaused().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        invoice.resumeReminders();
        em.persist(new ClientHistoryEntry(invoice.client(), now, staff.id(), ClientHistoryEntry.Kind.REMINDERS_RESUMED,
                invoice.number()));
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw RecordRefused.invalid("reminders-reason-required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw RecordRefused.invalid("reminders-reason-too-long", MAX_REASON);
        }
        return reason.strip();
    }

    private Staff requireBillingOrAdmin() {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        return staff;
    }
}
