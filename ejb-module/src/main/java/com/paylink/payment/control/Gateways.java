package com.paylink.payment.control;

import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.stripe.StripeAccounts;
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

    @Inject
    SandboxAccounts sandboxAccounts;

    private final ConcurrentMap<String, StripeAccounts> stripeAccounts = new ConcurrentHashMap<>();

    /** The kind of gateway that takes new payments in this mode. */
    public Gateway activeKind() {
        return config.isSandbox() ? Gateway.SANDBOX : Gateway.STRIPE;
    }

    /** True when the active gateway is configured and may take a payment. */
    public boolean ready() {
        return config.ready();
    }

    /**
     * The gateway that took (or takes) a payment of this kind, for the practice's own account (P3): every
     * Stripe request carries it. Stripe needs the platform's secret key even to read an old payment;
     * without it this says so rather than guess.
     */
    public CardGateway of(Gateway gateway, String account) {
        if (gateway == Gateway.SANDBOX) {
            return sandbox;
        }
        if (account == null || account.isBlank()) {
            throw new GatewayUnavailable("the practice has no card-processing account", null);
        }
        String key = secretKey();
        String base = config.stripeApiBase().orElse("");
        return stripeClients.computeIfAbsent(key + "|" + base + "|" + account, k -> new StripeGateway(key, base, account));
    }

    /** The accounts the mode's gateway keeps for practices (Stripe Connect, or the sandbox's simulation). */
    public AccountGateway accounts() {
        if (activeKind() == Gateway.SANDBOX) {
            return sandboxAccounts;
        }
        String key = secretKey();
        String base = config.stripeApiBase().orElse("");
        return stripeAccounts.computeIfAbsent(key + "|" + base, k -> new StripeAccounts(key, base));
    }

    public SandboxAccounts sandboxAccounts() {
        return sandboxAccounts;
    }

    private String secretKey() {
        return config.stripeSecretKey()
                .orElseThrow(() -> new GatewayUnavailable(PaymentsConfig.STRIPE_SECRET_KEY + " is not set", null));
    }

    public Optional<String> publishableKey() {
        return config.stripePublishableKey();
    }

    public Optional<String> webhookSecret() {
        return config.stripeWebhookSecret();
    }
}
