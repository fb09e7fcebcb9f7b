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

    /**
     * A view in {@code state} of the link {@code linkId} (null: an unknown token) of {@code practiceName}, with how to
     * reach the practice; the builder names whatever else the state shows, so no caller passes positional nulls.
     */
    public static Builder of(State state, Long linkId, String practiceName, PracticeContact contact) {
        return new Builder(state, linkId, practiceName, contact);
    }

    /** Builds a {@link CheckoutView}: each setter names what it sets; anything not set is not shown. */
    public static final class Builder {
        private final State state;
        private final Long linkId;
        private final String practiceName;
        private final PracticeContact contact;
        private String invoiceNumber;
        private Money amountDue;
        private Instant expiresAt;
        private String receiptNumber;
        private Money amountPaid;
        private Instant paidAt;
        private Gateway gateway;
        private StripeBrowser stripe;
        private Money partialMinimum;
        private Money remainingBalance;
        private List<Line> lines = List.of();
        private boolean sandboxWallet;
        private boolean bankDebit;
        private BankDebit processing;

        private Builder(State state, Long linkId, String practiceName, PracticeContact contact) {
            this.state = state;
            this.linkId = linkId;
            this.practiceName = practiceName;
            this.contact = contact;
        }

        /** The invoice number (for a link for several invoices, all of them). */
        public Builder invoices(String numbers) {
            this.invoiceNumber = numbers;
            return this;
        }

        /** PAYABLE: what is due, until when, through which gateway, and each invoice's line (PL12). */
        public Builder payable(Money amountDue, Instant expiresAt, Gateway gateway, List<Line> lines) {
            this.amountDue = amountDue;
            this.expiresAt = expiresAt;
            this.gateway = gateway;
            this.lines = lines;
            return this;
        }

        /** Stripe mode: what the page's Stripe.js is initialised with. */
        public Builder stripe(StripeBrowser stripe) {
            this.stripe = stripe;
            return this;
        }

        /** PAY16: the smallest amount of the payer's own (null: the full balance only). */
        public Builder partialMinimum(Money minimum) {
            this.partialMinimum = minimum;
            return this;
        }

        /** P7, P8: the sandbox's wallet, and a US bank account, offered beside cards. */
        public Builder methods(boolean sandboxWallet, boolean bankDebit) {
            this.sandboxWallet = sandboxWallet;
            this.bankDebit = bankDebit;
            return this;
        }

        /** PAID: the receipt, the amount and when (null when paid another way). */
        public Builder paid(String receiptNumber, Money amountPaid, Instant paidAt) {
            this.receiptNumber = receiptNumber;
            this.amountPaid = amountPaid;
            this.paidAt = paidAt;
            return this;
        }

        /** PAY16: what the invoice still owes now, once paid. */
        public Builder remaining(Money remainingBalance) {
            this.remainingBalance = remainingBalance;
            return this;
        }

        /** PAY18: the bank debit on its way. */
        public Builder processing(BankDebit debit) {
            this.processing = debit;
            return this;
        }

        public CheckoutView build() {
            return new CheckoutView(state, linkId, practiceName, invoiceNumber, amountDue, expiresAt, receiptNumber,
                    amountPaid, paidAt, gateway, stripe, contact, partialMinimum, remainingBalance, lines, sandboxWallet,
                    bankDebit, processing);
        }
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
        return of(State.UNAVAILABLE, null, null, PracticeContact.NONE).build();
    }

    /** A link that can no longer be paid (expired, used, revoked): P4, how to reach its practice. */
    public static CheckoutView unavailable(long linkId, String practiceName, PracticeContact contact) {
        return of(State.UNAVAILABLE, linkId, practiceName, contact).build();
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
