package com.paylink.payment.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;

/** What the Refund payment dialog shows: the payment, its receipt, what is left to refund. */
public record RefundOptions(long paymentId, String invoiceNumber, String receiptNumber, Money paid, Money refundable)
        implements Serializable {
}
