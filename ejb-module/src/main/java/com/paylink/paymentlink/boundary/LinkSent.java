package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.entity.RecipientSource;
import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * What the green confirmation says: to whom (masked) and until when; {@code invoiceId} is the first of the
 * link's invoices, {@code invoiceIds} and {@code invoiceNumbers} all of them, oldest first, {@code amount} their
 * total due (PL12); T2: the channels used (the email's masked address, the text's masked number and when it goes).
 */
public record LinkSent(long linkId, long invoiceId, String maskedRecipient, RecipientSource recipientSource,
                       Instant sentAt, Instant expiresAt, boolean replacedEarlierLink, List<Long> invoiceIds,
                       List<String> invoiceNumbers, Money amount, boolean emailed, String maskedNumber,
                       Instant textGoesAt) {

    /** T2: whether a text was asked for (it goes at {@link #textGoesAt}, now or when quiet hours end). */
    public boolean texted() {
        return maskedNumber != null;
    }
}
