package com.paylink.payment.boundary;

import com.paylink.payment.entity.Gateway;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * What the public payment page may show: the practice, the invoice number (for a link for several invoices,
 * PL12: each number with its amount, in {@code lines}, and {@code invoiceNumber} lists them all), the live
 * amount due (their total) and the link's expiry, and (P4) how to reach the practice when it cannot be paid.
 * Nothing clinical, no client name. {@code linkId} is null for an unknown token. PAY16: {@code partialMinimum}
 * is the smallest amount of their own the payer may choose (null: the full balance only); {@code
 * remainingBalance}, once paid, is what the invoice still owes now (zero: paid in full). {@code stripe} is set only
 * for a payable link in Stripe mode: what the page's Stripe.js is initialised with. {@code sandboxWallet}: the sandbox
 * offers its simulated wallet, as Stripe's Payment Element does on a domain registered for the practice (P7).
 * {@code bankDebit}: the payer may also pay by US bank account (P8); {@code processing}: the bank debit on its way
 * (state {@link State#BANK_PROCESSING}, PAY18).
 */
public record CheckoutView(State state, Long linkId, String practiceName, String invoiceNumber, Money amountDue,
                           Instant expiresAt, String receiptNumber, Money amountPaid, Instant paidAt,
                           Gateway gateway, StripeBrowser stripe, PracticeContact contact,
                           Money partialMinimum, Money remainingBalance, List<Line> lines, boolean sandboxWallet,
                           boolean bankDebit, BankDebit processing) {

    /** One invoice of the link and what it asks for now. */
    public record Line(String invoiceNumber, Money amount) {
    }

    /** PAY18: a bank debit on its way: how much, since when, and the day the bank should have answered. */
    public record BankDebit(Money amount, Instant startedAt, java.time.LocalDate expectedBy) {
    }

    public CheckoutView {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Before P8 and PAY18: no bank debit offered or on its way. */
    public CheckoutView(State state, Long linkId, String practiceName, String invoiceNumber, Money amountDue,
                        Instant expiresAt, String receiptNumber, Money amountPaid, Instant paidAt,
                        Gateway gateway, StripeBrowser stripe, PracticeContact contact,
                        Money partialMinimum, Money remainingBalance, List<Line> lines, boolean sandboxWallet) {
        this(state, linkId, practiceName, invoiceNumber, amountDue, expiresAt, receiptNumber, amountPaid, paidAt, gateway,
                stripe, contact, partialMinimum, remainingBalance, lines, sandboxWallet, false, null);
    }

    /** PAY18: the link's bank debit is on its way; the page says so and when to expect it. */
    public static CheckoutView bankProcessing(long linkId, String practiceName, String invoiceNumbers, PracticeContact contact,
                                              BankDebit debit) {
        return new CheckoutView(State.BANK_PROCESSING, linkId, practiceName, invoiceNumbers, null, null, null, null, null,
                null, null, contact, null, null, List.of(), false, false, debit);
    }

    /** Without the partial-payment figures (a link for the full balance only, or a state that shows none). */
    public CheckoutView(State state, Long linkId, String practiceName, String invoiceNumber, Money amountDue,
                        Instant expiresAt, String receiptNumber, Money amountPaid, Instant paidAt,
                        Gateway gateway, StripeBrowser stripe, PracticeContact contact, List<Line> lines) {
        this(state, linkId, practiceName, invoiceNumber, amountDue, expiresAt, receiptNumber, amountPaid, paidAt, gateway,
                stripe, contact, null, null, lines, false);
    }

    /** A link for one invoice, with the partial-payment figures. */
    public CheckoutView(State state, Long linkId, String practiceName, String invoiceNumber, Money amountDue,
                        Instant expiresAt, String receiptNumber, Money amountPaid, Instant paidAt,
                        Gateway gateway, StripeBrowser stripe, PracticeContact contact,
                        Money partialMinimum, Money remainingBalance) {
        this(state, linkId, practiceName, invoiceNumber, amountDue, expiresAt, receiptNumber, amountPaid, paidAt, gateway,
                stripe, contact, partialMinimum, remainingBalance, List.of(), false);
    }

    /** PL12: the link covers several invoices (the page lists them; it is paid in full). */
    public boolean isSeveral() {
        return lines.size() > 1;
    }

    public boolean isInvoicesChanged() {
        return state == State.INVOICES_CHANGED;
    }

    public enum State {
        /** The link works and there is something to pay. */
        PAYABLE,
        /** The invoice is paid (through this link or otherwise). */
        PAID,
        /** Expired, revoked or unknown: all look the same from outside. */
        UNAVAILABLE,
        /** The link works, but this server cannot take cards now (payments not configured). */
        CARDS_UNAVAILABLE,
        /** Locked after too many declined cards (PAY10): contact the practice. */
        LOCKED,
        /** PL12: one of the link's several invoices can no longer be paid (voided, or paid another way). */
        INVOICES_CHANGED,
        /** PAY18: a bank debit through the link is on its way; nothing more can be paid through it. */
        BANK_PROCESSING
    }

    /** An unknown token: no practice to name. */
    public static CheckoutView unknown() {
        return new CheckoutView(State.UNAVAILABLE, null, null, null, null, null, null, null, null, null, null,
                PracticeContact.NONE, List.of());
    }

    /** A link that can no longer be paid (expired, used, revoked): P4, how to reach its practice. */
    public static CheckoutView unavailable(long linkId, String practiceName, PracticeContact contact) {
        return new CheckoutView(State.UNAVAILABLE, linkId, practiceName, null, null, null, null, null, null, null, null,
                contact, List.of());
    }

    public boolean isPayable() {
        return state == State.PAYABLE;
    }

    public boolean isLocked() {
        return state == State.LOCKED;
    }

    public boolean isCardsUnavailable() {
        return state == State.CARDS_UNAVAILABLE;
    }

    public boolean isPaid() {
        return state == State.PAID;
    }

    /** PAY16: the payer may choose an amount of their own (the link allows it and the balance exceeds its minimum). */
    public boolean isPartialAllowed() {
        return state == State.PAYABLE && partialMinimum != null;
    }

    /** Paid, and the invoice still owes something: the link is used up, staff can send one for the rest. */
    public boolean isBalanceRemaining() {
        return state == State.PAID && remainingBalance != null && remainingBalance.isPositive();
    }

    /** P7: the sandbox offers its simulated wallet on this page. */
    public boolean isSandboxWallet() {
        return state == State.PAYABLE && sandboxWallet;
    }

    public boolean isBankProcessing() {
        return state == State.BANK_PROCESSING;
    }

    /** P8: the page offers a US bank account beside cards. */
    public boolean isBankDebitOffered() {
        return state == State.PAYABLE && bankDebit;
    }

    public boolean isSandbox() {
        return gateway == Gateway.SANDBOX;
    }
}
