package com.paylink.identity.control;

import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.shared.PermissionDeniedException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.Principal;
import java.util.List;

/**
 * Finds the signed-in staff member behind the current call. Boundaries use it to scope every query to
 * the caller's practice and to check permissions on the server, whatever the page showed.
 */
@Dependent
public class CallerLookup {

    @Inject
    Principal principal;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** The caller, active; otherwise {@link PermissionDeniedException}. */
    public Staff current() {
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || "anonymous".equals(name)) {
            throw new PermissionDeniedException(Permission.STAFF_ROLE);
        }
        List<Staff> found = em.createQuery(
                        "select s from Staff s join fetch s.practice where s.username = :u and s.active = true", Staff.class)
                .setParameter("u", Staff.normalizeUsername(name))
                .getResultList();
        if (found.isEmpty()) {
            throw new PermissionDeniedException(Permission.STAFF_ROLE);
        }
        return found.get(0);
    }

    /** The caller, who must hold {@code permission}. */
    public Staff requiring(Permission permission) {
        Staff staff = current();
        if (!staff.has(permission)) {
            throw new PermissionDeniedException(permission.role());
        }
        return staff;
    }
}
