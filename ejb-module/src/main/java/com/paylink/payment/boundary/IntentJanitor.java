package com.paylink.payment.boundary;

import com.paylink.payment.control.GatewayRefundCalls;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.Refunds;
import com.paylink.payment.control.StripeAttempts;
import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.payment.entity.Gateway;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * PAY9, PAY11: a PaymentIntent must not outlive its link, and a charge must not stay where it cannot be
 * posted. Every five minutes (and when asked) this cancels, at
 * Stripe, the open intents whose link was revoked, replaced, expired or paid, or whose invoice was paid
 * or voided another way. An intent that Stripe says succeeded meanwhile is settled instead (the money is
 * in: it is posted, or flagged for a refund if the invoice cannot take it). Stripe is called outside any
 * transaction.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class IntentJanitor {

    /** Intents handled per run; the next run goes on. */
    static final int MAX_PER_RUN = 200;
    private static final Logger LOG = Logger.getLogger(IntentJanitor.class.getName());

    @Inject
    Gateways gateways;

    @Inject
    GatewayRefundCalls calls;

    @Inject
    StripeAttempts attempts;

    @Inject
    Refunds refunds;

    @Schedule(minute = "*/5", hour = "*", persistent = false, info = "cancel intents of closed links, refund unpostable charges")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!com.paylink.platform.DatabaseMigrator.schemaReady()) {
            return; // still starting (or failed to): see DatabaseMigrator.schemaReady
        }
        int canceled = cancelStaleIntents();
        int refunded = refundUnpostableCharges();
        if (canceled + refunded > 0) {
            LOG.info(() -> canceled + " payment intents of closed links canceled, " + refunded + " charges refunded");
        }
    }

    /**
     * PAY11: every charge an invoice could not take (paid meanwhile another way) is refunded at its
     * gateway, once (the key is the attempt's), and the Admins and the payer hear of it.
     *
     * @return how many were refunded now
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int refundUnpostableCharges() {
        int done = 0;
        for (Refunds.Task task : refunds.waiting(MAX_PER_RUN)) {
            GatewayRefundCalls.Answer answer = calls.ask(new GatewayRefundCalls.Call(task.gateway(), task.account(),
                    task.intentReference(), task.amount(), task.idempotencyKey(), "refund of payment attempt " + task.attemptId()));
            if (answer.outcome() == GatewayRefundCalls.Outcome.DONE) {
                refunds.refunded(task.attemptId(), answer.refund().reference());
                done++;
            } // otherwise logged by the call; the next run asks again
        }
        return done;
    }

    /** @return how many intents were canceled now */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int cancelStaleIntents() {
        if (gateways.activeKind() != Gateway.STRIPE || !gateways.ready()) {
            return 0; // sandbox intents hold no money and no card; without keys Stripe cannot be asked
        }
        return cancel(attempts.staleIntents(MAX_PER_RUN));
    }

    /**
     * PAY10: a link just locked after too many declined cards: its open intent is canceled at once (after the lock
     * committed, outside any transaction), so no one can go on confirming it at Stripe until the next run.
     *
     * @return how many intents were canceled now
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int cancelIntentsOf(long linkId) {
        if (gateways.activeKind() != Gateway.STRIPE || !gateways.ready()) {
            return 0;
        }
        return cancel(attempts.staleIntents(linkId, MAX_PER_RUN));
    }

    private int cancel(java.util.List<StripeAttempts.Stale> stale) {
        int canceled = 0;
        for (StripeAttempts.Stale one : stale) {
            String reference = one.reference();
            CardGateway stripe = gateways.of(Gateway.STRIPE, one.account());
            try {
                GatewayIntent intent = stripe.cancel(reference);
                if (intent.status() == IntentStatus.CANCELED) {
                    attempts.canceled(reference);
                    canceled++;
                }
            } catch (GatewayUnavailable refused) {
                // Stripe refuses to cancel an intent that succeeded or is processing: read it and apply it
                try {
                    GatewayIntent now = stripe.retrieve(reference);
                    if (now.status() == IntentStatus.CANCELED) {
                        attempts.canceled(reference);
                    } else {
                        attempts.apply(now);
                    }
                } catch (GatewayUnavailable unreachable) {
                    LOG.warning(() -> "intent " + reference + " could not be canceled or read now; next run retries");
                }
            }
        }
        return canceled;
    }
}
