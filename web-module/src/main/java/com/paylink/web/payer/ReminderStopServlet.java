package com.paylink.web.payer;

import com.paylink.collection.boundary.BalanceReminders;
import jakarta.ejb.EJB;
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
 * Issue 24 (C2): "Stop these reminders", {@code /reminders/stop/<token>} (the token of the reminder's own link). A GET
 * shows one button and changes nothing, so a mail scanner that opens every link stops nothing; the button's POST (or a
 * mail client's RFC 8058 one-click POST to the same address) stops the client's balance reminders. Every token, known
 * or not, gets the same answers; lookups are rate-limited per address like the link's own; the token never reaches a
 * log.
 */
@WebServlet("/reminders/stop/*")
public class ReminderStopServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ReminderStopServlet.class.getName());
    static final String PAGE = "/checkout/stop-reminders.xhtml";

    @EJB
    BalanceReminders reminders;

    @Inject
    TokenRateLimiter limiter;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.setAttribute("stopAction", request.getContextPath() + "/reminders/stop/" + OneClickPages.token(request));
        request.setAttribute("stopped", false);
        OneClickPages.show(PAGE, request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String token = OneClickPages.token(request);
        try {
            if (!OneClickPages.allowed(limiter, request, response)) {
                return;
            }
            reminders.stop(token);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "stopping reminders with /reminders/stop/" + PayLinkServlet.masked(token) + " failed");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        request.setAttribute("stopped", true);
        OneClickPages.show(PAGE, request, response);
    }
}
