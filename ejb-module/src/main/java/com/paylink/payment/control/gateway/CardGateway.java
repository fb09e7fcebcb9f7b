package com.paylink.payment.control.gateway;

import com.paylink.shared.Money;

import java.util.Map;

/**
 * The card gateway port, shaped on a payment intent's life: create, re-price, confirm, retrieve, cancel,
 * refund.
 * Adapters: the offline sandbox (in-process) and Stripe ({@code control.stripe}, the only code that
 * knows Stripe's types). Every call that changes money takes an idempotency key derived from our own ids.
 */
public interface CardGateway {

    /** Creates (or, for the same key, returns again) an intent to collect {@code amount} by card (and wallets). */
    default GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata) {
        return createIntent(amount, idempotencyKey, metadata, false);
    }

    /**
     * Creates (or, for the same key, returns again) an intent to collect {@code amount}, by card and, with
     * {@code bankDebit} (P8), by US bank account too.
     */
    GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata, boolean bankDebit);

    /**
     * Issue 25: a customer on the practice's account for one client, whom cards are saved on; the same key returns the
     * same customer.
     */
    String createCustomer(String idempotencyKey, Map<String, String> metadata);

    /**
     * Issue 25: an unpaid intent saves the card it is paid with on {@code customer}, for charges without the payer
     * ({@code setup_future_usage=off_session}); null: it saves nothing (the payer untick the box).
     */
    GatewayIntent saveCardFor(String reference, String customer);

    /**
     * Issue 25: charges a saved card now, without the payer (off-session), once per key. Returns the intent, succeeded
     * or not: a card that needs its holder answers {@code authentication_required} as its failure code, a declined one
     * its decline code; the caller records either.
     */
    GatewayIntent chargeSaved(Money amount, String customer, String paymentMethod, String idempotencyKey,
                              Map<String, String> metadata);

    /** Issue 25: a saved card as the gateway sees it now. */
    GatewaySavedCard savedCard(String paymentMethod);

    /** Issue 25: the card can never be charged again (detached from its customer); one already detached is no error. */
    void detach(String paymentMethod);

    /** Changes an unpaid intent's amount (the balance changed since it was created). */
    GatewayIntent updateAmount(String reference, Money amount);

    /**
     * Confirms the intent with a payment method (a Stripe PaymentMethod id; the sandbox takes Stripe's
     * test ones, e.g. {@code pm_card_visa}). Returns the intent after the attempt, succeeded or not.
     */
    GatewayIntent confirm(String reference, String paymentMethod);

    /** The intent as the gateway sees it now. */
    GatewayIntent retrieve(String reference);

    /** Cancels an intent that has not succeeded; the intent as it is afterwards. */
    GatewayIntent cancel(String reference);

    /** Refunds {@code amount} of a succeeded intent; the same key returns the same refund (and the refund carries it). */
    GatewayRefund refund(String reference, Money amount, String idempotencyKey);

    /** A refund as the gateway sees it now. */
    GatewayRefund retrieveRefund(String refundReference);

    /** Every refund of an intent, wherever it was made. */
    java.util.List<GatewayRefund> refundsOf(String intentReference);

    /** A dispute as the gateway sees it now. */
    GatewayDispute retrieveDispute(String disputeReference);

    /**
     * The gateway's events of the account since {@code since}, of the given types, oldest first, as the
     * gateway's own JSON (reconciliation reads them like webhooks). Empty for a gateway without events.
     */
    java.util.List<String> eventsSince(java.time.Instant since, java.util.List<String> types);
}
