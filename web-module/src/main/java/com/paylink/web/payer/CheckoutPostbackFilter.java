package com.paylink.web.payer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Lets the payment pages answer a form post from a browser without JavaScript (or a stale or forged
 * one) with a page instead of an error: PrimeFaces' CSP mode expects the page's script to post back its
 * nonce, and a non-AJAX postback only reuses it for the response's header. A missing one is replaced
 * by a fresh nonce, exactly what a GET gets.
 */
@WebFilter("/checkout/*")
public class CheckoutPostbackFilter extends HttpFilter {

    static final String NONCE = "primefaces.nonce";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && request.getParameter(NONCE) == null
                && !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            chain.doFilter(new WithNonce(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private static final class WithNonce extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithNonce(HttpServletRequest request) {
            super(request);
            Map<String, String[]> copy = new HashMap<>(request.getParameterMap());
            copy.put(NONCE, new String[]{Base64.getEncoder().encodeToString(
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))});
            parameters = Collections.unmodifiableMap(copy);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
