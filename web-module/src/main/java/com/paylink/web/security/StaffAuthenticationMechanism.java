package com.paylink.web.security;

import com.paylink.web.common.ClientAddress;
import com.paylink.identity.boundary.ApiKeyService;
import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.boundary.SignInResult;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.SignInChannel;
import com.paylink.web.common.Pages;


import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism (Jakarta Security 3 allows one): the JSON API under {@code /api/}
 * authenticates every request (an API key, or HTTP Basic) and never uses a session, so a browser's cookie cannot act on the API;
 * everything else uses the sign-in form and a session.
 */
@ApplicationScoped
@DeclareRoles({Permission.STAFF_ROLE, Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class StaffAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";
    static final String SESSION_IDENTITY = StaffAuthenticationMechanism.class.getName() + ".identity";
    /** Request attribute: the sign-in was throttled (S2); how long until the next attempt is checked. */
    public static final String RETRY_AFTER = StaffAuthenticationMechanism.class.getName() + ".retryAfter";
    private static final String REALM = "Paylink";

    @EJB
    IdentityService identity;

    @EJB
    ApiKeyService apiKeys;

    @Inject
    IdleSignOut idle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (isApi(request)) {
            return api(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return formLogin(request, context, credential);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_IDENTITY) instanceof SignedIn signedIn) {
            if (idle.expired(session)) {
                session.invalidate(); // S1: everything the session held goes with it
                return context.isProtected() ? signedOutForIdleness(request, response, context) : context.doNothing();
            }
            idle.observe(request, session);
            if (context.isProtected()) {
                // I4: the roles as they are now, so an Admin's change applies at the person's next request
                Optional<Set<String>> roles = identity.currentRoles(signedIn.name());
                if (roles.isEmpty()) {
                    session.invalidate(); // deactivated meanwhile: the session ends with everything it held
                    return redirect(response, request.getContextPath() + LOGIN_PAGE);
                }
                if (!roles.get().equals(signedIn.groups())) {
                    signedIn = new SignedIn(signedIn.name(), roles.get());
                    session.setAttribute(SESSION_IDENTITY, signedIn);
                }
            }
            return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
        }
        if (context.isProtected() && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
            return signedOutForIdleness(request, response, context); // the container's timer ended it
        }
        if (context.isProtected()) {
            // no session for someone not signed in: the page to come back to travels in the sign-in page's address
            return redirect(response, request.getContextPath() + LOGIN_PAGE + "?next=" + encoded(originalUrl(request)));
        }
        return context.doNothing();
    }

    /**
     * The idle session is gone: a page goes to the sign-in page, which says why (and comes back here after
     * sign-in); a Faces ajax request gets a Faces redirect; the page's status check gets a 401.
     */
    private static AuthenticationStatus signedOutForIdleness(HttpServletRequest request, HttpServletResponse response,
                                                             HttpMessageContext context) {
        String path = Pages.path(request);
        if (path.equals(IdleSignOut.STATUS_PATH)) {
            return context.responseUnauthorized();
        }
        String login = request.getContextPath() + LOGIN_PAGE + "?expired=true";
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-store");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + login + "\"/></partial-response>");
                response.flushBuffer();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
        if ("GET".equals(request.getMethod())) {
            login += "&next=" + encoded(originalUrl(request));
        }
        return redirect(response, login);
    }

    private static String encoded(String url) {
        return java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A 302 to a path on this server, relative: never built from the request's Host header. */
    private static AuthenticationStatus redirect(HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", path);
        return AuthenticationStatus.SEND_CONTINUE;
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
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignInResult result = identity.signIn(login.getCaller(), login.getPassword().getValue(), com.paylink.web.common.ClientAddress.of(request),
                SignInChannel.FORM);
        if (result instanceof SignInResult.Throttled throttled) {
            request.setAttribute(RETRY_AFTER, throttled.retryAfter()); // the login page says how long
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!(result instanceof SignInResult.SignedIn ok)) {
            return AuthenticationStatus.SEND_FAILURE; // the login page shows why; no error page
        }
        request.getSession(); // make sure there is one, then give it a new id: no session fixation
        request.changeSessionId();
        SignedIn signedIn = new SignedIn(ok.staff().username(), ok.staff().roles());
        request.getSession().setAttribute(SESSION_IDENTITY, signedIn);
        idle.signedIn(request.getSession());
        return context.notifyContainerAboutLogin(signedIn.name(), signedIn.groups());
    }

    /**
     * The API authenticates every request, never with a session: {@code Authorization: Bearer <API key>} (S3, one
     * hash lookup) or, for people trying the API by hand, {@code Basic} with a username and password (throttled
     * like the sign-in page, S2).
     */
    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return apiKeys.authenticate(header.substring(7).trim(), com.paylink.web.common.ClientAddress.of(request))
                    .map(owner -> context.notifyContainerAboutLogin(owner.username(), owner.roles()))
                    .orElseGet(() -> challenge(response, context));
        }
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
        SignInResult result = identity.signIn(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray(),
                com.paylink.web.common.ClientAddress.of(request), SignInChannel.API);
        if (result instanceof SignInResult.Throttled throttled) {
            return tooManySignIns(request, response, throttled.retryAfter());
        }
        if (!(result instanceof SignInResult.SignedIn ok)) {
            return challenge(response, context);
        }
        return context.notifyContainerAboutLogin(ok.staff().username(), ok.staff().roles());
    }

    /** S2 on the API: 429 with Retry-After, without checking the credentials; the body is the API's JSON error page. */
    private static AuthenticationStatus tooManySignIns(HttpServletRequest request, HttpServletResponse response,
                                                       Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        request.setAttribute(RETRY_AFTER, Duration.ofSeconds(seconds));
        response.setHeader("Retry-After", Long.toString(seconds));
        try {
            response.sendError(429);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** 401 with a Basic challenge; the body comes from the 401 error page ({@code ApiErrorServlet}). */
    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        return context.responseUnauthorized();
    }

    /** Decided on the decoded servlet path, so {@code /%61pi/} and {@code /api;x/} are the API too (never the raw URI). */
    static boolean isApi(HttpServletRequest request) {
        String path = Pages.path(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static String originalUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** Who signed in with the form; kept in the session. */
    /** The staff member signed in on this session, if any (for what closes with a staff session). */
    public static java.util.Optional<String> signedIn(jakarta.servlet.http.HttpSession session) {
        return session.getAttribute(SESSION_IDENTITY) instanceof SignedIn signedIn
                ? java.util.Optional.of(signedIn.name()) : java.util.Optional.empty();
    }

    record SignedIn(String name, Set<String> groups) implements Serializable {
    }
}
