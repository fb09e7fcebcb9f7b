package com.paylink.web.webhook;

import com.paylink.payment.boundary.InvalidWebhook;
import com.paylink.payment.boundary.StripeWebhookService;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's webhook endpoint. The boundary verifies the signature and is the source of truth for
 * success; this only passes the raw body through. 400 for a bad signature (Stripe stops), 200 when
 * handled or already handled, 500 otherwise (Stripe retries).
 */
@WebServlet("/webhooks/stripe")
public class StripeWebhookServlet extends HttpServlet {

    private static final int MAX_BODY = 256 * 1024;

    @EJB
    StripeWebhookService webhooks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String payload;
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                response.sendError(413);
                return;
            }
            payload = new String(body, StandardCharsets.UTF_8);
        }
        response.setContentType("application/json");
        try {
            boolean handled = webhooks.handle(payload, request.getHeader("Stripe-Signature"));
            response.getWriter().write(handled ? "{\"received\":true}" : "{\"received\":true,\"duplicate\":true}");
        } catch (InvalidWebhook e) {
            response.setStatus(400);
            response.getWriter().write("{\"error\":\"invalid signature\"}");
        }
    }
}
