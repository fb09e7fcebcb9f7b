package com.paylink.ledger.control;

import com.paylink.ledger.entity.Invoice;
import com.paylink.shared.Money;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * L14: how one payment is spread over invoices: oldest first ({@link Invoice#OLDEST_FIRST}), each taking up to
 * its balance, until the amount is used up. A function of the amount and the invoices only, so a part payment
 * of one invoice is its one-invoice case. Invoices that take nothing get no part.
 */
public final class Allocation {

    /** What one invoice takes of the payment. */
    public record Part(Invoice invoice, Money amount) {
    }

    private Allocation() {
    }

    /**
     * @throws IllegalArgumentException when the amount is not positive, is in another currency, or is more than
     *                                  the invoices' balances together (L2)
     */
    public static List<Part> oldestFirst(Money amount, Collection<Invoice> invoices) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment must be positive");
        }
        List<Part> parts = new ArrayList<>();
        Money left = amount;
        for (Invoice invoice : invoices.stream().sorted(Invoice.OLDEST_FIRST).toList()) {
            if (!left.isPositive()) {
                break;
            }
            if (!invoice.currency().equals(amount.currency())) {
                throw new IllegalArgumentException("invoice " + invoice.number() + " is in " + invoice.currency());
            }
            Money balance = invoice.balance();
            if (!invoice.isPayable() || !balance.isPositive()) {
                continue;
            }
            Money part = balance.compareTo(left) < 0 ? balance : left;
            parts.add(new Part(invoice, part));
            left = left.minus(part);
        }
        if (left.isPositive()) {
            throw new IllegalArgumentException("the payment exceeds what the invoices owe");
        }
        return List.copyOf(parts);
    }
}
