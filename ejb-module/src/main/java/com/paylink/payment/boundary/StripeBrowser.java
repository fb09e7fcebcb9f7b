package com.paylink.payment.boundary;

/**
 * What Stripe.js on the payer's page is given, and nothing else: the platform's publishable key and the practice's
 * connected account. With direct charges the PaymentIntent lives on that account (ADR 0005), so Stripe.js must be
 * initialised with it ({@code Stripe(key, {stripeAccount})}) or Stripe answers every confirmation "No such
 * payment_intent". Neither value is secret: Stripe documents both as safe to publish.
 */
public record StripeBrowser(String publishableKey, String account) {
}
