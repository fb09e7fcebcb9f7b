package com.paylink.web.payer;

import com.paylink.paymentlink.boundary.PayerSessionKeys;
import jakarta.faces.application.FacesMessage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PL13, issue 22 (ADR 0012): the payer's session as a sealed cookie. */
class PayerSessionSealTest {

    private static final byte[] KEY = key(1);
    private static final byte[] OTHER = key(2);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void everythingSealedComesBackAsItWas_theNextPagesValuesIncluded() {
        Map<String, Serializable> next = Map.of(
                "kept", new String[]{"Pat Payer", "12/39", null},
                "refunded", Boolean.TRUE,
                "declined", "Your card was declined.",
                "messages", new FacesMessage[]{new FacesMessage(FacesMessage.SEVERITY_ERROR, "Check the card", null)});
        PayerSessionSeal seal = new PayerSessionSeal(List.of(KEY));
        String value = seal.seal(new PayerSessionSeal.State("id-1", 42L, "secret", NOW, "pi_123", next));
        assertThat(value).as("fits a cookie, URL-safe").hasSizeLessThan(PayerSessionSeal.MAX_VALUE).matches("[A-Za-z0-9_-]+");
        assertThat(value).doesNotContain("secret", "pi_123");

        PayerSessionSeal.State back = seal.open(value).orElseThrow();
        assertThat(back.id()).isEqualTo("id-1");
        assertThat(back.linkId()).isEqualTo(42L);
        assertThat(back.csrf()).isEqualTo("secret");
        assertThat(back.lastSeen()).isEqualTo(NOW);
        assertThat(back.stripeIntent()).isEqualTo("pi_123");
        assertThat((String[]) back.next().get("kept")).containsExactly("Pat Payer", "12/39", null);
        assertThat(back.next().get("refunded")).isEqualTo(Boolean.TRUE);
        assertThat(back.next().get("declined")).isEqualTo("Your card was declined.");
        FacesMessage message = ((FacesMessage[]) back.next().get("messages"))[0];
        assertThat(message.getSummary()).isEqualTo("Check the card");
        assertThat(message.getSeverity()).isEqualTo(FacesMessage.SEVERITY_ERROR);

        PayerSessionSeal.State unknown = seal.open(seal.seal(new PayerSessionSeal.State("id-2", null, "s", NOW, null, null)))
                .orElseThrow();
        assertThat(unknown.linkId()).as("an unknown token's session").isNull();
        assertThat(unknown.stripeIntent()).isNull();
    }

    /**
     * L11 and issue 22: the client's language is read on the session's first page and carried in the cookie, so the
     * payment page does not ask the database on every view; "" is "none chosen", which is read once too. A cookie
     * sealed before the language was carried opens, as "not read yet".
     */
    @Test
    void theClientsLanguageIsReadOncePerSession_andCarriedInTheCookie() {
        PayerSessionSeal seal = new PayerSessionSeal(List.of(KEY));
        java.util.concurrent.atomic.AtomicReference<PayerSessionSeal.State> saved = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        PayerSession first = new PayerSession(seal.open(seal.seal(new PayerSessionSeal.State("id-1", 42L, "s", NOW, null, null)))
                .orElseThrow(), Map.of(), saved::set);
        assertThat(first.clientLanguage(() -> { reads.incrementAndGet(); return java.util.Optional.of("es"); })).contains("es");
        assertThat(first.clientLanguage(() -> { reads.incrementAndGet(); return java.util.Optional.of("fr"); })).contains("es");
        assertThat(reads).as("read once").hasValue(1);

        PayerSession later = new PayerSession(seal.open(seal.seal(saved.get())).orElseThrow(), Map.of(), s -> { });
        assertThat(later.clientLanguage(() -> { reads.incrementAndGet(); return java.util.Optional.empty(); })).contains("es");
        assertThat(reads).as("the next page reads it from the cookie").hasValue(1);

        PayerSession none = new PayerSession(new PayerSessionSeal.State("id-2", 7L, "s", NOW, null, null), Map.of(), saved::set);
        assertThat(none.clientLanguage(java.util.Optional::empty)).isEmpty();
        PayerSession noneLater = new PayerSession(seal.open(seal.seal(saved.get())).orElseThrow(), Map.of(), s -> { });
        assertThat(noneLater.clientLanguage(() -> { throw new AssertionError("read again"); })).as("none chosen, also carried").isEmpty();

        byte[] withoutLanguage = PayerSessionSeal.encode(new PayerSessionSeal.State("id-3", 9L, "s", NOW, null, null));
        byte[] older = Arrays.copyOf(withoutLanguage, withoutLanguage.length - 1); // the one "absent" byte a null writes
        assertThat(PayerSessionSeal.decode(older)).hasValueSatisfying(state -> {
            assertThat(state.linkId()).isEqualTo(9L);
            assertThat(state.clientLanguage()).isNull();
        });
    }

