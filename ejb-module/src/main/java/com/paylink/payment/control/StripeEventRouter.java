package com.paylink.payment.control;

import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.stripe.StripeWebhooks;
import com.paylink.payment.entity.Gateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * Applies one authentic Stripe event (PAY6, PAY13), from the webhook (signature checked) or from
 * reconciliation (read from Stripe with the platform's key): the object it names is re-read from Stripe, on
 * the practice's account found through our own attempt, outside any transaction; its effect and its id are
 * then recorded in one transaction, so each event applies once whichever way it came, and in any order.
 */
@ApplicationScoped
public class StripeEventRouter {

    @Inject
    Gateways gateways;

    @Inject
    StripeAttempts attempts;

    @Inject
    PracticeOnboarding onboarding;

    @Inject
    StripeMoneyEvents money;

    @Inject
    WalletDomains wallets;

    /** @return false when the event had been applied before */
    public boolean apply(StripeWebhooks.VerifiedEvent event) {
        if (attempts.isProcessed(event.id())) {
            return false;
        }
        if ("account.updated".equals(event.type()) && event.accountId().isPresent()) {
            // P2: a practice's account changed at Stripe: re-read it, never trust the event's copy
            AccountGateway.AccountState state = gateways.accounts().account(event.accountId().get());
            boolean applied = onboarding.checkedOnEvent(event.id(), event.type(), state);
            if (applied) {
                wallets.registerIfEnabled(state); // P7: its payers may pay by wallet once it takes charges
            }
            return applied;
        }
        // the practice account of the payment the event is about, found through our own attempt
        Optional<String> account = event.intentId().flatMap(attempts::accountOf);
        if (account.isPresent()) {
            CardGateway stripe = gateways.of(Gateway.STRIPE, account.get());
            String intentId = event.intentId().get();
            if ("refund".equals(event.objectType()) && event.objectId() != null) {
                // refund.created/updated/failed, charge.refund.updated: this refund, as Stripe has it now
                return money.refunds(event.id(), event.type(), List.of(stripe.retrieveRefund(event.objectId())));
            }
            if ("charge".equals(event.objectType()) && event.type().equals("charge.refunded")) {
                // the charge's amount_refunded is cumulative: apply each refund by its id instead
                return money.refunds(event.id(), event.type(), stripe.refundsOf(intentId));
            }
            if ("dispute".equals(event.objectType()) && event.objectId() != null) {
                return money.dispute(event.id(), event.type(), stripe.retrieveDispute(event.objectId()));
            }
            if ("payment_intent".equals(event.objectType())) {
                return attempts.applyEvent(event.id(), event.type(), stripe.retrieve(intentId));
            }
        }
        return attempts.applyEvent(event.id(), event.type(), null); // not about a payment of ours: recorded, ignored
    }
}
