package com.paylink.payment.control.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;

import java.time.Clock;
import java.util.Optional;

/**
 * Checks a Stripe webhook's signature ({@code Stripe-Signature: t=...,v1=...}, HMAC-SHA256, five
 * minutes' tolerance) and reads the event id, its type and the PaymentIntent it is about.
 */
public final class StripeWebhooks {

    public static final long TOLERANCE_SECONDS = 300;

    private StripeWebhooks() {
    }

    /**
     * A verified event and what it names: its object (type and id), the PaymentIntent it is about (the object
     * itself, or a refund's, charge's or dispute's {@code payment_intent}), the connected account it is about
     * ({@code account.updated}). Only ids: everything else is re-read from Stripe.
     */
    public record VerifiedEvent(String id, String type, String objectType, String objectId, Optional<String> intentId,
                                Optional<String> accountId) {
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(StripeWebhooks.class.getName());
    private static final java.util.concurrent.atomic.AtomicBoolean SIGNATURE_WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    /** The event, or empty for a missing, forged or stale signature, or a body that is not an event. */
    public static Optional<VerifiedEvent> verify(String payload, String signatureHeader, String secret, Clock clock) {
        if (payload == null || signatureHeader == null || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            // forged, stale or signed with another secret: told once per kind, not per request (a flood stays quiet)
            if (SIGNATURE_WARNED.compareAndSet(false, true)) {
                LOG.warning("a Stripe webhook's signature did not verify (" + e.getMessage() + "); if every one fails, "
                        + "check paylink.stripe.webhook.secret. Later ones are logged at FINE.");
            } else {
                LOG.fine(() -> "Stripe webhook signature refused: " + e.getMessage());
            }
            return Optional.empty();
        }
        return parse(payload);
    }

    /**
     * An event read from Stripe's events API with the platform's key (reconciliation): authentic without a
     * signature. Empty for a body that is not an event.
     */
    public static Optional<VerifiedEvent> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject event = reader.readObject();
            JsonObject object = event.getJsonObject("data").getJsonObject("object");
            String objectType = object.getString("object", "");
            String objectId = object.getString("id", null);
            Optional<String> intent = "payment_intent".equals(objectType) ? Optional.ofNullable(objectId)
                    : object.containsKey("payment_intent") && !object.isNull("payment_intent")
                    ? Optional.of(object.getString("payment_intent")) : Optional.empty();
            Optional<String> account = "account".equals(objectType) ? Optional.ofNullable(objectId) : Optional.empty();
            return Optional.of(new VerifiedEvent(event.getString("id"), event.getString("type"), objectType, objectId,
                    intent, account));
        } catch (RuntimeException e) {
            LOG.warning(() -> "a Stripe event could not be read (" + e.getClass().getSimpleName() + "): not applied");
            return Optional.empty();
        }
    }
}
