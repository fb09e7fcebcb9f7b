package com.paylink.identity.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.identity.entity.StaffChange;
import com.paylink.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * I4 (issue 27): a practice's Admins manage its staff on Staff &amp; Permissions: give or take Billing and Admin,
 * deactivate and reactivate. A change applies from the person's next request (their session's roles are read again
 * at every protected request, API keys at every call). The practice always keeps an active Admin: the change that
 * would leave it none is refused, whoever makes it. Every change is kept and shown.
 */
@Stateless
@RolesAllowed(Permission.ADMIN_ROLE)
public class StaffAdminService {

    private static final Logger LOG = Logger.getLogger(StaffAdminService.class.getName());
    private static final int HISTORY = 50;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    Clock clock;

    @Inject
    com.paylink.identity.control.AccessLinks links;

    public StaffAdminPage page() {
        return page(caller.requiring(Permission.ADMIN));
    }

    /**
     * Sets a staff member's Billing and Admin permissions and whether they may sign in; each difference is kept as a
     * change.
     *
     * @throws NotFoundException   when the staff member is not of the Admin's practice
     * @throws StaffChangeRefused  when the practice would be left without an active Admin; nothing changes then
     */
    public StaffAdminPage change(long staffId, boolean billing, boolean admin, boolean active) {
        Staff me = caller.requiring(Permission.ADMIN);
        long practice = me.practice().id();
        // the practice's active Admins, locked: two Admins demoting each other at once cannot both pass the check
        List<Staff> admins = em.createQuery("""
                        select s from Staff s where s.practice.id = :p and s.active = true order by s.id""", Staff.class)
                .setParameter("p", practice)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().filter(s -> s.has(Permission.ADMIN)).toList();
        Staff target = em.find(Staff.class, staffId, LockModeType.PESSIMISTIC_WRITE);
        if (target == null || !target.practice().id().equals(practice)) {
            throw new NotFoundException("staff", staffId);
        }
        boolean staysAnActiveAdmin = admin && active;
        long otherActiveAdmins = admins.stream().filter(s -> !s.id().equals(target.id())).count();
        if (!staysAnActiveAdmin && otherActiveAdmins == 0) {
            throw new StaffChangeRefused();
        }
        Instant now = clock.instant();
        List<StaffChange.Kind> changes = new ArrayList<>();
        if (target.permit(Permission.BILLING, billing)) {
            changes.add(billing ? StaffChange.Kind.BILLING_GRANTED : StaffChange.Kind.BILLING_REMOVED);
        }
        if (target.permit(Permission.ADMIN, admin)) {
            changes.add(admin ? StaffChange.Kind.ADMIN_GRANTED : StaffChange.Kind.ADMIN_REMOVED);
        }
        if (target.isActive() != active) {
            if (active) {
                target.reactivate();
            } else {
                target.deactivate();
                links.supersedeAll(target.id(), now); // I5: an invitation or reset sent before no longer works
            }
            changes.add(active ? StaffChange.Kind.REACTIVATED : StaffChange.Kind.DEACTIVATED);
        }
        changes.forEach(kind -> em.persist(new StaffChange(practice, target.id(), me.id(), now, kind)));
        LOG.info(() -> "practice " + practice + ": staff " + target.id() + " " + changes + " by staff " + me.id());
        em.flush();
        return page(me);
    }

    private StaffAdminPage page(Staff admin) {
        long practice = admin.practice().id();
        List<Staff> staff = em.createQuery("select s from Staff s where s.practice.id = :p order by s.fullName", Staff.class)
                .setParameter("p", practice)
                .getResultList();
        Map<Long, String> names = new HashMap<>();
        staff.forEach(s -> names.put(s.id(), s.fullName()));
        List<StaffAdminPage.ChangeRow> changes = em.createQuery("""
                        select c from StaffChange c where c.practiceId = :p order by c.changedAt desc, c.id desc""",
                        StaffChange.class)
                .setParameter("p", practice)
                .setMaxResults(HISTORY)
                .getResultStream()
                .map(c -> new StaffAdminPage.ChangeRow(c.changedAt(), names.get(c.changedByStaffId()), names.get(c.staffId()),
                        c.change().name()))
                .toList();
        return new StaffAdminPage(staff.stream().map(IdentityService::row).toList(), changes, admin.id());
    }
}
