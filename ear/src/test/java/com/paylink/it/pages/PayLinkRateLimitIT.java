package com.paylink.it.pages;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Token lookups are limited per client address (30 per 10 minutes); its own deployment, so its own budget. */
class PayLinkRateLimitIT extends PageTest {

    @Test
    void guessingTokensQuicklyGetsAFriendlyTooManyAttemptsPage() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        URI guess = URI.create(base.toString().replaceAll("/$", "") + "/pay/" + "g".repeat(43));
        for (int i = 0; i < 30; i++) {
            assertThat(http.send(HttpRequest.newBuilder(guess).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).as("lookup " + (i + 1)).isEqualTo(303);
        }
        HttpResponse<String> limited = http.send(HttpRequest.newBuilder(guess).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("600");
        assertPaymentHeaders(limited);
        assertThat(limited.body()).contains("Too many attempts", "Wait ten minutes");
        StaffPagesIT.assertNoStackTrace(limited.body());
    }
}
