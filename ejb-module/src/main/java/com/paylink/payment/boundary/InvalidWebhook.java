package com.paylink.payment.boundary;

import jakarta.ejb.ApplicationException;

/** A webhook with a missing, forged or stale signature, or a body that is not an event: nothing was done. */
@ApplicationException(rollback = true)
public class InvalidWebhook extends RuntimeException {

    public InvalidWebhook() {
        super("webhook rejected");
    }
}
