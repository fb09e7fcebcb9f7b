package com.paylink.web.payer;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Opens the payer's session cookie as a request on the payer's paths begins (PayerSessions.begin), so that what it
 * seals again goes out before any of the response does. The JSON and PDF endpoints under the same path
 * ({@code /checkout/intent}, the receipt) leave what the previous request kept for the next page to that page.
 */
@WebFilter("/checkout/*")
public class PayerSessionFilter extends HttpFilter {

    @Inject
    PayerSessions payers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean page = !path.startsWith(StripeIntentServlet.PATH) && !path.startsWith(PayerReceiptServlet.PATH);
        payers.begin(request, response, page);
        chain.doFilter(request, response);
    }
}
