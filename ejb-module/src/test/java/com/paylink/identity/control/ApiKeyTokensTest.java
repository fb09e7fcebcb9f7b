package com.paylink.identity.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTokensTest {

    @Test
    void keysAreRandom256BitWithAPrefix_andOnlyTheirHashIsKept() {
        String key = ApiKeyTokens.generate();
        assertThat(key).startsWith("plk_").hasSize(47);
        assertThat(ApiKeyTokens.looksLikeKey(key)).isTrue();
        assertThat(ApiKeyTokens.generate()).isNotEqualTo(key);
        String hash = ApiKeyTokens.hash(key);
        assertThat(hash).hasSize(64).matches("[0-9a-f]+").doesNotContain(key.substring(4));
        assertThat(ApiKeyTokens.hash(key)).isEqualTo(hash);
        assertThat(ApiKeyTokens.hint(key)).hasSize(10).isEqualTo(key.substring(0, 10));
    }

    @Test
    void somethingElseIsNotAKey() {
        assertThat(ApiKeyTokens.looksLikeKey(null)).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("plk_short")).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("xyz_" + "a".repeat(43))).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("plk_" + "a".repeat(42) + "!")).isFalse();
        assertThat(ApiKeyTokens.looksLikeKey("plk_" + "a".repeat(43))).isTrue();
    }
}
