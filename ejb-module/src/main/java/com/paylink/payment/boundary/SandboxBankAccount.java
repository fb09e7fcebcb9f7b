package com.paylink.payment.boundary;

import java.util.Map;
import java.util.Optional;

/**
 * What the payer typed into the sandbox's bank-account form (P8, PAY18). Held only for the request; never stored or
 * logged ({@link #toString()} shows nothing of it). It checks itself as Stripe's Payment Element does, and names the
 * sandbox's test PaymentMethod its account number stands for (Stripe's ACH test accounts, routing 110000000).
 */
public record SandboxBankAccount(String name, String routingNumber, String accountNumber, boolean authorized) {

    /** Stripe's test routing number for ACH debits. */
    public static final String TEST_ROUTING = "110000000";
    /** Stripe's ACH test account numbers and the sandbox PaymentMethods that behave like them. */
    static final Map<String, String> TEST_ACCOUNTS = Map.of(
            "000123456789", "pm_usBankAccount_success",
            "000111111113", "pm_usBankAccount_accountClosed",
            "000111111116", "pm_usBankAccount_noAccount",
            "000222222227", "pm_usBankAccount_insufficientFunds",
            "000333333335", "pm_usBankAccount_debitNotAuthorized");

    private static String digits(String value) {
        return value == null ? "" : value.replaceAll("[\\s-]", "");
    }

    /** The form's first problem as a code ({@code pay.input.<code>}), or empty when it is complete. */
    public Optional<String> problem() {
        if (name == null || name.isBlank()) {
            return Optional.of("bank_name_required");
        }
        String routing = digits(routingNumber);
        if (!routing.matches("\\d{9}") || !abaChecksum(routing)) {
            return Optional.of("bank_routing_invalid");
        }
        String account = digits(accountNumber);
        if (!account.matches("\\d{4,17}")) {
            return Optional.of("bank_account_invalid");
        }
        if (!TEST_ROUTING.equals(routing) || !TEST_ACCOUNTS.containsKey(account)) {
            return Optional.of("bank_account_not_test");
        }
        if (!authorized) {
            return Optional.of("bank_mandate_required");
        }
        return Optional.empty();
    }

    /** The sandbox PaymentMethod this account stands for (call after {@link #problem()} is empty). */
    public String paymentMethod() {
        return TEST_ACCOUNTS.get(digits(accountNumber));
    }

    /** The ABA routing number checksum: 3, 7 and 1 weights over the nine digits sum to a multiple of ten. */
    static boolean abaChecksum(String nine) {
        int[] weights = {3, 7, 1, 3, 7, 1, 3, 7, 1};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * weights[i];
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return "SandboxBankAccount[hidden]";
    }
}
