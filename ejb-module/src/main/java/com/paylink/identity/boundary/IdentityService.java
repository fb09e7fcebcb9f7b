package com.paylink.identity.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PasswordHasher;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sign-in and the signed-in staff member: the identity capability's entry point. */
@Stateless
public class IdentityService {

    private static final PasswordHasher HASHER = new PasswordHasher();
    /** Verified when the username is unknown, so that a wrong username costs as long as a wrong password. */
    private static final String DECOY_HASH = HASHER.hash("decoy-password".toCharArray());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    /** Rule I1: only an active staff member with the right password signs in; every failure looks the same. */
    @PermitAll
    public Optional<SignedInStaff> authenticate(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Optional.empty();
        }
        List<Staff> found = em.createQuery("select s from Staff s where s.username = :u", Staff.class)
                .setParameter("u", Staff.normalizeUsername(username))
                .getResultList();
        Staff staff = found.isEmpty() ? null : found.get(0);
        boolean matches = HASHER.verify(password, staff == null ? DECOY_HASH : staff.passwordHash());
        if (staff == null || !matches || !staff.isActive()) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        roles.add(Permission.STAFF_ROLE);
        staff.permissions().forEach(p -> roles.add(p.role()));
        return Optional.of(new SignedInStaff(staff.username(), staff.fullName(), Set.copyOf(roles)));
    }

    @RolesAllowed(Permission.STAFF_ROLE)
    public CurrentStaff currentStaff() {
        return CurrentStaff.of(caller.current());
    }

    /** Rule I2: the staff list is for Admins, and shows only their own practice. */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public List<StaffRow> practiceStaff() {
        Staff admin = caller.requiring(Permission.ADMIN);
        return em.createQuery("select s from Staff s where s.practice.id = :p order by s.fullName", Staff.class)
                .setParameter("p", admin.practice().id())
                .getResultStream()
                .map(s -> new StaffRow(s.id(), s.username(), s.fullName(), s.isProvider(),
                        s.has(Permission.BILLING), s.has(Permission.ADMIN), s.isActive()))
                .toList();
    }
}
