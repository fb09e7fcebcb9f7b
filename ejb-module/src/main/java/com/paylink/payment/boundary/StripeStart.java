package com.paylink.payment.boundary;

/**
 * What the Stripe Payment Element needs to start: the publishable key, the PaymentIntent's client secret, and
 * the amount the intent is for (in minor units; PAY16: the page's element must show the same amount).
 */
public record StripeStart(String publishableKey, String clientSecret, String intentId, long amountMinor) {
}
