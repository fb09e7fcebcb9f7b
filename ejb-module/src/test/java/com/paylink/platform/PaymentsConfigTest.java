package com.paylink.platform;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsConfigTest {

    private final Map<String, String> values = new HashMap<>(Map.of(
            PaymentsConfig.MODE, "stripe",
            PaymentsConfig.STRIPE_SECRET_KEY, "sk_test_abcd",
            PaymentsConfig.STRIPE_PUBLISHABLE_KEY, "pk_test_abcd",
            PaymentsConfig.STRIPE_WEBHOOK_SECRET, "whsec_abcd"));

    private PaymentsConfig config() {
        PaylinkConfig paylink = new PaylinkConfig();
        // MicroProfile Config as WildFly gives it, reduced to the one method PaylinkConfig.get calls
        paylink.config = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(), new Class<?>[]{Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        Optional<String> value = Optional.ofNullable(values.get((String) args[0]));
                        return args.length > 1 && args[1] == Boolean.class ? value.map(Boolean::valueOf) : value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        PaymentsConfig payments = new PaymentsConfig();
        payments.config = paylink;
        return payments;
    }

    @Test
    void stripeJsComesFromStripeUnlessConfigured() {
        assertThat(config().stripeJsUrl()).isEqualTo("https://js.stripe.com/v3/");
        assertThat(config().problems()).isEmpty();
        values.put(PaymentsConfig.STRIPE_JS_URL, "http://127.0.0.1:12111/v3/");
        assertThat(config().stripeJsUrl()).isEqualTo("http://127.0.0.1:12111/v3/");
        assertThat(config().problems()).isEmpty();
    }

    @Test
    void aStripeJsUrlThatIsNeitherHttpsNorThisMachineIsAProblem() {
        values.put(PaymentsConfig.STRIPE_JS_URL, "http://evil.example/v3/");
        assertThat(config().problems()).singleElement().asString().startsWith(PaymentsConfig.STRIPE_JS_URL + " is malformed");
        values.put(PaymentsConfig.STRIPE_JS_URL, "javascript:alert(1)");
        assertThat(config().ready()).isFalse();
    }

    @Test
    void theSandboxIsRefusedOnAReleaseServer_unlessItIsTheDemoOrSaysItIsATestDeployment() {
        values.put(PaymentsConfig.MODE, "sandbox");
        assertThat(config().ready()).isFalse();
        assertThat(config().problems()).singleElement().asString().contains("the sandbox takes no real payments");
        values.put(PaymentsConfig.TEST_DEPLOYMENT, "true");
        assertThat(config().problems()).isEmpty();
        values.remove(PaymentsConfig.TEST_DEPLOYMENT);
        values.put(PaylinkConfig.DEMO, "true");
        assertThat(config().ready()).isTrue();
    }
}
