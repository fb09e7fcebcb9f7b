package com.paylink.it.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Stripe-compatible HTTP server for tests: the PaymentIntents endpoints stripe-java calls
 * (create with an Idempotency-Key, retrieve), with intents the test can move to "succeeded" or
 * "requires_payment_method" with a decline, like a payer at Stripe would.
 */
public final class FakeStripe implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger creates = new AtomicInteger();

    public static final class Intent {
        final String id;
        final long amount;
        final String currency;
        volatile String status = "requires_payment_method";
        volatile String declineCode;

        Intent(String id, long amount, String currency) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
        }

        String json() {
            String error = declineCode == null ? "null"
                    : "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"" + declineCode + "\"}";
            return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + amount + ",\"currency\":\""
                    + currency + "\",\"status\":\"" + status + "\",\"client_secret\":\"" + id + "_secret_test\","
                    + "\"livemode\":false,\"last_payment_error\":" + error + "}";
        }
    }

    public FakeStripe() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/payment_intents", this::paymentIntents);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int creates() {
        return creates.get();
    }

    public Intent intent(String id) {
        return intents.get(id);
    }

    public void succeed(String id) {
        intents.get(id).status = "succeeded";
        intents.get(id).declineCode = null;
    }

    public void decline(String id, String code) {
        intents.get(id).status = "requires_payment_method";
        intents.get(id).declineCode = code;
    }

    /** A payment_intent event as Stripe would post it, for the intent as it is now. */
    public String event(String eventId, String type, String intentId) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + (System.currentTimeMillis() / 1000) + ",\"livemode\":false,"
                + "\"data\":{\"object\":" + intents.get(intentId).json() + "}}";
    }

    private void paymentIntents(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer sk_test_")) {
            respond(exchange, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/payment_intents")) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String existing = key == null ? null : byIdempotencyKey.get(key);
            if (existing != null) {
                respond(exchange, 200, intents.get(existing).json());
                return;
            }
            creates.incrementAndGet();
            Intent intent = new Intent("pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                    Long.parseLong(form.get("amount")), form.get("currency"));
            intents.put(intent.id, intent);
            if (key != null) {
                byIdempotencyKey.put(key, intent.id);
            }
            respond(exchange, 200, intent.json());
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/payment_intents/")) {
            Intent intent = intents.get(path.substring("/v1/payment_intents/".length()));
            if (intent == null) {
                respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
            } else {
                respond(exchange, 200, intent.json());
            }
        } else {
            respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_test");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
