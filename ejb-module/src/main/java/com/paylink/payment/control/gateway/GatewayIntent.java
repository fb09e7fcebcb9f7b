package com.paylink.payment.control.gateway;

import com.paylink.shared.CardSummary;

/**
 * A payment intent at the gateway: its id, the secret the browser confirms it with, and its state; once it
 * succeeded, the card's brand and last four digits when the gateway reports them ({@code card} is null otherwise).
 */
public record GatewayIntent(String reference, String clientSecret, IntentStatus status, long amountMinor,
                            String currency, String failureCode, CardSummary card) {
}
