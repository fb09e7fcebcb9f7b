package com.paylink.it.pages;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 5, from outside: on HTTPS the session cookie is Secure, HttpOnly and SameSite=Lax and HSTS is
 * sent; X-Forwarded-For / -Proto count only from the trusted proxy address (the test server trusts
 * 127.0.0.1, paylink.proxy.trusted), so the token rate limit keys on the real client behind it and nobody
 * else can choose their address; redirects never take the Host header. A second loopback address
 * (127.0.0.2) plays a client connecting directly.
 */
class HttpsAndProxiesIT extends PageTest {

    private static final String PROXY = "127.0.0.1";
    private static final String DIRECT_CLIENT = "127.0.0.2";

    private String host() {
        return base.getHost();
    }

    private int httpPort() {
        return base.getPort();
    }

    /** WildFly's HTTPS listener (its self-signed certificate), at the same offset as HTTP. */
    private int httpsPort() {
        return base.getPort() - 8080 + 8443;
    }

    @Test
    void overHttpsTheSessionCookieIsSecureHttpOnlyAndLax_andHstsIsSent() throws Exception {
        RawHttp.Response page = RawHttp.get(host(), httpsPort(), true, PROXY, "/login.xhtml", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(sessionCookie(signIn(httpsPort(), true, PROXY, Map.of()))).contains("secure", "httponly", "samesite=lax");
    }

    @Test
    void overPlainHttpTheCookieIsHttpOnlyAndLax_withoutSecureOrHsts() throws Exception {
        RawHttp.Response page = RawHttp.get(host(), httpPort(), false, DIRECT_CLIENT, "/login.xhtml", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).isNull();
        assertThat(sessionCookie(signIn(httpPort(), false, DIRECT_CLIENT, Map.of())))
                .contains("httponly", "samesite=lax").doesNotContain("secure");
    }

    @Test
    void onlyTheTrustedProxyCanSayTheClientUsedHttps() throws Exception {
        Map<String, String> forwarded = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.20");
        RawHttp.Response viaProxy = RawHttp.get(host(), httpPort(), false, PROXY, "/login.xhtml", forwarded);
        assertThat(viaProxy.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(sessionCookie(signIn(httpPort(), false, PROXY, forwarded))).contains("secure");

        RawHttp.Response direct = RawHttp.get(host(), httpPort(), false, DIRECT_CLIENT, "/login.xhtml", forwarded);
        assertThat(direct.header("Strict-Transport-Security")).as("the header from anyone else is ignored").isNull();
        assertThat(sessionCookie(signIn(httpPort(), false, DIRECT_CLIENT, forwarded))).doesNotContain("secure");
    }

    @Test
    void nobodyGetsASessionBeforeSigningIn_theSignInPageAndTheRedirectToItCreateNone() throws Exception {
        RawHttp.Response page = RawHttp.get(host(), httpPort(), false, DIRECT_CLIENT, "/login.xhtml", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(RawHttp.get(host(), httpPort(), false, DIRECT_CLIENT, "/", Map.of()).headers("Set-Cookie"))
                .as("nor the home page").noneMatch(c -> c.startsWith("JSESSIONID="));
        RawHttp.Response staffPage = RawHttp.get(host(), httpPort(), false, DIRECT_CLIENT, "/staff/ledger.xhtml?client=1", Map.of());
        assertThat(staffPage.status()).isEqualTo(302);
        assertThat(staffPage.header("Location")).isEqualTo("/login.xhtml?next=%2Fstaff%2Fledger.xhtml%3Fclient%3D1");
        assertThat(staffPage.headers("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));

        // signing in from there comes back to the page that asked, and only then is there a session
        RawHttp.Response signedIn = signIn(httpPort(), false, DIRECT_CLIENT, Map.of(), "/staff/ledger.xhtml?client=1");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/staff/ledger.xhtml?client=1");
        assertThat(signedIn.headers("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID="));
        // and never off-site
        assertThat(signIn(httpPort(), false, DIRECT_CLIENT, Map.of(), "https://evil.example/staff/").header("Location"))
                .endsWith("/staff/clients.xhtml").doesNotContain("evil");
    }

    /** Signs in as biller through the sign-in form, as a browser posts it; the answer (a redirect with the session). */
    private RawHttp.Response signIn(int port, boolean tls, String from, Map<String, String> headers) throws Exception {
        return signIn(port, tls, from, headers, null);
    }

    private RawHttp.Response signIn(int port, boolean tls, String from, Map<String, String> headers, String next) throws Exception {
        String path = "/login.xhtml" + (next == null ? "" : "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        RawHttp.Response page = RawHttp.get(host(), port, tls, from, path, headers);
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"")
                .matcher(page.body());
        assertThat(state.find()).as("the sign-in form").isTrue();
        String form = "login=login&login%3Ausername=biller&login%3Apassword=" + PASSWORD + "&login%3Asubmit=&login%3Anext="
                + (next == null ? "" : java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8))
                + "&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(state.group(1), java.nio.charset.StandardCharsets.UTF_8);
        return RawHttp.post(host(), port, tls, from, "/login.xhtml", headers, form);
    }

    @Test
    void theTokenRateLimitKeysOnTheClientBehindTheTrustedProxy_andOnTheAddressOfEveryoneElse() throws Exception {
        String guess = "/pay/" + "g".repeat(43);
        // behind the proxy: one client's 31st lookup is refused, another client behind the same proxy goes on
        for (int i = 0; i < 30; i++) {
            assertThat(lookup(PROXY, "198.51.100.1", guess)).as("lookup " + (i + 1)).isEqualTo(303);
        }
        assertThat(lookup(PROXY, "198.51.100.1", guess)).isEqualTo(429);
        assertThat(lookup(PROXY, "198.51.100.2", guess)).as("another client behind the proxy").isEqualTo(303);

        // a direct client cannot get a fresh budget by claiming another address
        for (int i = 0; i < 30; i++) {
            assertThat(lookup(DIRECT_CLIENT, "198.51.100.3", guess)).as("lookup " + (i + 1)).isEqualTo(303);
        }
        assertThat(lookup(DIRECT_CLIENT, "198.51.100.4", guess)).as("X-Forwarded-For from a client counts for nothing")
                .isEqualTo(429);
    }

    @Test
    void behindTheProxy_theClientIsTheRightMostUntrustedEntry_notTheLeftMostOneItWroteItself() throws Exception {
        String guess = "/pay/" + "h".repeat(43);
        // the client writes a new address of its own on the left each time; the proxy appends the one it saw
        for (int i = 0; i < 30; i++) {
            assertThat(lookup(PROXY, "203.0.113." + (i + 1) + ", 198.51.100.50", guess)).as("lookup " + (i + 1)).isEqualTo(303);
        }
        assertThat(lookup(PROXY, "203.0.113.99, 198.51.100.50", guess)).as("counted on 198.51.100.50 all along")
                .isEqualTo(429);
        assertThat(lookup(PROXY, "198.51.100.50, 127.0.0.1", guess)).as("a trusted proxy on the right is skipped")
                .isEqualTo(429);
        // IPv6 clients count per /64: every host of one prefix shares the budget
        for (int i = 0; i < 30; i++) {
            assertThat(lookup(PROXY, "2001:db8:7:7::" + Integer.toHexString(i + 1), guess)).isEqualTo(303);
        }
        assertThat(lookup(PROXY, "2001:db8:7:7:ffff::1", guess)).isEqualTo(429);
        assertThat(lookup(PROXY, "2001:db8:7:8::1", guess)).as("another /64").isEqualTo(303);
        // a client cannot forge the peer the server records for its connection (X-Paylink-Peer is replaced)
        String other = "127.0.0.3";
        String guess2 = "/pay/" + "i".repeat(43);
        for (int i = 0; i < 30; i++) {
            assertThat(RawHttp.get(host(), httpPort(), false, other, guess2, Map.of()).status()).isEqualTo(303);
        }
        assertThat(RawHttp.get(host(), httpPort(), false, other, guess2,
                Map.of("X-Paylink-Peer", PROXY, "X-Forwarded-For", "198.51.100.51")).status())
                .as("still counted on " + other + ", whatever it claims").isEqualTo(429);
    }

    @Test
    void aBodyLargerThanTheAreasFormsIsRefusedBeforeAnythingReadsIt() throws Exception {
        String big = "amountChoice=other&amount=" + "9".repeat(20_000);
        RawHttp.Response intent = RawHttp.post(host(), httpPort(), false, DIRECT_CLIENT, "/checkout/intent", Map.of(), big);
        assertThat(intent.status()).as("a payer's form is a few hundred bytes").isEqualTo(413);
        RawHttp.Response signIn = RawHttp.post(host(), httpPort(), false, DIRECT_CLIENT, "/login.xhtml", Map.of(), big);
        assertThat(signIn.status()).isEqualTo(413);
        assertThat(RawHttp.post(host(), httpPort(), false, DIRECT_CLIENT, "/checkout/intent", Map.of(), "amountChoice=full")
                .status()).as("a normal one is answered as before (no payer session here)").isEqualTo(403);
    }

    @Test
    void redirectsNeverComeFromTheHostHeader() throws Exception {
        RawHttp.Response response = RawHttp.get(host(), httpPort(), false, DIRECT_CLIENT, "/staff/clients.xhtml",
                Map.of("Host", "evil.example"));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).isEqualTo("/login.xhtml?next=%2Fstaff%2Fclients.xhtml").doesNotContain("evil.example");
    }

    private int lookup(String from, String forwardedFor, String path) throws Exception {
        return RawHttp.get(host(), httpPort(), false, from, path, Map.of("X-Forwarded-For", forwardedFor)).status();
    }

    /** The session cookie's attributes (after its value), lower case. */
    private static java.util.List<String> sessionCookie(RawHttp.Response response) {
        String cookie = response.headers("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headerLines()));
        return java.util.Arrays.stream(cookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
