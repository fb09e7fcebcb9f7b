package com.paylink.stripelocal;

import java.util.Map;

/**
 * What Stripe does with its documented US bank account (ACH direct debit) test numbers (docs.stripe.com, "ACH Direct
 * Debit", test account numbers, routing number 110000000): the debit is submitted (the intent is {@code processing})
 * and the bank later confirms it or returns it with Stripe's failure code. A number that is not a test account is
 * refused at confirmation, as Stripe's test mode refuses one.
 */
public final class TestBankAccounts {

    /** The test routing number. */
    public static final String ROUTING = "110000000";

    /** How the bank answers: {@code code} is null for a debit that succeeds. */
    public record Outcome(String last4, String code, String message) {

        public boolean succeeds() {
            return code == null;
        }
    }

    private static final Map<String, Outcome> ACCOUNTS = Map.of(
            "000123456789", new Outcome("6789", null, null),
            "000111111113", new Outcome("1113", "account_closed", "The customer's bank account has been closed."),
            "000111111116", new Outcome("1116", "no_account", "The customer's bank account could not be located."),
            "000222222227", new Outcome("2227", "insufficient_funds", "The customer's account has insufficient funds to cover this payment."),
            "000333333335", new Outcome("3335", "debit_not_authorized", "The customer has notified their bank that this payment was unauthorized."));

    private TestBankAccounts() {
    }

    /** The outcome of debiting {@code account} at {@code routing}; null when it is not a test account. */
    public static Outcome of(String routing, String account) {
        String r = routing == null ? "" : routing.replaceAll("[\\s-]", "");
        String a = account == null ? "" : account.replaceAll("[\\s-]", "");
        return ROUTING.equals(r) ? ACCOUNTS.get(a) : null;
    }
}
