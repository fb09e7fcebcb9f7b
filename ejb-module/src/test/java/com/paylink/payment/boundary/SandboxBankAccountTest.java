package com.paylink.payment.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** P8: the sandbox's bank-account form checks itself as Stripe's Payment Element does, one problem at a time. */
class SandboxBankAccountTest {

    @Test
    void aCompleteTestAccountWithTheMandateHasNoProblem_andNamesItsTestPaymentMethod() {
        SandboxBankAccount ok = new SandboxBankAccount("Ann Lee", "110000000", "000123456789", true);
        assertThat(ok.problem()).isEmpty();
        assertThat(ok.paymentMethod()).isEqualTo("pm_usBankAccount_success");
        assertThat(new SandboxBankAccount("Ann Lee", "110-000-000", "0002 2222 2227", true).paymentMethod())
                .isEqualTo("pm_usBankAccount_insufficientFunds");
    }

    @Test
    void eachProblemHasItsOwnCode() {
        assertThat(new SandboxBankAccount(" ", "110000000", "000123456789", true).problem()).contains("bank_name_required");
        assertThat(new SandboxBankAccount("Ann", "11000000", "000123456789", true).problem()).contains("bank_routing_invalid");
        assertThat(new SandboxBankAccount("Ann", "110000001", "000123456789", true).problem())
                .as("the ABA checksum").contains("bank_routing_invalid");
        assertThat(new SandboxBankAccount("Ann", "110000000", "12", true).problem()).contains("bank_account_invalid");
        assertThat(new SandboxBankAccount("Ann", "021000021", "000123456789", true).problem())
                .as("a real routing number in the sandbox").contains("bank_account_not_test");
        assertThat(new SandboxBankAccount("Ann", "110000000", "000123456789", false).problem()).contains("bank_mandate_required");
    }

    @Test
    void abaChecksum() {
        assertThat(SandboxBankAccount.abaChecksum("110000000")).isTrue();
        assertThat(SandboxBankAccount.abaChecksum("021000021")).isTrue();
        assertThat(SandboxBankAccount.abaChecksum("021000022")).isFalse();
    }

    @Test
    void showsNothingOfTheAccount() {
        assertThat(new SandboxBankAccount("Ann Lee", "110000000", "000123456789", true).toString())
                .doesNotContain("000123456789").doesNotContain("Ann");
    }
}
