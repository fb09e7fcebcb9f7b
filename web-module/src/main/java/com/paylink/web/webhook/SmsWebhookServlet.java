package com.paylink.web.webhook;

import com.paylink.ledger.boundary.ClientTextingService;
import com.paylink.platform.PaylinkConfig;
import com.paylink.texting.boundary.NotTwilio;
import com.paylink.texting.boundary.TextWebhooks;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 23 (T6): Twilio's webhook, {@code POST /webhooks/sms}, for both things Twilio sends: a reply from a client's
 * phone (it has a {@code Body}: STOP, START, HELP…) and a delivery status ({@code MessageStatus}). The boundaries check
 * {@code X-Twilio-Signature} against the address Twilio was given ({@code paylink.public.url} + /webhooks/sms) and refuse
 * a replay; a forged or replayed request gets 403 and changes nothing. A reply is answered with TwiML.
 */
@WebServlet("/webhooks/sms")
public class SmsWebhookServlet extends HttpServlet {

    private static final int MAX_PARAMS = 64;

    @EJB
    ClientTextingService replies;

    @EJB
    TextWebhooks statuses;

    @Inject
    PaylinkConfig config;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Map<String, String> params = new TreeMap<>();
        if (request.getParameterMap().size() > MAX_PARAMS) {
            response.sendError(413);
            return;
        }
        request.getParameterMap().forEach((name, values) -> params.put(name, values.length == 0 ? "" : values[0]));
        String url = config.publicUrl() + "/webhooks/sms";
        String signature = request.getHeader("X-Twilio-Signature");
        try {
            if (params.containsKey("Body")) {
                String twiml = replies.replied(url, params, signature);
                response.setContentType("text/xml;charset=UTF-8");
                response.getWriter().write(twiml);
            } else {
                statuses.statusCallback(url, params, signature);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            }
        } catch (NotTwilio | EJBException e) {
            if (e instanceof NotTwilio || e.getCause() instanceof NotTwilio) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            throw e;
        }
    }
}
