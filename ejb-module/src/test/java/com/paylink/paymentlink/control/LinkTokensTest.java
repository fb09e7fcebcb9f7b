package com.paylink.paymentlink.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** PL6: 256-bit URL-safe tokens; only their SHA-256 hash is kept. */
class LinkTokensTest {

    @Test
    void tokensCarry256RandomBitsInUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(LinkTokens.looksLikeToken(token)).isTrue();
            seen.add(token);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void theHashIsHexSha256AndNotTheToken() {
        String token = LinkTokens.newToken();
        assertThat(LinkTokens.hash(token)).hasSize(64).matches("[0-9a-f]{64}").isNotEqualTo(token)
                .isEqualTo(LinkTokens.hash(token));
        // a known SHA-256 value
        assertThat(LinkTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(LinkTokens.looksLikeToken(null)).isFalse();
        assertThat(LinkTokens.looksLikeToken("")).isFalse();
        assertThat(LinkTokens.looksLikeToken("a".repeat(42))).isFalse();
        assertThat(LinkTokens.looksLikeToken("a".repeat(44))).isFalse();
        assertThat(LinkTokens.looksLikeToken("a".repeat(42) + "=")).isFalse();
        assertThat(LinkTokens.looksLikeToken("é".repeat(43))).isFalse();
    }
}
