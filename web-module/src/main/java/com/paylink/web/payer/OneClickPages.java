package com.paylink.web.payer;

import com.paylink.web.common.ClientAddress;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Issues 24, 25: what the pages a one-click link in an email opens share ("Stop these reminders", "Stop charges to this
 * card"): the token read from the path (anything that is not URL-safe Base64 is no token, and is never echoed into a
 * page), the per-address limit of token lookups (429 with Retry-After, as {@code /pay/}), and the page never cached.
 */
final class OneClickPages {

    private OneClickPages() {
    }

    /** The token after the servlet's path; empty when it cannot be one. */
    static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 ? "" : path.substring(1);
        return token.length() <= 100 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_') ? token : "";
    }

    /** False (the "too many" page answered, 429) when the address has used up its lookups; true to go on. */
    static boolean allowed(TokenRateLimiter limiter, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (limiter.allow(ClientAddress.of(request))) {
            return true;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(TokenRateLimiter.WINDOW.toSeconds()));
        request.getRequestDispatcher("/checkout/too-many.xhtml").forward(request, response);
        return false;
    }

    /** The page, never cached (it names a token in its form's action). */
    static void show(String page, HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(page).forward(request, response);
    }
}
