package com.paylink.web.payer;

import com.paylink.payment.boundary.CardConsentWithdrawals;
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
        request.setAttribute("stopAction", request.getContextPath() + "/cards/stop/" + OneClickPages.token(request));
        request.setAttribute("stopped", false);
        request.setAttribute("unavailable", false);
        OneClickPages.show(PAGE, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String token = OneClickPages.token(request);
        if (!OneClickPages.allowed(limiter, request, response)) {
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
        OneClickPages.show(PAGE, request, response);
    }
}
