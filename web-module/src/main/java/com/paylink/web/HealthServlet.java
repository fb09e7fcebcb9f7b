package com.paylink.web;

import com.paylink.platform.PaymentsConfig;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application's readiness, for load balancers and operators: {@code GET /health/ready} answers 200
 * (UP) when cards can be taken in the operator's payment mode, else 503 (DOWN) with each problem in words,
 * never a key's value. Shaped like MicroProfile Health's answer; WildFly's own MicroProfile Health does not
 * find checks inside an EAR's modules (WFLY-12835), so the application serves its check itself, while the
 * server's probes stay on the management interface.
 */
@WebServlet("/health/ready")
public class HealthServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    PaymentsConfig payments;

    /** One check, as MicroProfile Health reports it. */
    public record Check(String name, String status, Map<String, String> data) {
    }

    /** The whole answer. */
    public record Readiness(String status, List<Check> checks) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> problems = payments.problems();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("mode", payments.mode().name().toLowerCase(Locale.ROOT));
        for (int i = 0; i < problems.size(); i++) {
            data.put("problem" + (i + 1), problems.get(i));
        }
        String status = problems.isEmpty() ? "UP" : "DOWN";
        response.setStatus(problems.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.toJson(new Readiness(status, List.of(new Check("payments", status, data))), response.getWriter());
    }
}
