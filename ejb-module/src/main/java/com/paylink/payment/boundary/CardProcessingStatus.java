package com.paylink.payment.boundary;

import com.paylink.practice.entity.CardProcessing;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.practice.entity.WalletDomain;

import java.time.Instant;

/**
 * What the Card processing page shows an Admin: the practice's account, its state and the gateway's reasons,
 * (P4) how clients reach the practice, and (P7) whether its payers are offered Apple Pay and Google Pay (null:
 * no domain registered yet), and (PAY18) the bank debits on their way, those past Stripe's window flagged.
 */
public record CardProcessingStatus(String practiceName, CardProcessing status, String detail, Instant checkedAt,
                                   boolean hasAccount, boolean sandbox, LastReconciliation lastReconciliation,
                                   PracticeContact contact, WalletDomain wallets, java.util.List<BankDebitRow> bankDebits) {

    /** PAY18: a bank debit on its way: its invoices, amount, when it started, when the bank should have answered. */
    public record BankDebitRow(String invoiceNumbers, com.paylink.shared.Money amount, Instant startedAt,
                               java.time.LocalDate expectedBy, boolean overdue) {
    }

    /** Whether a debit is still processing past Stripe's window (PAY18). */
    public boolean isBankDebitOverdue() {
        return bankDebits != null && bankDebits.stream().anyMatch(BankDebitRow::overdue);
    }

    /** The last reconciliation with the gateway (PAY14): when, what it applied, what it could not resolve. */
    public record LastReconciliation(Instant at, int eventsSeen, int applied, int intentsChecked, String problems) {

        public boolean isClean() {
            return problems == null;
        }
    }

    public boolean isEnabled() {
        return status == CardProcessing.ENABLED;
    }
}
