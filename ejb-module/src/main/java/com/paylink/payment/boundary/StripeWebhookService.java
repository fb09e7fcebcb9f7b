package com.paylink.payment.boundary;

import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.StripeEventRouter;
import com.paylink.payment.control.stripe.StripeWebhooks;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;

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
    StripeEventRouter router;

    /**
     * @return false when the event was a duplicate
     * @throws InvalidWebhook for a missing, forged or stale signature (nothing is done)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean handle(String payload, String signatureHeader) {
        StripeWebhooks.VerifiedEvent event = StripeWebhooks.verify(payload, signatureHeader,
                gateways.webhookSecret().orElse(null), clock).orElseThrow(InvalidWebhook::new);
        return router.apply(event);
    }
}
