package com.paylink.web.payer;

import com.paylink.web.common.Pages;
import com.paylink.paymentlink.boundary.PayerLinkService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The emailed link, {@code /pay/<token>}: exchanges the token for a short payer session and redirects
 * to {@code /checkout/}, a URL without the token. A GET never uses the link up (mail scanners open links
 * first); every token, known or not, gets the same redirect. Lookups are rate-limited per address.
 */
@WebServlet("/pay/*")
public class PayLinkServlet extends HttpServlet {

    public static final String CHECKOUT = Pages.PAYER_PAGES;
    private static final Logger LOG = Logger.getLogger(PayLinkServlet.class.getName());

    @EJB
    PayerLinkService links;

    @Inject
    TokenRateLimiter limiter;

    @Inject
    PayerSessions payers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 ? "" : path.substring(1);
        try {
            if (!limiter.allow(com.paylink.web.common.ClientAddress.of(request))) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(TokenRateLimiter.WINDOW.toSeconds()));
                request.getRequestDispatcher("/checkout/too-many.xhtml").forward(request, response);
                return;
            }
            Optional<Long> link = links.open(token);
            payers.start(request, response, link.orElse(-1L)); // the payer's own session, never a staff one's
        } catch (RuntimeException e) {
            // every step is guarded (the rate limiter's count, the lookup, the session's write), so the container
            // never logs the request's URI: the token is in it (PL6)
            LOG.log(Level.SEVERE, e, () -> "opening payment link /pay/" + masked(token) + " failed");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + CHECKOUT);
    }

    /** What a log may say of a token: its first four characters, enough to tell two apart, never enough to use. */
    static String masked(String token) {
        return token.length() <= 4 ? "…" : token.substring(0, 4) + "…";
    }
}
