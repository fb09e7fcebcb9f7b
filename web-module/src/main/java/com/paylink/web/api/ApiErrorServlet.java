package com.paylink.web.api;

import com.paylink.web.Messages;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/** The 401 error page: API clients that did not authenticate get JSON with a stable code, like every API error. */
@WebServlet("/error/401")
public class ApiErrorServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.toJson(new ErrorJson("unauthenticated", Messages.in(Locale.ENGLISH).text("error.unauthenticated")),
                response.getWriter());
    }
}
