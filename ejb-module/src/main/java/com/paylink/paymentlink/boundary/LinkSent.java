package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.entity.RecipientSource;

import java.time.Instant;

/** What the green confirmation says: to whom (masked) and until when. */
public record LinkSent(long linkId, long invoiceId, String maskedRecipient, RecipientSource recipientSource,
                       Instant sentAt, Instant expiresAt, boolean replacedEarlierLink) {
}
