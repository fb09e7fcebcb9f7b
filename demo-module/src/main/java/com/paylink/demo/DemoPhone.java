package com.paylink.demo;

import com.paylink.platform.PaylinkConfig;
import com.paylink.texting.control.TextGateway;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Demo only ({@code paylink.demo.phone=true}), issue 23 (T7): the phone on the other side of the local
 * Twilio-compatible server (twilio-local), which runs as a process of its own, started by the build beside the demo
 * server (the run command) and the test server (the integration tests). Paylink sends its texts there through Twilio's
 * real SDK and HTTP path ({@code paylink.twilio.api.base}); this bean reads them back and replies through the stand-in's
 * own control API ({@code /local/...}, same address, the account's credentials), so that the demo phone page
 * (/demo/phone.xhtml) shows each text as a phone would and a typed reply (STOP, START, HELP) reaches Paylink's webhook
 * signed as Twilio signs it. Riverside Counseling's sender is registered there; the tests switch its faults here.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DemoPhone {

    /** Riverside Counseling's Messaging Service in the demo (DemoDataSeeder sets it), and its number. */
    public static final String RIVERSIDE_SERVICE = "MG" + "5e1d0c0ffee0000000000000000000a1";
    public static final String RIVERSIDE_NUMBER = "+12015550100";
    private static final Logger LOG = Logger.getLogger(DemoPhone.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A text as the phone side sees it: who sent it to whom, through which service, and how it ended. */
    public record Text(String sid, String from, String to, String serviceSid, String body, String status,
                       Integer errorCode, int segments, Instant at, boolean outbound) {
    }

    /** Paylink's answer to a reply: its HTTP status (0: no webhook, -1: no answer) and body. */
    public record Reply(int status, String response) {
    }

    /** The stand-in refused a control request (a bad number, an unknown service), with its message. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    @Inject
    PaylinkConfig config;

    private volatile String base;
    private volatile String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @PostConstruct
    void start() {
        if (!config.flag(PaylinkConfig.DEMO) || !config.flag(PaylinkConfig.DEMO_PHONE)) {
            return;
        }
        String apiBase = config.get(TextGateway.API_BASE).orElse(null);
        if (apiBase == null || apiBase.isBlank()) {
            LOG.warning("Demo phone: paylink.demo.phone is on but paylink.twilio.api.base is not set; the phone is off");
            return;
        }
        String sid = config.get(TextGateway.ACCOUNT_SID).orElse("");
        String token = config.get(TextGateway.AUTH_TOKEN).orElse("");
        authorization = "Basic " + Base64.getEncoder().encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8));
        base = apiBase.endsWith("/") ? apiBase.substring(0, apiBase.length() - 1) : apiBase;
        try {
            registerRiverside();
            LOG.info(() -> "Demo phone: the local Twilio-compatible server at " + base);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Demo phone: the local Twilio-compatible server at " + base + " does not answer yet ("
                    + e.getMessage() + "); Riverside's sender is registered when it does");
        }
    }

    /** Whether this server has a demo phone (demo mode with the phone on). */
    public boolean isRunning() {
        return base != null;
    }

    /** Every text, both ways, newest first. */
    public List<Text> messages() {
        List<Text> all = new ArrayList<>(texts(null));
        Collections.reverse(all);
        return all;
    }

    /** Texts sent to {@code number}, oldest first, with how they ended. */
    public List<Text> messagesTo(String number) {
        return texts(number).stream().filter(t -> t.outbound() && t.to().equals(number)).toList();
    }

    /** The phone at {@code from} texts Riverside: delivered to Paylink's webhook, signed; returns Paylink's status. */
    public int reply(String from, String body) {
        registerRiverside();
        return reply(from, RIVERSIDE_SERVICE, body).status();
    }

    /** The phone at {@code from} texts the service's number. */
    public Reply reply(String from, String serviceSid, String body) {
        JsonObject answer = object(post("reply", Map.of("From", from, "ServiceSid", serviceSid, "Body", body)));
        return new Reply(answer.getInt("status"), answer.getString("response", ""));
    }

    /** Registers (or changes) a Messaging Service at the stand-in. */
    public void addService(String serviceSid, String number, boolean registered, String inboundUrl) {
        post("services", Map.of("Sid", serviceSid, "Number", number, "Registered", String.valueOf(registered),
                "InboundUrl", inboundUrl == null ? "" : inboundUrl));
    }

    /** The demo's reset: every text, opt-out and fault forgotten (the services stay; Riverside's is registered). */
    public void forgetEverything() {
        if (!isRunning()) {
            return;
        }
        try {
            post("forget", Map.of());
            registerRiverside();
        } catch (UncheckedIOException e) {
            LOG.warning(() -> "Demo phone: nothing to forget, " + e.getMessage());
        }
    }

    /** T7 for tests: ends every fault. */
    public void clearFaults() {
        faults(Map.of("Clear", "true"));
    }

    /** T7 for tests: while on, every send is answered 429. */
    public void throttle(boolean on) {
        faults(Map.of("Throttle", String.valueOf(on)));
    }

    /** T7 for tests: carriers filter texts to {@code number} (sent, then undelivered with 30007). */
    public void filterCarrier(String number) {
        faults(Map.of("FilterCarrier", number));
    }

    /** T7 for tests: the next {@code n} sends are taken but their answers lost. */
    public void loseNextAnswers(int n) {
        faults(Map.of("LoseNextAnswers", String.valueOf(n)));
    }

    /** Sends the stand-in accepted through its API. */
    public int creates() {
        return object(get("counts", null)).getInt("creates");
    }

    private void faults(Map<String, String> form) {
        post("faults", form);
    }

    private void registerRiverside() {
        addService(RIVERSIDE_SERVICE, RIVERSIDE_NUMBER, true, config.publicUrl() + "/webhooks/sms");
    }

    private List<Text> texts(String number) {
        String query = number == null ? null : "To=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(get("messages", query)))) {
            List<Text> texts = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                JsonObject t = value.asJsonObject();
                texts.add(new Text(t.getString("sid"), t.getString("from", null), t.getString("to"),
                        t.getString("service_sid", null), t.getString("body"), t.getString("status"),
                        t.isNull("error_code") ? null : t.getInt("error_code"), t.getInt("segments"),
                        Instant.parse(t.getString("at")), t.getBoolean("outbound")));
            }
            return texts;
        }
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private String get(String action, String query) {
        return send(HttpRequest.newBuilder(uri(action, query)).GET());
    }

    private String post(String action, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(action, null))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String action, String query) {
        if (!isRunning()) {
            throw new IllegalStateException("the demo phone is off");
        }
        return URI.create(base + "/local/" + action + (query == null ? "" : "?" + query));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", authorization).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 400) {
                throw new Refused(object(response.body()).getString("message", response.body()));
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the local Twilio-compatible server at " + base + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("the local Twilio-compatible server at " + base + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
