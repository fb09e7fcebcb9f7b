package com.paylink.web.payer;

import com.paylink.payment.boundary.CardConsentWithdrawals;
import com.paylink.web.common.ClientAddress;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 25 (PAY20): "Stop charges to this card", {@code /cards/stop/<token>} (a token minted for the receipt that
 * carries it). A GET shows one button and changes nothing, so a mail scanner that opens every link withdraws nothing;
 * the button's POST withdraws the consent (the card is detached at the gateway, then removed). Every token, known or
 * not, gets the same answers; lookups are rate-limited per address like a link's; the token never reaches a log.
 */
@WebServlet("/cards/stop/*")
public class CardStopServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CardStopServlet.class.getName());
    static final String PAGE = "/checkout/stop-card.xhtml";

    @EJB
    CardConsentWithdrawals withdrawals;

    @Inject
    TokenRateLimiter limiter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setAttribute("stopAction", request.getContextPath() + "/cards/stop/" + token(request));
        request.setAttribute("stopped", false);
        request.setAttribute("unavailable", false);
        page(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String token = token(request);
        if (!limiter.allow(ClientAddress.of(request))) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(TokenRateLimiter.WINDOW.toSeconds()));
            request.getRequestDispatcher("/checkout/too-many.xhtml").forward(request, response);
            return;
        }
        boolean stopped;
        try {
            withdrawals.withdraw(token);
            stopped = true;
        } catch (CardConsentWithdrawals.Unavailable | EJBException e) {
            LOG.log(Level.WARNING, e, () -> "withdrawing a card with /cards/stop/" + PayLinkServlet.masked(token) + " failed");
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            stopped = false;
        }
        request.setAttribute("stopAction", request.getContextPath() + "/cards/stop/" + token);
        request.setAttribute("stopped", stopped);
        request.setAttribute("unavailable", !stopped);
        page(request, response);
    }

    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 ? "" : path.substring(1);
        // a token is URL-safe Base64: anything else is not one, and is never echoed into the page
        return token.length() <= 100 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_') ? token : "";
    }

    private static void page(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(PAGE).forward(request, response);
    }
}
