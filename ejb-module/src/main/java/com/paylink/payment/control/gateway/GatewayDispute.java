package com.paylink.payment.control.gateway;

/** A dispute (chargeback) of a payment at the gateway, as it stands now. */
public record GatewayDispute(String reference, String intentReference, long amountMinor, String currency,
                             Status status, String reason) {

    public enum Status {
        /** Opened, or under review: the money is held. */
        OPEN,
        /** Closed in the practice's favour. */
        WON,
        /** Closed in the payer's favour: the money is gone. */
        LOST
    }
}
