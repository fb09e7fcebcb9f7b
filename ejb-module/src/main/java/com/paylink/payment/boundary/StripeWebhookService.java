package com.paylink.payment.boundary;

import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.PracticeOnboarding;
import com.paylink.payment.control.StripeAttempts;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.stripe.StripeWebhooks;
import com.paylink.payment.entity.Gateway;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;

/**
 * Stripe's webhooks (PAY6): the signature is the only credential; each event id is handled once; the
 * object an event names is re-read from Stripe, outside any transaction (PAY8), before anything changes,
 * so late, repeated or out-of-order events are harmless. The event is recorded in the same transaction as
 * its effect, so a failure leaves it unrecorded and Stripe's retry applies it.
 */
@Stateless
@PermitAll
public class StripeWebhookService {

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @Inject
    StripeAttempts attempts;

    @Inject
    PracticeOnboarding onboarding;

    /**
     * @return false when the event was a duplicate
     * @throws InvalidWebhook for a missing, forged or stale signature (nothing is done)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean handle(String payload, String signatureHeader) {
        StripeWebhooks.VerifiedEvent event = StripeWebhooks.verify(payload, signatureHeader,
                gateways.webhookSecret().orElse(null), clock).orElseThrow(InvalidWebhook::new);
        if (attempts.isProcessed(event.id())) {
            return false;
        }
        if ("account.updated".equals(event.type()) && event.accountId().isPresent()) {
            // P2: a practice's account changed at Stripe: re-read it, never trust the event's copy
            return onboarding.checkedOnEvent(event.id(), event.type(), gateways.accounts().account(event.accountId().get()));
        }
        GatewayIntent intent = null;
        Optional<String> account = event.type().startsWith("payment_intent.")
                ? event.intentId().flatMap(attempts::accountOf) : Optional.empty();
        if (account.isPresent()) {
            intent = gateways.of(Gateway.STRIPE, account.get()).retrieve(event.intentId().get());
        }
        return attempts.applyEvent(event.id(), event.type(), intent);
    }
}
