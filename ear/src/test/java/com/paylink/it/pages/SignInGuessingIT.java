package com.paylink.it.pages;

import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S2 (issue 10 item 3), from outside: after 5 failures a username, and separately an address, waits before
 * its next attempt is even checked (the form and the API alike, the right password included); unknown
 * usernames cost as long as known ones; Admins see their practice's attempts. Other loopback addresses
 * (127.0.0.x) play different clients; the first back-off is set long while a test looks at it.
 */
class SignInGuessingIT extends PageTest {

    private static final String BACKOFF = "paylink.signin.backoff";
    private static final String API = "/api/invoices/999999/payment-links";

    @ArquillianResource
    ManagementClient management;

    private static final String ADDRESS_FREE = "paylink.signin.address.free-failures";

    @AfterEach
    void defaults() throws IOException {
        unset(BACKOFF);
        unset(ADDRESS_FREE);
    }

    @Test
    void afterFiveFailuresTheUsernameWaits_evenForTheRightPassword_onTheApiAndTheForm_thenSignsInAgain() throws Exception {
        set(BACKOFF, "PT30S");
        for (int i = 4; i <= 8; i++) { // five failures from five addresses: only the username adds up
            assertThat(api("127.0.0." + i, "drpatel", "wrong-" + i).status()).as("failure " + (i - 3)).isEqualTo(401);
        }
        RawHttp.Response throttled = api("127.0.0.1", "drpatel", PASSWORD);
        assertThat(throttled.status()).as("the right password is not even checked").isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 30);
        assertThat(throttled.body()).contains("too-many-sign-ins");

        Browser form = browser().signIn("drpatel", PASSWORD);
        assertThat(form.path()).as("stays on the sign-in page").startsWith("/login.xhtml");
        assertThat(form.text(By.id("login:messages"))).contains("Too many failed sign-ins", "try again in 1 minute");
        form.open("/staff/clients.xhtml");
        assertThat(form.path()).as("not signed in").startsWith("/login.xhtml");

        // another account from the same address is not held up
        assertThat(api("127.0.0.1", "lakeadmin", PASSWORD).status()).isNotIn(401, 429);

        // the first wait is normally a second: once it has passed, the right password works again
        set(BACKOFF, "PT1S");
        Thread.sleep(1_200);
        assertThat(api("127.0.0.1", "drpatel", PASSWORD).status()).isNotIn(401, 429);

        // the practice's Admin sees each attempt: who, from where, through what, and what came of it
        StaffSession admin = new StaffSession(base);
        admin.signIn("lakeadmin", PASSWORD);
        String activity = admin.get("/staff/admin/sign-ins.xhtml").body();
        assertThat(activity).contains("Dr. Ravi Patel", "127.0.0.4", "127.0.0.8", "Refused: wrong password or inactive account",
                "Refused: too many failures, waiting", "Signed in", "API", "Sign-in page");
        StaffSession otherPractice = new StaffSession(base);
        otherPractice.signIn("admin", PASSWORD);
        assertThat(otherPractice.get("/staff/admin/sign-ins.xhtml").body()).contains("Sign-in activity")
                .doesNotContain("drpatel");
        StaffSession notAdmin = new StaffSession(base);
        notAdmin.signIn("biller", PASSWORD);
        assertThat(notAdmin.get("/staff/admin/sign-ins.xhtml").statusCode()).isEqualTo(403);
    }

    @Test
    void afterItsFreeFailuresAnAddressWaits_whateverUsernameItTries_andASuccessFromItResetsNothing() throws Exception {
        set(BACKOFF, "PT30S");
        set(ADDRESS_FREE, "5");
        String address = "127.0.0.2";
        for (int i = 1; i <= 4; i++) {
            assertThat(api(address, "nobody-" + i, "guess").status()).isEqualTo(401);
        }
        // the attacker's own account signs in from the address: the spray's count goes on regardless
        assertThat(api(address, "lakeadmin", PASSWORD).status()).isNotIn(401, 429);
        assertThat(api(address, "nobody-5", "guess").status()).isEqualTo(401);
        assertThat(api(address, "lakeadmin", PASSWORD).status()).as("the address waits").isEqualTo(429);
        assertThat(api("127.0.0.3", "lakeadmin", PASSWORD).status()).as("another address does not").isNotIn(401, 429);

        // the practice's Admin clears the lock-out from Sign-ins: the next attempt is checked at once
        Browser admin = browser().signIn("lakeadmin", PASSWORD);
        admin.open("/staff/admin/sign-ins.xhtml");
        admin.click(By.cssSelector(".pl-clear-lockout"));
        admin.waitForText(By.id("clear:clearMessages"), "The lock-out of lakeadmin is cleared");
        assertThat(api(address, "lakeadmin", PASSWORD).status()).isNotIn(401, 429);
    }

    @Test
    void parallelGuessesForOneUsernameAreCheckedOneAtATime_soNoMoreThanTheFreeFailuresAreTried() throws Exception {
        set(BACKOFF, "PT30S");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Integer>> guesses = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 20; i++) {
                String from = "127.0.1." + (i + 1);
                guesses.add(pool.submit(() -> {
                    start.await();
                    return api(from, "ghost-in-parallel", "guess-" + from).status();
                }));
            }
            start.countDown();
            long checked = 0;
            for (java.util.concurrent.Future<Integer> guess : guesses) {
                if (guess.get() == 401) {
                    checked++;
                }
            }
            assertThat(checked).as("20 at once: only the five free failures had their password checked").isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownUsernameTakesAsLongAsAWrongPassword() throws Exception {
        // four of each, from two addresses (under the five free failures of each); medians, wide bounds:
        // without the decoy hash an unknown username would answer some hundred times faster
        List<Long> unknown = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        String[] users = {"admin", "biller", "drsmith", "drjones"};
        for (int i = 0; i < 4; i++) {
            unknown.add(timed("127.0.0.9", "nobody-at-all-" + i));
            known.add(timed("127.0.0.10", users[i]));
        }
        long unknownMedian = median(unknown);
        long knownMedian = median(known);
        assertThat(unknownMedian).as("unknown %s ms, known %s ms", unknown, known).isGreaterThan(knownMedian / 2);
        assertThat(knownMedian).as("unknown %s ms, known %s ms", unknown, known).isGreaterThan(unknownMedian / 2);
    }

    private long timed(String address, String username) throws IOException {
        long start = System.nanoTime();
        assertThat(api(address, username, "not-the-password").status()).isEqualTo(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get(1) + sorted.get(2)) / 2;
    }

    private RawHttp.Response api(String from, String user, String password) throws IOException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return RawHttp.get(base.getHost(), base.getPort(), false, from, API, Map.of("Authorization", "Basic " + basic));
    }

    private void set(String name, String value) throws IOException {
        new ServerProperties(management).set(name, value);
    }

    private void unset(String name) throws IOException {
        new ServerProperties(management).unset(name);
    }
}
