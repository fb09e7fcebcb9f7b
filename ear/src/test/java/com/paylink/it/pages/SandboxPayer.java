package com.paylink.it.pages;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A payer without a browser: opens a link and submits the sandbox form over plain HTTP. */
final class SandboxPayer {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** Opens {@code link}, pays with {@code card}; returns the page shown afterwards. */
    String pay(String link, String card) throws Exception {
        return press(link, card, "card:pay");
    }

    /** Opens {@code link} and presses {@code button} of the sandbox form with {@code card} typed in. */
    String press(String link, String card, String button) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String checkout = link.substring(0, link.indexOf("/pay/")) + "/checkout/index.xhtml";
        return post(http, checkout, page, card, button);
    }

    /** Posts the sandbox form of {@code page} (its CSRF field and request key) to {@code checkout} with {@code card}. */
    static String post(HttpClient http, String checkout, String page, String card) throws Exception {
        return post(http, checkout, page, card, "card:pay");
    }

    /** The same, pressing {@code button} (the card's Pay, or the sandbox wallet's {@code card:payWallet}). */
    static String post(HttpClient http, String checkout, String page, String card, String button) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("card", "card");
        form.put("card:csrf", field(page, "card:csrf"));
        form.put("card:requestKey", field(page, "card:requestKey"));
        form.put("card:name", "Jo Payer");
        form.put("card:number", card);
        form.put("card:expiry", "12/39");
        form.put("card:cvc", "123");
        form.put("card:postal", "02139");
        form.put(button, "");
        form.put("jakarta.faces.ViewState", "stateless");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(checkout))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String field(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no field " + id + " on the payment page");
        }
        return m.group(1);
    }
}
