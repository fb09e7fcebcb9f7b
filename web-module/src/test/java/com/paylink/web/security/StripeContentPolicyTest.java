package com.paylink.web.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StripeContentPolicyTest {

    private static final String POLICY = "default-src 'self'; img-src 'self' data: https://*.stripe.com; "
            + "connect-src 'self' https://api.stripe.com https://m.stripe.network; "
            + "frame-src https://js.stripe.com https://hooks.stripe.com; form-action 'self' https://connect.stripe.com; "
            + "script-src 'self' https://js.stripe.com 'nonce-abc'";

    @Test
    void stripesOwnScriptKeepsThePolicyAsWritten() {
        assertThat(StripeContentPolicy.apply(POLICY, "https://js.stripe.com/v3/")).isEqualTo(POLICY);
    }

    @Test
    void theStandInsOriginTakesStripesPlaceInEveryDirective() {
        String policy = StripeContentPolicy.apply(POLICY, "http://127.0.0.1:12111/v3/");
        assertThat(policy).doesNotContain("stripe.com").doesNotContain("stripe.network")
                .contains("connect-src 'self' http://127.0.0.1:12111;")
                .contains("frame-src http://127.0.0.1:12111;")
                .contains("form-action 'self' http://127.0.0.1:12111;")
                .endsWith("script-src 'self' http://127.0.0.1:12111 'nonce-abc'")
                .startsWith("default-src 'self'; img-src 'self' data: http://127.0.0.1:12111;");
    }
}
