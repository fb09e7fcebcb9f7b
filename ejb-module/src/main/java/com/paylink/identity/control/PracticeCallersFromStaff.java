package com.paylink.identity.control;

import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.practice.boundary.PracticeCallers;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The practice capability's view of its callers, from the signed-in staff member (see {@link PracticeCallers}). */
@Dependent
public class PracticeCallersFromStaff implements PracticeCallers {

    @Inject
    CallerLookup caller;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Override
    public Admin admin() {
        Staff admin = caller.requiring(Permission.ADMIN);
        return new Admin(admin.id(), admin.practice().id());
    }

    @Override
    public Map<Long, String> names(Collection<Long> staffIds) {
        Map<Long, String> names = new HashMap<>();
        staffIds.stream().distinct().forEach(id -> names.put(id, em.find(Staff.class, id).fullName()));
        return names;
    }
}
