package com.paylink.web.operator;

import com.paylink.identity.boundary.CreatedPractice;
import com.paylink.identity.boundary.NewPractice;
import com.paylink.identity.boundary.PracticeOnboardingService;
import com.paylink.platform.PaylinkConfig;
import com.paylink.shared.BusinessException;
import com.paylink.shared.PermissionDeniedException;
import com.paylink.web.common.ClientAddress;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.PatternSyntaxException;

/**
 * I5: the operator's one call, {@code POST /operator/practices} (JSON: name, timeZone, contactEmail, contactPhone,
 * senderEmail, adminName, adminEmail), made by {@code scripts/operator.sh create-practice}. It answers only callers from
 * {@code paylink.operator.from} (default: this machine) with {@code Authorization: Bearer <paylink.operator.token>};
 * the token is checked again by the boundary. 201 with the practice and its first Admin, who has been sent an
 * invitation; 422 with the field's problem; nothing is created on any refusal.
 */
@WebServlet("/operator/practices")
public class OperatorPracticesServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(OperatorPracticesServlet.class.getName());
    public static final String OPERATOR_FROM = "paylink.operator.from";
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Messages MESSAGES = Messages.api();

    @EJB
    PracticeOnboardingService onboarding;

    @Inject
    PaylinkConfig config;

    /** What the operator is told about the new practice. */
    public record Created(long practiceId, String name, long adminStaffId, String adminUsername, String invitation) {
    }

    /** An operator call's refusal: a stable code and a sentence. */
    public record Refusal(String code, String message) {
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!fromOperatorsNetwork(request)) {
            LOG.warning(() -> "operator call refused from " + ClientAddress.of(request));
            answer(response, HttpServletResponse.SC_FORBIDDEN, new Refusal("operator-only",
                    "Only the operator's machines may create practices (paylink.operator.from)."));
            return;
        }
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        if (token == null || token.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Paylink operator\"");
            answer(response, HttpServletResponse.SC_UNAUTHORIZED, new Refusal("operator-token-missing",
                    "Send the operator's token: Authorization: Bearer <paylink.operator.token>."));
            return;
        }
        if (request.getContentType() == null || !request.getContentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            answer(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, new Refusal("json-required",
                    "Send the new practice as JSON (Content-Type: application/json)."));
            return;
        }
        NewPractice practice;
        try {
            practice = JSON.fromJson(request.getReader(), NewPractice.class);
        } catch (JsonbException e) {
            practice = null;
        }
        if (practice == null) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, new Refusal("json-invalid",
                    "The body is not a JSON object with name, timeZone, contactEmail, adminName and adminEmail."));
            return;
        }
        try {
            CreatedPractice created = onboarding.createPractice(token, practice);
            answer(response, HttpServletResponse.SC_CREATED, new Created(created.practiceId(), created.name(),
                    created.adminStaffId(), created.adminUsername(), "sent"));
        } catch (PermissionDeniedException e) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, new Refusal("operator-token-wrong",
                    "This is not the operator's token, or no operator token is configured (paylink.operator.token)."));
        } catch (BusinessException e) {
            answer(response, 422, new Refusal(e.code(), MESSAGES.of(e)));
        }
    }

    private boolean fromOperatorsNetwork(HttpServletRequest request) {
        String allowed = config.get(OPERATOR_FROM).orElse("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");
        String peer = ClientAddress.of(request);
        try {
            return peer != null && peer.matches(allowed);
        } catch (PatternSyntaxException e) {
            return false; // a broken setting lets no one in
        }
    }

    private static void answer(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.toJson(body, response.getWriter());
    }
}
