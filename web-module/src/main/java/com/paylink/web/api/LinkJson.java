package com.paylink.web.api;

import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.LinkState;

import java.time.Instant;
import java.util.List;

/**
 * A payment link in the API: its state and times, the address masked, never the token. {@code emailPending}:
 * the link is active and its email has not gone out yet (queued, or retried while the mail server is down).
 * {@code invoices}: the numbers of every invoice the link covers, oldest first (one, or several: PL12).
 */
public record LinkJson(long invoiceId, Long linkId, String status, boolean viewed, String recipient,
                       String recipientSource, String sentBy, Instant sentAt, Instant expiresAt,
                       Instant firstViewedAt, Instant lastViewedAt, Instant closedAt, boolean emailPending,
                       List<String> invoices, List<String> channels, String textTo, Instant textGoesAt) {

    static LinkJson of(LinkState s) {
        return new LinkJson(s.invoiceId(), s.linkId(), s.status().name(), s.isViewed(), s.maskedRecipient(),
                s.recipientSource() == null ? null : s.recipientSource().name(), s.sentBy(), s.sentAt(), s.expiresAt(), s.firstViewedAt(),
                s.lastViewedAt(), s.closedAt(), s.emailPending(), s.invoiceNumbers(), null, null, null);
    }

    static LinkJson none(long invoiceId) {
        return new LinkJson(invoiceId, null, "NONE", false, null, null, null, null, null, null, null, null, false,
                List.of(), null, null, null);
    }

    static LinkJson sent(LinkSent sent) {
        List<String> channels = new java.util.ArrayList<>();
        if (sent.emailed()) {
            channels.add("email");
        }
        if (sent.texted()) {
            channels.add("text");
        }
        return new LinkJson(sent.invoiceId(), sent.linkId(), "ACTIVE", false, sent.emailed() ? sent.maskedRecipient() : null,
                sent.recipientSource() == null ? null : sent.recipientSource().name(), null, sent.sentAt(), sent.expiresAt(),
                null, null, null, sent.emailed(), sent.invoiceNumbers(), channels, sent.maskedNumber(), sent.textGoesAt());
    }
}
