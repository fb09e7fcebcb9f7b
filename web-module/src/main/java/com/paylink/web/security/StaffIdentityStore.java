package com.paylink.web.security;

import com.paylink.identity.boundary.IdentityService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Jakarta Security identity store backed by the identity capability; roles are the staff's permissions. */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @EJB
    IdentityService identity;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return identity.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(staff -> new CredentialValidationResult(staff.username(), staff.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
