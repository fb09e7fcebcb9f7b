package com.paylink.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How this server takes cards: the operator's explicit {@code paylink.payments.mode} ({@code stripe}, the
 * default, or {@code sandbox}, which the demo run command sets) and, in stripe mode, the Stripe keys. A
 * missing or malformed setting is a configuration problem: nothing pays, staff are told, the server
 * logs it at start-up and reports it on its readiness check. Values are read at each use.
 */
@ApplicationScoped
public class PaymentsConfig {

    public static final String MODE = "paylink.payments.mode";
    public static final String STRIPE_SECRET_KEY = "paylink.stripe.secret.key";
    public static final String STRIPE_PUBLISHABLE_KEY = "paylink.stripe.publishable.key";
    public static final String STRIPE_WEBHOOK_SECRET = "paylink.stripe.webhook.secret";
    /** Only for a Stripe-compatible test server; production leaves it unset. */
    public static final String STRIPE_API_BASE = "paylink.stripe.api.base";
    /**
     * Where the payment page loads Stripe.js from: Stripe's own (the default, and the only right value in
     * production: Stripe.js must never be bundled or copied) or the local stand-in's, for tests and stripe-local runs.
     * The page's Content-Security-Policy follows it.
     */
    public static final String STRIPE_JS_URL = "paylink.stripe.js.url";
    public static final String STRIPE_JS_DEFAULT = "https://js.stripe.com/v3/";
    /**
     * Issue 28: the offline sandbox takes no real money, so a release server refuses it unless this says the server
     * is a test deployment (every page then says so); the demo (paylink.demo) may always use it.
     */
    public static final String TEST_DEPLOYMENT = "paylink.test-deployment";

    private static final Pattern SECRET_KEY = Pattern.compile("^(sk|rk)_(live|test)_[A-Za-z0-9_]{4,}$");
    private static final Pattern PUBLISHABLE_KEY = Pattern.compile("^pk_(live|test)_[A-Za-z0-9_]{4,}$");
    /** Stripe's own address, or an https one, or a stand-in on this machine's loopback address. */
    private static final Pattern JS_URL = Pattern.compile("^(https://[A-Za-z0-9.-]+(:\\d+)?|http://(127\\.0\\.0\\.1|localhost)(:\\d+)?)/[^\\s\"'<>]*$");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("^whsec_[A-Za-z0-9_+/=]{4,}$");

    /** The two ways of taking cards. */
    public enum Mode {
        /** Real cards through Stripe (test keys give Stripe's test mode). */
        STRIPE,
        /** The offline sandbox: no money moves; every page says so. */
        SANDBOX
    }

    @Inject
    PaylinkConfig config;

    /** The mode the operator chose; an unknown value counts as stripe (and is a problem, so nothing pays). */
    public Mode mode() {
        return "sandbox".equals(rawMode()) ? Mode.SANDBOX : Mode.STRIPE;
    }

    public boolean isSandbox() {
        return mode() == Mode.SANDBOX;
    }

    /** What keeps this server from taking cards, in words for operators (never a key's value); empty when ready. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String mode = rawMode();
        if (!"stripe".equals(mode) && !"sandbox".equals(mode)) {
            problems.add(MODE + " must be 'stripe' or 'sandbox'");
        }
        if ("sandbox".equals(mode) && !sandboxAllowed()) {
            problems.add("the sandbox takes no real payments: a real server uses " + MODE + "=stripe (a test server may"
                    + " say " + TEST_DEPLOYMENT + "=true, and every page then says it is one)");
        }
        if (mode() == Mode.STRIPE) {
            check(problems, STRIPE_SECRET_KEY, SECRET_KEY, "a Stripe secret key (sk_live_... or sk_test_...)");
            check(problems, STRIPE_PUBLISHABLE_KEY, PUBLISHABLE_KEY, "a Stripe publishable key (pk_live_... or pk_test_...)");
            check(problems, STRIPE_WEBHOOK_SECRET, WEBHOOK_SECRET, "the webhook endpoint's signing secret (whsec_...)");
            if (!JS_URL.matcher(stripeJsUrl()).matches()) {
                problems.add(STRIPE_JS_URL + " is malformed: it needs Stripe's https://js.stripe.com/v3/ (or, for a local"
                        + " test, the stand-in's http://127.0.0.1:PORT/v3/)");
            }
        }
        return problems;
    }

    /** The sandbox is for the demo and for servers that say they are test deployments (issue 28). */
    public boolean sandboxAllowed() {
        return config.flag(PaylinkConfig.DEMO) || config.flag(TEST_DEPLOYMENT);
    }

    /** True when cards can be taken in the chosen mode. */
    public boolean ready() {
        return problems().isEmpty();
    }

    public Optional<String> stripeSecretKey() {
        return config.get(STRIPE_SECRET_KEY);
    }

    public Optional<String> stripePublishableKey() {
        return config.get(STRIPE_PUBLISHABLE_KEY);
    }

    public Optional<String> stripeWebhookSecret() {
        return config.get(STRIPE_WEBHOOK_SECRET);
    }

    public Optional<String> stripeApiBase() {
        return config.get(STRIPE_API_BASE);
    }

    /** The Stripe.js address the payment page loads: Stripe's own unless configured. */
    public String stripeJsUrl() {
        return config.get(STRIPE_JS_URL).filter(url -> !url.isBlank()).orElse(STRIPE_JS_DEFAULT);
    }

    private String rawMode() {
        return config.get(MODE).orElse("stripe").toLowerCase(Locale.ROOT);
    }

    private void check(List<String> problems, String key, Pattern shape, String what) {
        Optional<String> value = config.get(key);
        if (value.isEmpty()) {
            problems.add(key + " is not set: it needs " + what);
        } else if (!shape.matcher(value.get()).matches()) {
            problems.add(key + " is malformed: it needs " + what);
        }
    }
}
