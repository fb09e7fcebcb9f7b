package com.paylink.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * What the staff pages ask before warning or signing out (S1). GET: how long this session has left, without
 * counting as activity, so another tab's activity is seen. POST ("Stay signed in"): counts as activity (the
 * authentication mechanism records it) and answers the renewed time. Under /staff/, so only a signed-in staff
 * member reaches it; an ended session gets a 401 from the mechanism.
 */
@WebServlet(IdleSignOut.STATUS_PATH)
public class StaffSessionServlet extends HttpServlet {

    @Inject
    IdleSignOut idle;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        // rounded up: "0 seconds left" only once it is over (the mechanism then answers 401 instead)
        long remaining = session == null ? 0 : (idle.remaining(session).toMillis() + 999) / 1000;
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("{\"remainingSeconds\":" + remaining + ",\"warningSeconds\":"
                + idle.warning().toSeconds() + "}");
    }
}
