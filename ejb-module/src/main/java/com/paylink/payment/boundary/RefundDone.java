package com.paylink.payment.boundary;

import com.paylink.shared.Money;

/** A refund the gateway made: how much, and what is left of the payment. */
public record RefundDone(long refundId, Money amount, Money stillRefundable) {
}
