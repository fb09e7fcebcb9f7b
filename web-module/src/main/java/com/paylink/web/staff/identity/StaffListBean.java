package com.paylink.web.staff.identity;

import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.boundary.StaffRow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The Admin-only list of the practice's staff and their permissions. */
@Named
@RequestScoped
public class StaffListBean {

    @EJB
    IdentityService identity;

    private List<StaffRow> staff;

    public List<StaffRow> getStaff() {
        if (staff == null) {
            staff = identity.practiceStaff();
        }
        return staff;
    }
}
