package com.paylink.outbound.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** P9: the signature a receiver recomputes (the value below is Python's hmac over the same input, docs/api.md). */
class WebhookSignatureTest {

    @Test
    void theHeaderIsTheTimestampAndTheHmacOfTimestampDotBody() {
        assertThat(WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"id\":\"evt_1\"}"))
                .isEqualTo("t=1700000000,v1=c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925");
    }

    @Test
    void secretsAreRandomAndPrefixed() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize(6 + 43).isNotEqualTo(WebhookSignature.newSecret());
    }
}
