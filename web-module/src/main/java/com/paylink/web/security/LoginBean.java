package com.paylink.web.security;

import com.paylink.web.common.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/** The sign-in form and sign-out. */
@Named
@RequestScoped
public class LoginBean {

    public static final String HOME = "/staff/clients.xhtml";

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    private String username;
    private String password;
    /** The staff page that asked for the sign-in (from the sign-in page's address, kept in the form). */
    private String next;

    @jakarta.annotation.PostConstruct
    void readNext() {
        next = faces.getExternalContext().getRequestParameterMap().get("next");
        // I5: back from setting a password, the username is filled in
        String given = faces.getExternalContext().getRequestParameterMap().get("username");
        if (given != null && given.length() <= 320) {
            username = given;
        }
    }

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(returnTo(external, next));
        } else if (external.getRequestMap().get(StaffAuthenticationMechanism.RETRY_AFTER) instanceof Duration wait) {
            long minutes = (wait.toSeconds() + 59) / 60;
            Pages.error(null, "login.throttled", minutes);
        } else {
            Pages.error(null, "login.failed");
        }
    }

    /** Back to the staff page that asked for the sign-in, else the client list; never off-site. */
    static String returnTo(ExternalContext external, String next) {
        String staffArea = external.getRequestContextPath() + "/staff/";
        if (next != null && next.startsWith(staffArea) && next.indexOf("//") < 0 && next.matches("[A-Za-z0-9/._~%?=&+-]{1,500}")) {
            return next;
        }
        return external.getRequestContextPath() + HOME;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
