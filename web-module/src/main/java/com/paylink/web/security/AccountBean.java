package com.paylink.web.security;

import com.paylink.identity.boundary.AccessLinkView;
import com.paylink.identity.boundary.PasswordResetAnswer;
import com.paylink.identity.boundary.StaffAccessService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.ClientAddress;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.util.Optional;

/**
 * I5: "Forgot password?" and the page a one-time link opens (set a password from an invitation or a reset). The rules
 * are {@link StaffAccessService}'s; this bean carries the fields. Neither page keeps a session.
 */
@Named
@RequestScoped
public class AccountBean {

    @EJB
    StaffAccessService access;

    @Inject
    FacesContext faces;

    private String token;
    private String email;
    private String password;
    private String confirmation;
    private boolean resetAsked;
    private Optional<AccessLinkView> link;

    @jakarta.annotation.PostConstruct
    void readToken() {
        token = faces.getExternalContext().getRequestParameterMap().get("t");
    }

    /** The link's owner and expiry, or empty when the link does not work (any more). */
    public Optional<AccessLinkView> getLink() {
        if (link == null) {
            link = token == null ? Optional.empty() : access.open(token);
        }
        return link;
    }

    public AccessLinkView getView() {
        return getLink().orElse(null);
    }

    public void savePassword() throws IOException {
        try {
            String username = access.setPassword(token, chars(password), chars(confirmation));
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + StaffAuthenticationMechanism.LOGIN_PAGE + "?passwordSet=true&username="
                    + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8));
        } catch (BusinessException e) {
            link = null;
            Pages.error(null, e);
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public void requestReset() {
        try {
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            PasswordResetAnswer answer = access.requestPasswordReset(email, ClientAddress.of(request));
            if (answer == PasswordResetAnswer.THROTTLED) {
                Pages.error(null, "account.reset.throttled");
            } else {
                resetAsked = true;
            }
        } catch (BusinessException e) {
            Pages.error("forgot:email", e);
        }
    }

    private static char[] chars(String value) {
        return value == null ? new char[0] : value.toCharArray();
    }

    public boolean isResetAsked() {
        return resetAsked;
    }

    public int getPasswordMin() {
        return StaffAccessService.PASSWORD_MIN;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
