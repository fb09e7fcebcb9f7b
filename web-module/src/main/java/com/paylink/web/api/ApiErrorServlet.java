package com.paylink.web.api;

import com.paylink.web.common.Messages;
import com.paylink.web.security.StaffAuthenticationMechanism;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The 401 and 429 error pages: API clients that did not authenticate, or whose sign-ins are throttled (S2), get
 * JSON with a stable code, like every API error.
 */
@WebServlet({"/error/401", "/error/429"})
public class ApiErrorServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        Messages messages = Messages.api();
        if (request.getAttribute(StaffAuthenticationMechanism.RETRY_AFTER) instanceof Duration wait) {
            JSON.toJson(new ErrorJson("too-many-sign-ins", messages.text("error.too-many-sign-ins", wait.toSeconds())),
                    response.getWriter());
        } else {
            JSON.toJson(new ErrorJson("unauthenticated", messages.text("error.unauthenticated")), response.getWriter());
        }
    }
}
