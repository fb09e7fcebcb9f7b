package com.paylink.web.demo;

import com.paylink.demo.DemoReset;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;

/**
 * {@code POST /demo/reset}: the demo's data as at a fresh start (DemoReset). Answers 404 unless the server was
 * started to allow it, and 403 to any caller not on this machine. The test suite calls it before each test class.
 */
@WebServlet("/demo/reset")
public class DemoResetServlet extends HttpServlet {

    @EJB
    DemoReset reset;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!reset.allowed()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String peer = request.getHeader("X-Paylink-Peer"); // the connection's own peer, set by the server
        if (!InetAddress.getByName(peer == null ? request.getRemoteAddr() : peer).isLoopbackAddress()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        reset.reset();
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
