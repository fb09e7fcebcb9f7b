package com.paylink.payment.control.gateway;

/** A refund at the gateway: its id, the intent it refunds, how much, and its state there. */
public record GatewayRefund(String reference, String intentReference, long amountMinor, String currency,
                            Status status) {

    public enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        CANCELED
    }
}
