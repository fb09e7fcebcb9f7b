package com.paylink.payment.control;

import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.stripe.StripeGateway;
import com.paylink.payment.entity.Gateway;
import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which gateway takes cards: Stripe when {@code paylink.stripe.secret.key} is set, else the offline
 * sandbox. Read at every use, so keys can be changed without a redeploy.
 */
@ApplicationScoped
public class Gateways {

    public static final String STRIPE_SECRET_KEY = "paylink.stripe.secret.key";
    public static final String STRIPE_PUBLISHABLE_KEY = "paylink.stripe.publishable.key";
    public static final String STRIPE_WEBHOOK_SECRET = "paylink.stripe.webhook.secret";
    /** Only for a Stripe-compatible test server; production leaves it unset. */
    public static final String STRIPE_API_BASE = "paylink.stripe.api.base";

    private final ConcurrentMap<String, StripeGateway> stripeClients = new ConcurrentHashMap<>();

    @Inject
    PaylinkConfig config;

    @Inject
    SandboxGateway sandbox;

    /** The kind of gateway that takes new payments now. */
    public Gateway activeKind() {
        return config.get(STRIPE_SECRET_KEY).isPresent() ? Gateway.STRIPE : Gateway.SANDBOX;
    }

    /** The gateway that took (or takes) a payment of this kind. */
    public CardGateway of(Gateway gateway) {
        if (gateway == Gateway.SANDBOX) {
            return sandbox;
        }
        String key = config.get(STRIPE_SECRET_KEY)
                .orElseThrow(() -> new IllegalStateException(STRIPE_SECRET_KEY + " is not set"));
        String base = config.get(STRIPE_API_BASE).orElse("");
        return stripeClients.computeIfAbsent(key + "|" + base, k -> new StripeGateway(key, base));
    }

    public Optional<String> publishableKey() {
        return config.get(STRIPE_PUBLISHABLE_KEY);
    }

    public Optional<String> webhookSecret() {
        return config.get(STRIPE_WEBHOOK_SECRET);
    }
}
