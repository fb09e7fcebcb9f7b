package com.paylink.payment.boundary;

/** What the Stripe Payment Element needs to start: the publishable key and the PaymentIntent's client secret. */
public record StripeStart(String publishableKey, String clientSecret, String intentId) {
}
