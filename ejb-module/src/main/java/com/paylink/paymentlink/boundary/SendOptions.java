package com.paylink.paymentlink.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * What the Send 1-Time Payment Link dialog shows: the invoice (or, PL12, the several invoices, oldest first),
 * the balance due (their total), and where the link can go. {@code invoiceId} and {@code invoiceNumber} are the
 * first (oldest) invoice's.
 */
public record SendOptions(long invoiceId, String invoiceNumber, Money balance, List<RecipientOption> recipients,
                          String defaultRecipientKey, LinkState currentLink, Duration lifetime, List<Item> invoices,
                          TextOption text)
        implements Serializable {


    /** One invoice the link would cover, with its balance now. */
    public record Item(long invoiceId, String number, LocalDate issuedOn, Money balance) implements Serializable {
    }

    public SendOptions {
        invoices = List.copyOf(invoices);
        recipients = List.copyOf(recipients);
    }

    /** Whether the link can go by email (the client has an address in one of the three places). */
    public boolean isEmailAvailable() {
        return !recipients.isEmpty();
    }

    /** The ids of the invoices the link would cover, to send it. */
    public List<Long> invoiceIds() {
        return invoices.stream().map(Item::invoiceId).toList();
    }

    public boolean isSeveral() {
        return invoices.size() > 1;
    }
}
