package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.boundary.RecipientOption;
import com.paylink.shared.Money;

import java.time.Duration;
import java.util.List;

/** What the Send 1-Time Payment Link dialog shows: the invoice, its balance and where the link can go. */
public record SendOptions(long invoiceId, String invoiceNumber, Money balance, List<RecipientOption> recipients,
                          String defaultRecipientKey, LinkState currentLink, Duration lifetime) {
}
