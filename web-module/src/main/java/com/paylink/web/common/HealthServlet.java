package com.paylink.web.common;

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
 * (DOWN). Anyone gets the status only; a prober allowed by {@code paylink.health.detail-from} (default: this machine)
 * also gets each check, with each problem in words, never a key's value; the mail server is reported too but does not
 * decide readiness (mail waits in the queue). Each dependency's answer is reused for {@code paylink.health.cache}
 * (default 30 s) while it is healthy and 5 s while it is not, so probes neither hammer the database nor log in to the
 * mail relay on every request. The details also say when requests come through a proxy that is not trusted
 * ({@link ClientAddress#untrustedProxyProblem()}; reported, it does not decide readiness), and how long messages
 * wait in the outbox for the broker ({@link #outbox()}; reported, it does not decide readiness). {@code GET /health/live} answers 200 while the application
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

    @Inject
    com.paylink.platform.PaylinkConfig config;

    @Inject
    com.paylink.platform.OutboxRelay relay;

    /** A dependency's last answer and when it was asked. */
    private record Answer(java.util.Optional<String> problem, long at) {
    }

    private static final long FAILING_FOR_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private final Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();

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
            Check database = check("database", cached("database", dependencies::databaseProblem));
            Check broker = check("broker", cached("broker", dependencies::brokerProblem));
            Check paymentsCheck = new Check("payments", problems.isEmpty() ? "UP" : "DOWN", data);
            // the mail server is reported, but a request can be served without it: mail waits in the
            // queue and goes out when it is back, so it does not take this server out of rotation
            Check mail = check("mail", cached("mail", mailer::serverProblem));
            boolean ready = List.of(database, broker, paymentsCheck).stream().allMatch(c -> c.status().equals("UP"));
            answer = new Readiness(ready ? "UP" : "DOWN", detailsFor(request)
                    ? List.of(database, broker, paymentsCheck, mail,
                    check("client-addresses", ClientAddress.untrustedProxyProblem()), outbox()) : List.of());
        }
        response.setStatus(answer.status().equals("UP") ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.toJson(answer, response.getWriter());
    }

    /** Whether the caller may read each check (the operator's prober), not only UP or DOWN. */
    private boolean detailsFor(HttpServletRequest request) {
        String allowed = config.get(com.paylink.platform.PaylinkConfig.HEALTH_DETAIL_FROM)
                .orElse("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
        String peer = com.paylink.web.common.ClientAddress.of(request);
        try {
            return peer != null && peer.matches(allowed);
        } catch (java.util.regex.PatternSyntaxException e) {
            return false; // a broken setting shows no one the details
        }
    }

    /** The dependency's answer, asked again once the last one is older than it may be reused. */
    private java.util.Optional<String> cached(String name, java.util.function.Supplier<java.util.Optional<String>> ask) {
        long now = System.nanoTime();
        Answer last = answers.get(name);
        long reuse = config.duration(com.paylink.platform.PaylinkConfig.HEALTH_CACHE, java.time.Duration.ofSeconds(30)).toNanos();
        if (last != null && now - last.at() < (last.problem().isEmpty() ? reuse : Math.min(reuse, FAILING_FOR_NANOS))) {
            return last.problem();
        }
        java.util.Optional<String> problem = ask.get();
        answers.put(name, new Answer(problem, now));
        return problem;
    }

    /**
     * The outbox relay (ADR 0013): its wait from a row's commit to the broker (p50/p99 of the last messages relayed)
     * and, when the oldest row has waited more than 10 s, how far behind it is. Reported, not deciding readiness:
     * the rows are safe in the database and this server serves requests meanwhile.
     */
    private Check outbox() {
        Map<String, String> data = new LinkedHashMap<>();
        relay.waitPercentiles().ifPresent(p -> {
            data.put("waitP50Ms", String.valueOf(p[0]));
            data.put("waitP99Ms", String.valueOf(p[1]));
        });
        java.util.Optional<String> behind = cached("outbox", relay::behindProblem);
        behind.ifPresent(problem -> data.put("problem", problem));
        return new Check("outbox", behind.isEmpty() ? "UP" : "DOWN", data);
    }

    private static Check check(String name, java.util.Optional<String> problem) {
        return new Check(name, problem.isEmpty() ? "UP" : "DOWN",
                problem.map(p -> Map.of("problem", p)).orElse(Map.of()));
    }
}
