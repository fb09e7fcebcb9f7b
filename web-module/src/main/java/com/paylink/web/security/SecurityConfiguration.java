package com.paylink.web.security;

import com.paylink.identity.entity.Permission;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Staff sign in with a form (login.xhtml); the identity store checks them against the database. */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Permission.STAFF_ROLE, Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
@ApplicationScoped
public class SecurityConfiguration {
}
