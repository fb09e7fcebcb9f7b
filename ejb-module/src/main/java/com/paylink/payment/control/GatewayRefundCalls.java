package com.paylink.payment.control;

import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.entity.Gateway;
import com.paylink.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * The one way a refund is asked of a gateway, whoever asks (staff, PAY12; the recovery of a refund whose request
 * died, PAY17; the automatic refund of a charge no invoice could take, PAY11): under the caller's own idempotency key,
 * outside any transaction, with one answer for the caller to record, and every trouble logged where an operator reads
 * it. The callers differ only in what they record.
 */
@ApplicationScoped
public class GatewayRefundCalls {

    private static final Logger LOG = Logger.getLogger(GatewayRefundCalls.class.getName());

    @Inject
    Gateways gateways;

    /** What to refund: of which intent, on which gateway and account, how much, under which key; {@code what} names it in logs. */
    public record Call(Gateway gateway, String account, String intentReference, Money amount, String idempotencyKey,
                       String what) {
    }

    /** What the gateway answered. */
    public enum Outcome {
        /** Refunded (or accepted and pending at the gateway): {@code refund} says which. */
        DONE,
        /** The gateway refused it: nothing was given back. */
        REFUSED,
        /** The gateway could not be reached or failed: ask again later under the same key. */
        UNREACHABLE,
        /** Stripe cannot be asked: its keys are not configured. */
        NOT_CONFIGURED
    }

    public record Answer(Outcome outcome, GatewayRefund refund, String detail) {
    }

    public Answer ask(Call call) {
        if (call.gateway() == Gateway.STRIPE && !gateways.ready()) {
            LOG.warning(() -> call.what() + ": card processing is not configured; not asked");
            return new Answer(Outcome.NOT_CONFIGURED, null, "card processing is not configured");
        }
        GatewayRefund refund;
        try {
            refund = gateways.of(call.gateway(), call.account()).refund(call.intentReference(), call.amount(),
                    call.idempotencyKey());
        } catch (GatewayUnavailable e) {
            LOG.warning(() -> call.what() + ": the gateway refused or could not be reached (" + e.getMessage()
                    + "); asked again later under the same key");
            return new Answer(Outcome.UNREACHABLE, null, "the gateway refused or could not be reached");
        }
        if (refund.status() == GatewayRefund.Status.FAILED || refund.status() == GatewayRefund.Status.CANCELED) {
            LOG.warning(() -> call.what() + ": the gateway answered " + refund.status());
            return new Answer(Outcome.REFUSED, refund, "the gateway answered " + refund.status());
        }
        return new Answer(Outcome.DONE, refund, null);
    }
}
