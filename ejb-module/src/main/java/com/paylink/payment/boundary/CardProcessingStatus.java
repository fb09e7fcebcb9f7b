package com.paylink.payment.boundary;

import com.paylink.practice.entity.CardProcessing;

import java.time.Instant;

/** What the Card processing page shows an Admin: the practice's account, its state and the gateway's reasons. */
public record CardProcessingStatus(String practiceName, CardProcessing status, String detail, Instant checkedAt,
                                   boolean hasAccount, boolean sandbox) {

    public boolean isEnabled() {
        return status == CardProcessing.ENABLED;
    }
}
