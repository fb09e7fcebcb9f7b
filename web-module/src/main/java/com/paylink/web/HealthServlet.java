package com.paylink.web;

import com.paylink.mail.boundary.Mailer;
import com.paylink.platform.Dependencies;
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
 * The application's health, for load balancers and operators. {@code GET /health/ready} answers 200 (UP)
 * when the database and the broker answer and cards can be taken in the operator's payment mode, else 503
 * (DOWN), with each problem in words, never a key's value; the mail server is reported too but does not
 * decide readiness (mail waits in the queue). {@code GET /health/live} answers 200 while the application
 * serves requests. Shaped like MicroProfile Health's answer; WildFly's own MicroProfile Health does not
 * find checks inside an EAR's modules (WFLY-12835), so the application serves its check itself, while the
 * server's probes stay on the management interface.
 */
@WebServlet({"/health/ready", "/health/live"})
public class HealthServlet extends HttpServlet {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    PaymentsConfig payments;

    @Inject
    Dependencies dependencies;

    @Inject
    Mailer mailer;

    /** One check, as MicroProfile Health reports it. */
    public record Check(String name, String status, Map<String, String> data) {
    }

    /** The whole answer. */
    public record Readiness(String status, List<Check> checks) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Readiness answer;
        if (request.getServletPath().equals("/health/live")) {
            // the application answers requests: alive (the dependencies are readiness's concern)
            answer = new Readiness("UP", List.of(new Check("paylink", "UP", Map.of())));
        } else {
            List<String> problems = payments.problems();
            Map<String, String> data = new LinkedHashMap<>();
            data.put("mode", payments.mode().name().toLowerCase(Locale.ROOT));
            for (int i = 0; i < problems.size(); i++) {
                data.put("problem" + (i + 1), problems.get(i));
            }
            Check database = check("database", dependencies.databaseProblem());
            Check broker = check("broker", dependencies.brokerProblem());
            Check paymentsCheck = new Check("payments", problems.isEmpty() ? "UP" : "DOWN", data);
            // the mail server is reported, but a request can be served without it: mail waits in the
            // queue and goes out when it is back, so it does not take this server out of rotation
            Check mail = check("mail", mailer.serverProblem());
            boolean ready = List.of(database, broker, paymentsCheck).stream().allMatch(c -> c.status().equals("UP"));
            answer = new Readiness(ready ? "UP" : "DOWN", List.of(database, broker, paymentsCheck, mail));
        }
        response.setStatus(answer.status().equals("UP") ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.toJson(answer, response.getWriter());
    }

    private static Check check(String name, java.util.Optional<String> problem) {
        return new Check(name, problem.isEmpty() ? "UP" : "DOWN",
                problem.map(p -> Map.of("problem", p)).orElse(Map.of()));
    }
}
