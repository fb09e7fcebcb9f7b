package com.paylink.web.demo;

import com.paylink.demo.DemoReset;
import com.paylink.platform.AdjustableClock;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /demo/clock?at=<ISO 8601 instant>}: moves the server's clock (AdjustableClock) so that "now" is that
 * instant, for page tests that a client's hour matters to (quiet hours); {@code /demo/reset} puts it back. Answers 404
 * unless the server was started to allow resets and with an adjustable clock, 403 to any caller not on this machine,
 * 400 to an instant that cannot be read. Answers 200 with the server's new "now".
 */
@WebServlet("/demo/clock")
public class DemoClockServlet extends HttpServlet {

    @EJB
    DemoReset reset;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reset.allowed() || !Boolean.getBoolean(AdjustableClock.ADJUSTABLE)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String peer = request.getHeader("X-Paylink-Peer"); // the connection's own peer, set by the server
        if (!InetAddress.getByName(peer == null ? request.getRemoteAddr() : peer).isLoopbackAddress()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Instant at;
        try {
            at = Instant.parse(String.valueOf(request.getParameter("at")));
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "at must be an ISO 8601 instant, e.g. 2026-12-07T03:30:00Z");
            return;
        }
        AdjustableClock clock = AdjustableClock.instance();
        clock.reset();
        clock.advance(Duration.between(Instant.now(), at));
        response.setContentType("text/plain");
        response.getWriter().write(clock.instant().toString());
    }
}
