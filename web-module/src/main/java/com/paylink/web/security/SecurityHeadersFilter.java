package com.paylink.web.security;

import com.paylink.platform.PaylinkConfig;
import com.paylink.platform.PaymentsConfig;
import com.paylink.web.common.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Headers on every response: no MIME sniffing, no framing. The public payment paths send no referrer
 * (the token must never leak); they and the staff pages forbid caching (client and ledger data). The Content-Security-Policy comes from
 * PrimeFaces' CSP mode (web.xml), with a nonce per response, and follows the configured Stripe.js
 * ({@link StripeContentPolicy}); the link servlet's redirects carry a policy that allows nothing.
 */
@WebFilter("/*")
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    PaylinkConfig config;

    @Inject
    PaymentsConfig payments;

    /** The largest body a public form needs (a payment page or the sign-in form post a few hundred bytes). */
    static final long MAX_PUBLIC_BODY = 16 * 1024;
    /** The largest body the staff pages and the API take. */
    static final long MAX_BODY = 1024 * 1024;
    /** L16: the Admins' CSV import page takes a file of up to 32 MB (with the form around it). */
    static final long MAX_IMPORT_BODY = 33L * 1024 * 1024;
    public static final String IMPORT_PAGE = "/staff/admin/import.xhtml";
    public static final String IMPORT_API = "/api/imports";

    /** The areas whose paths carry a rule (sign-in, permissions, no caching, no referrer). */
    private static final List<String> AREAS = List.of("/api", "/staff", "/checkout", "/pay", "/webhooks", "/demo",
            "/health", "/login.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure() || config.publicUrlIsHttps()) {
            // HTTPS only from now on (a browser ignores this header on plain HTTP); isSecure() is true behind
            // a trusted proxy that says X-Forwarded-Proto: https (configure.cli, paylink.proxy.trusted)
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        // decided on the decoded servlet path, never the raw URI: /ch%65ckout/ is /checkout/ here too
        String path = Pages.path(request);
        if (isAnotherSpellingOfAnArea(path)) {
            // /API/…, /Staff/…: the rules above are written for one spelling; any other is nothing here
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean payer = path.startsWith("/pay/") || path.startsWith("/checkout/") || path.equals("/checkout");
        boolean staff = path.startsWith("/staff/") || path.startsWith("/api/") || path.equals("/login.xhtml");
        // I5: the set-password page's address carries a one-time token; the operator's calls carry its token
        boolean account = path.startsWith("/account/") || path.startsWith("/operator/");
        // issue 28: a body bigger than any form of the area is refused before anything reads it (chunked bodies past
        // the server's own limit, max-post-size in configure.cli, are cut by Undertow)
        boolean upload = path.equals(IMPORT_PAGE) || path.equals(IMPORT_API);
        long limit = upload ? MAX_IMPORT_BODY : payer || account || path.equals("/login.xhtml") ? MAX_PUBLIC_BODY : MAX_BODY;
        if (request.getContentLengthLong() > limit) {
            response.sendError(413);
            return;
        }
        if (!upload && request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null) {
            // a body without a length could run up to the server's limit, which the import needs: elsewhere, none
            response.sendError(411);
            return;
        }
        response.setHeader("Referrer-Policy", payer || account ? "no-referrer" : "same-origin");
        if (payer || staff || account) {
            // client and ledger data: never kept by the browser or a proxy
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(request, new RelativeRedirects(response, payments::stripeJsUrl));
    }

    /**
     * Redirects keep the path the application gave and are never made absolute from the request's Host
     * header (which a client chooses): the browser resolves a relative Location against the address it used.
     */
    static final class RelativeRedirects extends HttpServletResponseWrapper {

        private static final String CSP = "Content-Security-Policy";
        /** Read only when a policy is written (pages), not on every response. */
        private final java.util.function.Supplier<String> stripeJsUrl;

        RelativeRedirects(HttpServletResponse response, java.util.function.Supplier<String> stripeJsUrl) {
            super(response);
            this.stripeJsUrl = stripeJsUrl;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CSP.equalsIgnoreCase(name) ? StripeContentPolicy.apply(value, stripeJsUrl.get()) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, CSP.equalsIgnoreCase(name) ? StripeContentPolicy.apply(value, stripeJsUrl.get()) : value);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            if (location.startsWith("/") && !location.startsWith("//")) {
                if (isCommitted()) {
                    throw new IllegalStateException("response already committed");
                }
                resetBuffer();
                setStatus(SC_FOUND);
                setHeader("Location", location);
                flushBuffer();
            } else {
                super.sendRedirect(location);
            }
        }
    }

    static boolean isAnotherSpellingOfAnArea(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String area : AREAS) {
            boolean looksLike = lower.equals(area) || lower.startsWith(area + "/");
            boolean is = path.equals(area) || path.startsWith(area + "/");
            if (looksLike && !is) {
                return true;
            }
        }
        return false;
    }
}
