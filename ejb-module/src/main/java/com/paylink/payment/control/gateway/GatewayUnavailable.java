package com.paylink.payment.control.gateway;

/** The card gateway could not be reached or refused the request; nothing was charged by this call. */
public class GatewayUnavailable extends RuntimeException {

    public GatewayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
