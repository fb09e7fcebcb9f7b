package com.paylink.ledger.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;

/**
 * The head of a client's Ledger: the totals of the invoices that are not void (computed by the database, L1,
 * L4) and how many rows each list has. The rows themselves come a page at a time ({@link LedgerService}).
 */
public record LedgerSummary(long clientId, String clientName, String currency, Money charges, Money paid,
                            Money adjusted, Money balance, long invoiceCount, long unpaidCount, long paymentCount,
                            long refundCount, long adjustmentCount) implements Serializable {
}
