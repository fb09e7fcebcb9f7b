package com.paylink.identity.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000); // fast for tests; production uses 600,000

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertThat(hasher.verify("correct horse".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), hash)).isFalse();
    }

    @Test
    void saltsEveryHashAndNeverStoresThePassword() {
        String first = hasher.hash("secret".toCharArray());
        String second = hasher.hash("secret".toCharArray());
        assertThat(first).isNotEqualTo(second).doesNotContain("secret").startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void keepsWorkingWhenTheDefaultIterationCountChanges() {
        String old = new PasswordHasher(500).hash("pw".toCharArray());
        assertThat(hasher.verify("pw".toCharArray(), old)).isTrue();
    }

    @Test
    void neverMatchesMalformedHashes() {
        assertThat(hasher.verify("pw".toCharArray(), null)).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "pw")).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(hasher.verify("pw".toCharArray(), "md5$1$AAAA$AAAA")).isFalse();
    }

    @Test
    void weakerHashesAreUpgraded_andTheDefaultIsOwaspsSixHundredThousand() {
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isEqualTo(600_000);
        assertThat(hasher.needsUpgrade(new PasswordHasher(500).hash("pw".toCharArray()))).isTrue();
        assertThat(hasher.needsUpgrade(hasher.hash("pw".toCharArray()))).isFalse();
        assertThat(hasher.needsUpgrade(new PasswordHasher(2_000).hash("pw".toCharArray()))).isFalse();
        assertThat(hasher.needsUpgrade("md5$1$AAAA$AAAA")).isTrue();
        assertThat(hasher.needsUpgrade(null)).isTrue();
    }
}
