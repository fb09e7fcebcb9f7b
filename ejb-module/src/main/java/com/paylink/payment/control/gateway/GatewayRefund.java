package com.paylink.payment.control.gateway;

/**
 * A refund at the gateway: its id, the intent it refunds, how much, its state there, and the idempotency key
 * Paylink made it with ({@code refund-<our refund id>}, {@code refund-attempt-<attempt id>}); null for a
 * refund made elsewhere (the gateway's dashboard).
 */
public record GatewayRefund(String reference, String intentReference, long amountMinor, String currency,
                            Status status, String paylinkKey) {

    public enum Status {
        PENDING,
        SUCCEEDED,
        FAILED,
        CANCELED
    }
}
