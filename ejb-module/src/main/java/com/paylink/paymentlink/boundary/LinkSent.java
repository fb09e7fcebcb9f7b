package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.entity.RecipientSource;
import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * What the green confirmation says: to whom (masked) and until when; {@code invoiceId} is the first of the
 * link's invoices, {@code invoiceIds} and {@code invoiceNumbers} all of them, oldest first, {@code amount} their
 * total due (PL12).
 */
public record LinkSent(long linkId, long invoiceId, String maskedRecipient, RecipientSource recipientSource,
                       Instant sentAt, Instant expiresAt, boolean replacedEarlierLink, List<Long> invoiceIds,
                       List<String> invoiceNumbers, Money amount) {
}
