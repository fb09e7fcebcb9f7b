package com.paylink.web.staff.identity;

import com.paylink.identity.boundary.IdentityService;
import com.paylink.web.common.Pages;
import com.paylink.identity.boundary.SignInRow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** S2: the Admin-only list of sign-in attempts to the practice's staff accounts. */
@Named
@RequestScoped
public class SignInActivityBean {

    @EJB
    IdentityService identity;

    private List<SignInRow> rows;

    /** S2: clears the lock-out of the row's staff member and address. */
    public void clear(String username, String address) {
        try {
            identity.clearLockout(username, address);
            rows = null;
            Pages.info("signIns.cleared", username);
        } catch (com.paylink.shared.BusinessException e) {
            Pages.error(null, e);
        }
    }

    public List<SignInRow> getAttempts() {
        if (rows == null) {
            rows = identity.signInActivity();
        }
        return rows;
    }
}
