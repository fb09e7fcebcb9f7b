package com.paylink.web.security;

import com.paylink.identity.entity.Permission;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * The one authentication mechanism (Jakarta Security 3 allows one): the JSON API under {@code /api/}
 * uses HTTP Basic on every request and never a session, so a browser's cookie cannot act on the API;
 * everything else uses the sign-in form and a session.
 */
@ApplicationScoped
@DeclareRoles({Permission.STAFF_ROLE, Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";
    static final String SESSION_IDENTITY = StaffAuthenticationMechanism.class.getName() + ".identity";
    static final String SESSION_RETURN_TO = StaffAuthenticationMechanism.class.getName() + ".returnTo";
    private static final String REALM = "Paylink";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return basic(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return formLogin(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_IDENTITY) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (context.isProtected()) {
            request.getSession().setAttribute(SESSION_RETURN_TO, originalUrl(request));
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_IDENTITY);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE; // the login page shows why; no error page
        }
        request.getSession(); // make sure there is one, then give it a new id: no session fixation
        request.changeSessionId();
        SignedIn signedIn = new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        request.getSession().setAttribute(SESSION_IDENTITY, signedIn);
        return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return challenge(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return challenge(response, context);
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(
                decoded.substring(0, colon), new Password(decoded.substring(colon + 1))));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return challenge(response, context);
        }
        return context.notifyContainerAboutLogin(result.getCallerPrincipal().getName(), result.getCallerGroups());
    }

    /** 401 with a Basic challenge; the body comes from the 401 error page ({@code ApiErrorServlet}). */
    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    /** Decided on the decoded servlet path, so {@code /%61pi/} and {@code /api;x/} are the API too (never the raw URI). */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String originalUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** Who signed in with the form; kept in the session. */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }
}
