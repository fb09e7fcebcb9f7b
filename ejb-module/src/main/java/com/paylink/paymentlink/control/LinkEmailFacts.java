package com.paylink.paymentlink.control;

import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What a link's emails (the link itself, PL6, and its expiry reminder, PL11) say of it, read from the link in one
 * place so the two cannot drift: the practice (Subject, signature) and its sending address, the display name fixed
 * when the link was sent (P6), the address it went to, every invoice it covers and their total due now (PL12), when
 * it was sent and when it expires, in the client's language (L11). Nothing clinical.
 */
public record LinkEmailFacts(String practiceName, String practiceAddress, String fromName, String to,
                             String invoiceNumbers, Instant sentAt, Money amountDue, Instant expiresAt, ZoneId zone,
                             Locale locale) {

    /**
     * The facts of {@code link} now. {@code askedForByPayer}: the link was sent at the client's request, which (for a
     * link sent before display names were fixed on it) goes out in the practice's name.
     */
    public static LinkEmailFacts of(PaymentLink link, boolean askedForByPayer, ZoneId zone) {
        String from = link.fromName().orElseGet(() -> askedForByPayer ? link.practice().name() : link.sentBy().fullName());
        return new LinkEmailFacts(link.practice().name(), link.practice().senderEmail(), from, link.recipientEmail(),
                String.join(", ", link.invoiceNumbers()), link.sentAt(), link.amountDue(), link.expiresAt(), zone,
                Languages.resolve(link.invoice().client().preferredLanguage()));
    }
}
