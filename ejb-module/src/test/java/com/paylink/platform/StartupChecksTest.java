package com.paylink.platform;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StartupChecksTest {

    @Test
    void outsideTheDemoAPublicHttpsUrlIsRequired() {
        assertThat(StartupChecks.problems(false, Optional.empty())).singleElement().asString()
                .contains("paylink.public.url is not set");
        assertThat(StartupChecks.problems(false, Optional.of("http://pay.example.com"))).singleElement().asString()
                .contains("must start with https://");
        assertThat(StartupChecks.problems(false, Optional.of("https:/pay"))).singleElement().asString()
                .contains("no host");
        assertThat(StartupChecks.problems(false, Optional.of("https://pay.example.com/?x=1"))).singleElement().asString()
                .contains("plain address");
        assertThat(StartupChecks.problems(false, Optional.of("https://pay example.com"))).singleElement().asString()
                .contains("not a URL");
        assertThat(StartupChecks.problems(false, Optional.of("https://pay.example.com"))).isEmpty();
        assertThat(StartupChecks.problems(false, Optional.of("https://example.com/paylink"))).isEmpty();
    }

    @Test
    void theDemoMayRunOnPlainHttp() {
        assertThat(StartupChecks.problems(true, Optional.empty())).isEmpty();
        assertThat(StartupChecks.problems(true, Optional.of("http://localhost:8080"))).isEmpty();
    }
}
