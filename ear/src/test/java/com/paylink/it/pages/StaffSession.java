package com.paylink.it.pages;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with its own cookies, for checks on status codes that a browser hides. */
final class StaffSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    StaffSession(URL base) {
        this.base = base.toString().replaceAll("/$", "");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A download (a receipt PDF) with this session's cookies. */
    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in through the login form; returns the response to the form post. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login.xhtml");
        Matcher viewState = VIEW_STATE.matcher(form.body());
        if (!viewState.find()) {
            throw new IllegalStateException("no view state on the login page");
        }
        Map<String, String> fields = Map.of("login", "login", "login:username", username,
                "login:password", password, "login:submit", "", "jakarta.faces.ViewState", viewState.group(1));
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a payment link for the invoice through the staff API as {@code user}; returns the HTTP status. */
    int sendLink(long invoiceId, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/invoices/" + invoiceId + "/payment-links"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Sends a payment link for the invoice through the staff API as {@code user}; the whole answer. */
    HttpResponse<String> sendLinkAnswer(long invoiceId, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/invoices/" + invoiceId + "/payment-links"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a payment link for the invoice through the staff API with this JSON body; the whole answer. */
    HttpResponse<String> sendLinkWith(long invoiceId, String json, String user, String password) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/invoices/" + invoiceId + "/payment-links"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one payment link for several invoices through the staff API as {@code user}; returns the HTTP status. */
    int sendLinkFor(java.util.List<Long> invoiceIds, String user, String password) throws IOException, InterruptedException {
        String body = "{\"invoices\":" + invoiceIds + "}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/payment-links"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The id of the invoice numbered {@code number} on the ledger of the client listed as {@code clientName}. */
    long invoiceId(String clientName, String number) throws IOException, InterruptedException {
        String ledger = get("/staff/ledger.xhtml?client=" + clientId(clientName)).body();
        Matcher row = Pattern.compile("pl-invoice-number\">" + Pattern.quote(number) + "</span>.*?invoice\\.xhtml\\?id=(\\d+)",
                Pattern.DOTALL).matcher(ledger);
        if (!row.find()) {
            throw new IllegalStateException("no invoice " + number + " on the ledger of " + clientName);
        }
        return Long.parseLong(row.group(1));
    }

    /** The id in the first client link whose text contains {@code name} on the client list. */
    long clientId(String name) throws IOException, InterruptedException {
        String page = get("/staff/clients.xhtml").body();
        Matcher link = Pattern.compile("client\\.xhtml\\?id=(\\d+)\"[^>]*>" + Pattern.quote(name)).matcher(page);
        if (!link.find()) {
            throw new IllegalStateException("no client named " + name + " on the client list");
        }
        return Long.parseLong(link.group(1));
    }
}
