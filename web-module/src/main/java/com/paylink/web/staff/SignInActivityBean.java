package com.paylink.web.staff;

import com.paylink.identity.boundary.IdentityService;
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

    public List<SignInRow> getAttempts() {
        if (rows == null) {
            rows = identity.signInActivity();
        }
        return rows;
    }
}