    @Test
    void aCookieChangedByOneByte_sealedWithAnotherKey_orMadeUp_opensNothing() {
        PayerSessionSeal seal = new PayerSessionSeal(List.of(KEY));
        String value = seal.seal(new PayerSessionSeal.State("id-1", 42L, "secret", NOW, null, null));
        byte[] bytes = Base64.getUrlDecoder().decode(value);
        for (int i = 0; i < bytes.length; i += 7) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            assertThat(seal.open(Base64.getUrlEncoder().withoutPadding().encodeToString(changed))).as("byte " + i).isEmpty();
        }
        assertThat(new PayerSessionSeal(List.of(OTHER)).open(value)).as("another server's key").isEmpty();
        assertThat(seal.open("x".repeat(43))).isEmpty();
        assertThat(seal.open("not base64!")).isEmpty();
        assertThat(seal.open("A".repeat(PayerSessionSeal.MAX_VALUE + 1))).isEmpty();
        assertThat(seal.open("")).isEmpty();
    }

    @Test
    void duringARotationTheNewKeySeals_andTheOldOneStillOpens() {
        String old = new PayerSessionSeal(List.of(OTHER)).seal(new PayerSessionSeal.State("id-1", 7L, "s", NOW, null, null));
        PayerSessionSeal rotating = new PayerSessionSeal(List.of(KEY, OTHER));
        assertThat(rotating.open(old)).as("a cookie sealed before the rotation").isPresent();
        String fresh = rotating.seal(new PayerSessionSeal.State("id-2", 7L, "s", NOW, null, null));
        assertThat(new PayerSessionSeal(List.of(KEY)).open(fresh)).as("sealed with the new key").isPresent();
        assertThat(new PayerSessionSeal(List.of(OTHER)).open(fresh)).isEmpty();
    }

    @Test
    void onlyPageValuesAreKept_andWhatDoesNotFitACookieIsLeftOut() {
        PayerSessionSeal seal = new PayerSessionSeal(List.of(KEY));
        assertThatThrownBy(() -> seal.seal(new PayerSessionSeal.State("id", 1L, "s", NOW, null,
                Map.of("file", new File("/etc/passwd"))))).isInstanceOf(IllegalArgumentException.class);
        String huge = "x".repeat(5_000);
        PayerSessionSeal.State back = seal.open(seal.seal(new PayerSessionSeal.State("id", 1L, "s", NOW, null,
                Map.of("declined", huge)))).orElseThrow();
        assertThat(back.linkId()).isEqualTo(1L);
        assertThat(back.next()).as("left out, the session kept").isEmpty();
    }

    /** PL13: 20 minutes without use ends a session; use keeps it (the cookie's last use, kept to the minute). */
    @Test
    void pl13_aPayersSessionEndsAfterTwentyIdleMinutes() {
        Instant[] now = {NOW};
        PayerSessions sessions = new PayerSessions();
        sessions.keys = new PayerSessionKeys() {
            @Override
            public List<byte[]> keys() {
                return List.of(KEY);
            }
        };
        sessions.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        String cookie = new PayerSessionSeal(List.of(KEY)).seal(new PayerSessionSeal.State("id-1", 42L, "s", NOW, null, null));
        now[0] = NOW.plus(Duration.ofMinutes(19));
        assertThat(sessions.find(request(cookie))).as("19 idle minutes").hasValueSatisfying(s -> assertThat(s.linkId()).isEqualTo(42L));
        now[0] = NOW.plus(PayerSessions.IDLE).minusSeconds(1);
        assertThat(sessions.find(request(cookie))).isPresent();
        now[0] = NOW.plus(PayerSessions.IDLE);
        assertThat(sessions.find(request(cookie))).as("20 idle minutes: ended").isEmpty();
        assertThat(sessions.find(request("made-up"))).isEmpty();
    }

    private static HttpServletRequest request(String payerCookie) {
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCookies" -> new Cookie[]{new Cookie("other", "x"), new Cookie(PayerSessions.COOKIE, payerCookie)};
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> null;
                });
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

}
