package com.paylink.payment.control.gateway;

/** A payment intent at the gateway: its id, the secret the browser confirms it with, and its state. */
public record GatewayIntent(String reference, String clientSecret, IntentStatus status, long amountMinor,
                            String currency, String failureCode) {
}
