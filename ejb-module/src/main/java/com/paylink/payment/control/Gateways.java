package com.paylink.payment.control;

import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.stripe.StripeGateway;
import com.paylink.payment.entity.Gateway;
import com.paylink.platform.PaymentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which gateway takes cards: the one the operator's payment mode names ({@link PaymentsConfig}), and
 * only while that mode is fully configured. There is no fallback: in stripe mode without keys nothing
 * pays, whatever a payer posts.
 */
@ApplicationScoped
public class Gateways {

    private final ConcurrentMap<String, StripeGateway> stripeClients = new ConcurrentHashMap<>();

    @Inject
    PaymentsConfig config;

    @Inject
    SandboxGateway sandbox;

    /** The kind of gateway that takes new payments in this mode. */
    public Gateway activeKind() {
        return config.isSandbox() ? Gateway.SANDBOX : Gateway.STRIPE;
    }

    /** True when the active gateway is configured and may take a payment. */
    public boolean ready() {
        return config.ready();
    }

    /**
     * The gateway that took (or takes) a payment of this kind. Stripe needs its secret key even to read
     * an old payment; without it this says so rather than guess.
     */
    public CardGateway of(Gateway gateway) {
        if (gateway == Gateway.SANDBOX) {
            return sandbox;
        }
        String key = config.stripeSecretKey()
                .orElseThrow(() -> new GatewayUnavailable(PaymentsConfig.STRIPE_SECRET_KEY + " is not set", null));
        String base = config.stripeApiBase().orElse("");
        return stripeClients.computeIfAbsent(key + "|" + base, k -> new StripeGateway(key, base));
    }

    public Optional<String> publishableKey() {
        return config.stripePublishableKey();
    }

    public Optional<String> webhookSecret() {
        return config.stripeWebhookSecret();
    }
}
