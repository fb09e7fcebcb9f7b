package com.paylink.payment.boundary;

import com.paylink.practice.entity.CardProcessing;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.practice.entity.WalletDomain;

import java.time.Instant;

/**
 * What the Card processing page shows an Admin: the practice's account, its state and the gateway's reasons,
 * (P4) how clients reach the practice, and (P7) whether its payers are offered Apple Pay and Google Pay (null:
 * no domain registered yet).
 */
public record CardProcessingStatus(String practiceName, CardProcessing status, String detail, Instant checkedAt,
                                   boolean hasAccount, boolean sandbox, LastReconciliation lastReconciliation,
                                   PracticeContact contact, WalletDomain wallets) {

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
