package com.paylink.payment.control.stripe;

import com.paylink.payment.control.CardGateway;
import com.paylink.payment.control.GatewayIntent;
import com.paylink.payment.control.GatewayUnavailable;
import com.paylink.payment.control.IntentStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.shared.Money;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;

import java.util.Locale;
import java.util.Map;

/**
 * The Stripe adapter: PaymentIntents through stripe-java's {@link StripeClient}. {@code apiBase} points
 * it at another Stripe-compatible server (the tests' local one); production leaves it empty.
 */
public final class StripeGateway implements CardGateway {

    private final StripeClient client;

    public StripeGateway(String secretKey, String apiBase) {
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(secretKey)
                .setMaxNetworkRetries(2)
                .setConnectTimeout(10_000)
                .setReadTimeout(30_000);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase);
        }
        this.client = builder.build();
    }

    @Override
    public Gateway kind() {
        return Gateway.STRIPE;
    }

    /** The idempotency key makes a retried create return the same PaymentIntent (Stripe keeps keys ~24 h). */
    @Override
    public GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount.amountMinor())
                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .putAllMetadata(metadata)
                .build();
        try {
            return map(client.v1().paymentIntents().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refused to create a PaymentIntent: " + e.getCode(), e);
        }
    }

    @Override
    public GatewayIntent retrieve(String reference) {
        try {
            return map(client.v1().paymentIntents().retrieve(reference));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not return PaymentIntent " + reference + ": " + e.getCode(), e);
        }
    }

    private static GatewayIntent map(PaymentIntent intent) {
        String failure = intent.getLastPaymentError() == null ? null
                : firstNonNull(intent.getLastPaymentError().getDeclineCode(), intent.getLastPaymentError().getCode());
        return new GatewayIntent(intent.getId(), intent.getClientSecret(), status(intent.getStatus()),
                intent.getAmount() == null ? 0 : intent.getAmount(),
                intent.getCurrency() == null ? null : intent.getCurrency().toUpperCase(Locale.ROOT), failure);
    }

    static IntentStatus status(String stripeStatus) {
        if (stripeStatus == null) {
            return IntentStatus.REQUIRES_PAYMENT;
        }
        return switch (stripeStatus) {
            case "succeeded" -> IntentStatus.SUCCEEDED;
            case "processing", "requires_action", "requires_capture" -> IntentStatus.PROCESSING;
            case "canceled" -> IntentStatus.CANCELED;
            default -> IntentStatus.REQUIRES_PAYMENT; // requires_payment_method, requires_confirmation
        };
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
