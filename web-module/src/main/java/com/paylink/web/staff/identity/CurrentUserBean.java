package com.paylink.web.staff.identity;

import com.paylink.identity.boundary.CurrentStaff;
import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.entity.Permission;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Who is signed in, for the page header and for showing or hiding actions (the server re-checks). */
@Named("currentUser")
@RequestScoped
public class CurrentUserBean {

    @EJB
    IdentityService identity;

    private CurrentStaff staff;

    public CurrentStaff getStaff() {
        if (staff == null) {
            staff = identity.currentStaff();
        }
        return staff;
    }

    public boolean isBilling() {
        return getStaff().has(Permission.BILLING);
    }

    public boolean isAdmin() {
        return getStaff().has(Permission.ADMIN);
    }
}
