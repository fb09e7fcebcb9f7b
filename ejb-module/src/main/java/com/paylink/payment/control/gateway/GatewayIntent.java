package com.paylink.payment.control.gateway;

import com.paylink.shared.CardSummary;

/**
 * A payment intent at the gateway: its id, the secret the browser confirms it with, and its state; once it
 * succeeded (or, for a bank debit, once it is processing), what paid: the card's brand and last four digits, or
 * {@link CardSummary#BANK_ACCOUNT} and the account's last four, when the gateway reports them ({@code card} is null
 * otherwise). Issue 25: {@code paymentMethod}, the gateway's id of the card that was used (null when not reported),
 * and {@code saved}, the card as it was saved on the intent's customer, where the intent saved it.
 */
public record GatewayIntent(String reference, String clientSecret, IntentStatus status, long amountMinor,
                            String currency, String failureCode, CardSummary card, String paymentMethod,
                            GatewaySavedCard saved) {

    public GatewayIntent(String reference, String clientSecret, IntentStatus status, long amountMinor, String currency,
                         String failureCode, CardSummary card) {
        this(reference, clientSecret, status, amountMinor, currency, failureCode, card, null, null);
    }

    /** PAY18: paid (or being paid) by a US bank account debit, which the bank settles days later. */
    public boolean bankDebit() {
        return card != null && card.isBankAccount();
    }
}
