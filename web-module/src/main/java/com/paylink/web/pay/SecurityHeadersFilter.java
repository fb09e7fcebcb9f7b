package com.paylink.web.pay;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers on every response: no MIME sniffing, no framing. The public payment paths also send no
 * referrer (the token must never leak) and forbid caching. The Content-Security-Policy comes from
 * PrimeFaces' CSP mode (web.xml), with a nonce per response; the link servlet's redirects carry a
 * policy that allows nothing.
 */
@WebFilter("/*")
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean pay = path.startsWith("/pay/");
        if (pay || path.startsWith("/checkout/") || path.equals("/checkout")) {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        } else {
            response.setHeader("Referrer-Policy", "same-origin");
        }
        chain.doFilter(request, response);
    }
}
