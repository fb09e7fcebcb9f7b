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
     * A verified event; {@code intentId} is empty for events not about a PaymentIntent, {@code accountId} for
     * events not about a connected account ({@code account.updated}).
     */
    public record VerifiedEvent(String id, String type, Optional<String> intentId, Optional<String> accountId) {
    }

    /** The event, or empty for a missing, forged or stale signature, or a body that is not an event. */
    public static Optional<VerifiedEvent> verify(String payload, String signatureHeader, String secret, Clock clock) {
        if (payload == null || signatureHeader == null || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        try {
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject event = reader.readObject();
            JsonObject object = event.getJsonObject("data").getJsonObject("object");
            Optional<String> intent = "payment_intent".equals(object.getString("object", ""))
                    ? Optional.of(object.getString("id")) : Optional.empty();
            Optional<String> account = "account".equals(object.getString("object", ""))
                    ? Optional.of(object.getString("id")) : Optional.empty();
            return Optional.of(new VerifiedEvent(event.getString("id"), event.getString("type"), intent, account));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
