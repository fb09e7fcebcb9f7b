package com.paylink.payment.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.payment.control.PayableAmount;
import com.paylink.payment.control.GatewayRefundCalls;
import com.paylink.payment.control.StaffRefunds;
import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * PAY12: staff with Billing refund a card payment taken through a link, in full or in part, with a
 * reason: the refund is written first (its id is the gateway's idempotency key), the gateway gives the
 * money back (Stripe's Refunds API, or the sandbox), and only then does the invoice's balance rise; the
 * payer gets a PHI-free email. The gateway is asked outside any transaction.
 */
@Stateless
@RolesAllowed(Permission.BILLING_ROLE)
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class.getName());

    @Inject
    StaffRefunds refunds;

    @Inject
    GatewayRefundCalls calls;


    /** What the Refund payment dialog shows; refuses a payment that cannot be refunded here. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RefundOptions options(long paymentId) {
        StaffRefunds.Refundable r = refunds.refundable(paymentId)
                .orElseThrow(() -> new RefundRefused(RefundRefused.Reason.NOT_REFUNDABLE));
        if (!r.refundable().isPositive()) {
            if (r.underWay().isPositive()) { // asked for already, the gateway's answer not yet recorded (PAY17)
                throw new RefundRefused(RefundRefused.Reason.UNDER_WAY, r.underWay().format(java.util.Locale.US));
            }
            throw new RefundRefused(RefundRefused.Reason.NOT_REFUNDABLE);
        }
        return new RefundOptions(r.paymentId(), r.invoiceNumber(), r.receiptNumber(), r.paid(), r.refundable());
    }

    /**
     * Refunds {@code amount} (a decimal, e.g. "25.00"; blank for all that is left) of the payment.
     *
     * @throws RefundRefused with the reason staff can act on; nothing is refunded then
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RefundDone refund(long paymentId, String amount, String reason) {
        RefundOptions options = options(paymentId);
        if (reason == null || reason.isBlank()) {
            throw new RefundRefused(RefundRefused.Reason.REASON_REQUIRED);
        }
        Money money = parse(amount, options.refundable());
        if (money.compareTo(options.refundable()) > 0) {
            throw new RefundRefused(RefundRefused.Reason.AMOUNT_TOO_HIGH, options.refundable().format(java.util.Locale.US));
        }
        StaffRefunds.Plan plan = refunds.plan(paymentId, money, reason);
        GatewayRefundCalls.Answer answer = calls.ask(plan.call());
        switch (answer.outcome()) {
            case NOT_CONFIGURED -> {
                refunds.failed(plan.refundId(), answer.detail());
                throw new RefundRefused(RefundRefused.Reason.CARDS_UNAVAILABLE);
            }
            case UNREACHABLE, REFUSED -> {
                refunds.failed(plan.refundId(), answer.detail());
                throw new RefundRefused(RefundRefused.Reason.GATEWAY_REFUSED);
            }
            case DONE -> {
                // recorded below
            }
        }
        GatewayRefund done = answer.refund();
        Money left = refunds.succeeded(plan.refundId(), done.reference());
        LOG.info(() -> "refund " + plan.refundId() + " of payment " + paymentId + " done");
        return new RefundDone(plan.refundId(), money, left);
    }

    private static Money parse(String amount, Money refundable) {
        if (amount == null || amount.isBlank()) {
            return refundable;
        }
        if (PayableAmount.tooLongToRead(amount)) {
            throw new RefundRefused(RefundRefused.Reason.INVALID_AMOUNT);
        }
        try {
            Money money = Money.of(amount.trim().replace("$", "").replace(",", ""), refundable.currency());
            if (!money.isPositive()) {
                throw new RefundRefused(RefundRefused.Reason.INVALID_AMOUNT);
            }
            return money;
        } catch (IllegalArgumentException | ArithmeticException e) { // not a number, too many decimals, or too large
            throw new RefundRefused(RefundRefused.Reason.INVALID_AMOUNT);
        }
    }
}
