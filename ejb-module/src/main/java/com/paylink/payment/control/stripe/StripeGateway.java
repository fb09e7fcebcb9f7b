package com.paylink.payment.control.stripe;

import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayDispute;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewaySavedCard;
import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.shared.CardSummary;
import com.paylink.shared.Money;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentUpdateParams;
import com.stripe.param.RefundCreateParams;

import java.util.Locale;
import java.util.Map;

/**
 * The Stripe adapter for one practice's connected account: PaymentIntents and Refunds through stripe-java's
 * {@link StripeClient}, each request with that account's {@code Stripe-Account} header. {@code apiBase} points
 * it at another Stripe-compatible server (the tests' local one); production leaves it empty.
 */
public final class StripeGateway implements CardGateway {

    /** The refund's metadata entry that carries Paylink's idempotency key, to recognise its own refunds. */
    static final String PAYLINK_KEY = "paylink_key";
    /**
     * Reads of an intent that may have succeeded expand its charge, whose payment_method_details.card names the
     * brand and last four digits for the receipt (nothing more of the card is read).
     */
    private static final String LATEST_CHARGE = "latest_charge";

    private final StripeClient client;
    /** The practice's connected account every request goes to (direct charges, ADR 0005). */
    private final String account;

    public StripeGateway(String secretKey, String apiBase, String account) {
        this.account = account;
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

    /**
     * The idempotency key makes a retried create return the same PaymentIntent (Stripe keeps keys ~24 h). The payment
     * method types are named, not left to the account's dashboard: cards (Apple Pay and Google Pay are cards) and,
     * only where the practice turned it on (P8), US bank accounts; the page's Payment Element names the same.
     */
    @Override
    public GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata, boolean bankDebit) {
        PaymentIntentCreateParams.Builder builder = PaymentIntentCreateParams.builder()
                .setAmount(amount.amountMinor())
                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                .addPaymentMethodType("card")
                .putAllMetadata(metadata);
        if (bankDebit) {
            builder.addPaymentMethodType(CardSummary.BANK_ACCOUNT);
        }
        PaymentIntentCreateParams params = builder.build();
        try {
            return map(client.v1().paymentIntents().create(params,
                    options().setIdempotencyKey(idempotencyKey).build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refused to create a PaymentIntent: " + e.getCode(), e);
        }
    }

    /** Issue 25: the client's customer on the practice's account; the idempotency key returns the same one. */
    @Override
    public String createCustomer(String idempotencyKey, Map<String, String> metadata) {
        try {
            return client.v1().customers().create(com.stripe.param.CustomerCreateParams.builder().putAllMetadata(metadata).build(),
                    options().setIdempotencyKey(idempotencyKey).build()).getId();
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refused to create a Customer: " + e.getCode(), e);
        }
    }

    /**
     * Issue 25: {@code customer} and {@code setup_future_usage=off_session} on the unpaid intent (Stripe attaches the
     * card to the customer when the payment succeeds); null clears {@code setup_future_usage} (the customer may stay:
     * it saves nothing by itself). The page's Payment Element names the same value, as Stripe.js requires.
     */
    @Override
    public GatewayIntent saveCardFor(String reference, String customer) {
        PaymentIntentUpdateParams.Builder params = PaymentIntentUpdateParams.builder();
        if (customer == null) {
            params.setSetupFutureUsage(com.stripe.param.common.EmptyParam.EMPTY);
        } else {
            params.setCustomer(customer).setSetupFutureUsage(PaymentIntentUpdateParams.SetupFutureUsage.OFF_SESSION);
        }
        try {
            return map(client.v1().paymentIntents().update(reference, params.build(), options().build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not change what PaymentIntent " + reference + " saves: " + e.getCode(), e);
        }
    }

    /**
     * Issue 25: an off-session PaymentIntent confirmed at once with the saved card (Stripe's "charge a saved payment
     * method later"). Stripe answers a card that is declined, or that needs its holder (authentication_required), with
     * a card error carrying the failed intent: that intent is returned, its failure code set.
     */
    @Override
    public GatewayIntent chargeSaved(Money amount, String customer, String paymentMethod, String idempotencyKey,
                                     Map<String, String> metadata) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(amount.amountMinor())
                .setCurrency(amount.currency().toLowerCase(Locale.ROOT))
                .addPaymentMethodType("card")
                .setCustomer(customer)
                .setPaymentMethod(paymentMethod)
                .setOffSession(true)
                .setConfirm(true)
                .putAllMetadata(metadata)
                .addExpand(LATEST_CHARGE)
                .build();
        try {
            return map(client.v1().paymentIntents().create(params, options().setIdempotencyKey(idempotencyKey).build()));
        } catch (com.stripe.exception.CardException e) {
            PaymentIntent failed = e.getStripeError() == null ? null : e.getStripeError().getPaymentIntent();
            if (failed == null) {
                throw new GatewayUnavailable("Stripe declined an off-session charge without naming its intent: " + e.getCode(), e);
            }
            GatewayIntent intent = map(failed);
            String code = firstNonNull(e.getDeclineCode(), e.getCode());
            return intent.failureCode() != null ? intent : new GatewayIntent(intent.reference(), intent.clientSecret(),
                    intent.status(), intent.amountMinor(), intent.currency(), code, intent.card(), intent.paymentMethod(), null);
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refused an off-session charge: " + e.getCode(), e);
        }
    }

    @Override
    public GatewaySavedCard savedCard(String paymentMethod) {
        try {
            com.stripe.model.PaymentMethod method = client.v1().paymentMethods().retrieve(paymentMethod,
                    com.stripe.param.PaymentMethodRetrieveParams.builder().build(), options().build());
            com.stripe.model.PaymentMethod.Card card = method.getCard();
            return new GatewaySavedCard(method.getId(), method.getCustomer(), card == null ? null : card.getBrand(),
                    card == null ? null : card.getLast4(), card == null || card.getExpMonth() == null ? 0 : card.getExpMonth().intValue(),
                    card == null || card.getExpYear() == null ? 0 : card.getExpYear().intValue(),
                    card == null || card.getFunding() == null ? "unknown" : card.getFunding());
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not return PaymentMethod " + paymentMethod + ": " + e.getCode(), e);
        }
    }

    /** Stripe refuses to detach a card that is not attached: that is the outcome asked for, so it is no error here. */
    @Override
    public void detach(String paymentMethod) {
        try {
            client.v1().paymentMethods().detach(paymentMethod, com.stripe.param.PaymentMethodDetachParams.builder().build(),
                    options().build());
        } catch (com.stripe.exception.InvalidRequestException e) {
            if (!"payment_method_unexpected_state".equals(e.getCode())) {
                throw new GatewayUnavailable("Stripe could not detach PaymentMethod " + paymentMethod + ": " + e.getCode(), e);
            }
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not detach PaymentMethod " + paymentMethod + ": " + e.getCode(), e);
        }
    }

    @Override
    public GatewayIntent retrieve(String reference) {
        try {
            return map(client.v1().paymentIntents().retrieve(reference,
                    com.stripe.param.PaymentIntentRetrieveParams.builder().addExpand(LATEST_CHARGE).build(), options().build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not return PaymentIntent " + reference + ": " + e.getCode(), e);
        }
    }

    @Override
    public GatewayIntent updateAmount(String reference, Money amount) {
        try {
            return map(client.v1().paymentIntents().update(reference,
                    PaymentIntentUpdateParams.builder().setAmount(amount.amountMinor()).build(), options().build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not re-price PaymentIntent " + reference + ": " + e.getCode(), e);
        }
    }

    @Override
    public GatewayIntent confirm(String reference, String paymentMethod) {
        try {
            return map(client.v1().paymentIntents().confirm(reference,
                    PaymentIntentConfirmParams.builder().setPaymentMethod(paymentMethod).addExpand(LATEST_CHARGE).build(),
                    options().build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not confirm PaymentIntent " + reference + ": " + e.getCode(), e);
        }
    }

    @Override
    public GatewayIntent cancel(String reference) {
        try {
            return map(client.v1().paymentIntents().cancel(reference,
                    com.stripe.param.PaymentIntentCancelParams.builder().build(), options().build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not cancel PaymentIntent " + reference + ": " + e.getCode(), e);
        }
    }

    /** The idempotency key (ours, e.g. {@code refund-<id>}) makes a retried refund return the same one. */
    @Override
    public GatewayRefund refund(String reference, Money amount, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(reference)
                .setAmount(amount.amountMinor())
                .putMetadata(PAYLINK_KEY, idempotencyKey)
                .build();
        try {
            Refund refund = client.v1().refunds().create(params,
                    options().setIdempotencyKey(idempotencyKey).build());
            return map(refund);
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe refused a refund of PaymentIntent " + reference + ": " + e.getCode(), e);
        }
    }

    @Override
    public GatewayRefund retrieveRefund(String refundReference) {
        try {
            return map(client.v1().refunds().retrieve(refundReference,
                    com.stripe.param.RefundRetrieveParams.builder().build(), options().build()));
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not return refund " + refundReference + ": " + e.getCode(), e);
        }
    }

    @Override
    public java.util.List<GatewayRefund> refundsOf(String intentReference) {
        try {
            java.util.List<GatewayRefund> all = new java.util.ArrayList<>();
            for (Refund refund : client.v1().refunds().list(com.stripe.param.RefundListParams.builder()
                    .setPaymentIntent(intentReference).setLimit(100L).build(), options().build()).autoPagingIterable()) {
                all.add(map(refund));
            }
            return all;
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not list the refunds of " + intentReference + ": " + e.getCode(), e);
        }
    }

    @Override
    public GatewayDispute retrieveDispute(String disputeReference) {
        try {
            com.stripe.model.Dispute dispute = client.v1().disputes().retrieve(disputeReference,
                    com.stripe.param.DisputeRetrieveParams.builder().build(), options().build());
            GatewayDispute.Status status = switch (dispute.getStatus() == null ? "" : dispute.getStatus()) {
                case "won", "warning_closed" -> GatewayDispute.Status.WON;
                case "lost" -> GatewayDispute.Status.LOST;
                default -> GatewayDispute.Status.OPEN; // warning_needs_response, needs_response, under_review...
            };
            return new GatewayDispute(dispute.getId(), dispute.getPaymentIntent(),
                    dispute.getAmount() == null ? 0 : dispute.getAmount(),
                    dispute.getCurrency() == null ? null : dispute.getCurrency().toUpperCase(Locale.ROOT),
                    status, dispute.getReason());
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not return dispute " + disputeReference + ": " + e.getCode(), e);
        }
    }

    @Override
    public java.util.List<String> eventsSince(java.time.Instant since, java.util.List<String> types) {
        com.stripe.param.EventListParams params = com.stripe.param.EventListParams.builder()
                .setCreated(com.stripe.param.EventListParams.Created.builder().setGte(since.getEpochSecond()).build())
                .addAllType(types)
                .setLimit(100L)
                .build();
        try {
            java.util.List<String> events = new java.util.ArrayList<>();
            for (com.stripe.model.Event event : client.v1().events().list(params, options().build()).autoPagingIterable()) {
                events.add(event.toJson());
            }
            java.util.Collections.reverse(events); // Stripe lists newest first; apply oldest first
            return events;
        } catch (StripeException e) {
            throw new GatewayUnavailable("Stripe could not list events: " + e.getCode(), e);
        }
    }

    private static GatewayRefund map(Refund refund) {
        return new GatewayRefund(refund.getId(), refund.getPaymentIntent(), refund.getAmount() == null ? 0 : refund.getAmount(),
                refund.getCurrency() == null ? null : refund.getCurrency().toUpperCase(Locale.ROOT),
                refundStatus(refund.getStatus()), refund.getMetadata() == null ? null : refund.getMetadata().get(PAYLINK_KEY));
    }

    static GatewayRefund.Status refundStatus(String stripeStatus) {
        if (stripeStatus == null) {
            return GatewayRefund.Status.PENDING;
        }
        return switch (stripeStatus) {
            case "succeeded" -> GatewayRefund.Status.SUCCEEDED;
            case "failed" -> GatewayRefund.Status.FAILED;
            case "canceled" -> GatewayRefund.Status.CANCELED;
            default -> GatewayRefund.Status.PENDING; // pending, requires_action
        };
    }

    private static GatewayIntent map(PaymentIntent intent) {
        String failure = intent.getLastPaymentError() == null ? null
                : firstNonNull(intent.getLastPaymentError().getDeclineCode(), intent.getLastPaymentError().getCode());
        return new GatewayIntent(intent.getId(), intent.getClientSecret(), status(intent.getStatus()),
                intent.getAmount() == null ? 0 : intent.getAmount(),
                intent.getCurrency() == null ? null : intent.getCurrency().toUpperCase(Locale.ROOT), failure, card(intent),
                intent.getPaymentMethod(), saved(intent));
    }

    /**
     * Issue 25: the card a succeeded intent saved on its customer ({@code setup_future_usage} set): its PaymentMethod
     * and what the charge's card details say of it (expanded charge only); null otherwise.
     */
    private static GatewaySavedCard saved(PaymentIntent intent) {
        com.stripe.model.Charge charge = intent.getLatestChargeObject();
        if (intent.getSetupFutureUsage() == null || intent.getCustomer() == null || intent.getPaymentMethod() == null
                || !"succeeded".equals(intent.getStatus()) || charge == null || charge.getPaymentMethodDetails() == null
                || charge.getPaymentMethodDetails().getCard() == null) {
            return null;
        }
        com.stripe.model.Charge.PaymentMethodDetails.Card card = charge.getPaymentMethodDetails().getCard();
        return new GatewaySavedCard(intent.getPaymentMethod(), intent.getCustomer(), card.getBrand(), card.getLast4(),
                card.getExpMonth() == null ? 0 : card.getExpMonth().intValue(), card.getExpYear() == null ? 0 : card.getExpYear().intValue(),
                card.getFunding() == null ? "unknown" : card.getFunding());
    }

    /**
     * What paid the intent's charge, when its charge was expanded: the card, or (PAY18) the US bank account, whose
     * charge exists (pending) while the debit is processing; null otherwise.
     */
    private static CardSummary card(PaymentIntent intent) {
        com.stripe.model.Charge charge = intent.getLatestChargeObject();
        if (charge == null || charge.getPaymentMethodDetails() == null) {
            return null;
        }
        com.stripe.model.Charge.PaymentMethodDetails.UsBankAccount bank = charge.getPaymentMethodDetails().getUsBankAccount();
        if (bank != null) {
            return CardSummary.of(CardSummary.BANK_ACCOUNT, bank.getLast4()).orElse(null);
        }
        if (charge.getPaymentMethodDetails().getCard() == null) {
            return null;
        }
        com.stripe.model.Charge.PaymentMethodDetails.Card card = charge.getPaymentMethodDetails().getCard();
        return CardSummary.of(card.getBrand(), card.getLast4()).orElse(null);
    }

    private RequestOptions.RequestOptionsBuilder options() {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder();
        if (account != null) {
            options.setStripeAccount(account);
        }
        return options;
    }

    static IntentStatus status(String stripeStatus) {
        if (stripeStatus == null) {
            return IntentStatus.REQUIRES_PAYMENT;
        }
        return switch (stripeStatus) {
            case "succeeded" -> IntentStatus.SUCCEEDED;
            case "processing", "requires_capture" -> IntentStatus.PROCESSING;
            case "requires_action" -> IntentStatus.REQUIRES_ACTION;
            case "canceled" -> IntentStatus.CANCELED;
            default -> IntentStatus.REQUIRES_PAYMENT; // requires_payment_method, requires_confirmation
        };
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
