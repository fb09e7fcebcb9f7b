package com.paylink.payment.boundary;

import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.stripe.StripeWebhooks;
import com.paylink.payment.entity.ProcessedWebhookEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;

/**
 * Stripe's webhooks (PAY6): the signature is the only credential; each event id is handled once; the
 * object an event names is re-read from Stripe before anything changes, so late, repeated or
 * out-of-order events are harmless.
 */
@Stateless
@PermitAll
public class StripeWebhookService {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @EJB
    CheckoutService checkout;

    /**
     * @return false when the event was a duplicate
     * @throws InvalidWebhook for a missing, forged or stale signature (nothing is done)
     */
    public boolean handle(String payload, String signatureHeader) {
        StripeWebhooks.VerifiedEvent event = StripeWebhooks.verify(payload, signatureHeader,
                gateways.webhookSecret().orElse(null), clock).orElseThrow(InvalidWebhook::new);
        if (em.find(ProcessedWebhookEvent.class, event.id()) != null) {
            return false;
        }
        em.persist(new ProcessedWebhookEvent(event.id(), event.type(), clock.instant()));
        em.flush(); // a concurrent copy of the same event fails here and Stripe retries it later
        if (event.type().startsWith("payment_intent.")) {
            event.intentId().ifPresent(checkout::syncStripeIntent);
        }
        return true;
    }
}
