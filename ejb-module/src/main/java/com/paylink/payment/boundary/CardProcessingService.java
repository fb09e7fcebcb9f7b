package com.paylink.payment.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.payment.control.AccountReconciler;
import com.paylink.payment.control.BankDebits;
import com.paylink.payment.control.StripeAttempts;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.PracticeOnboarding;
import com.paylink.payment.control.WalletDomains;
import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.platform.PaylinkConfig;
import com.paylink.practice.entity.Practice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * P2, P3: an Admin's Card processing page. Each practice is paid into its own account at the gateway
 * (Stripe Connect, direct charges; the sandbox simulates it): start onboarding (the gateway's hosted pages),
 * come back, refresh the status. "Enrolled" is what the gateway says of the account, never a flag.
 */
@Stateless
@RolesAllowed(Permission.ADMIN_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the gateway is never called inside a transaction
public class CardProcessingService {

    /** Where the gateway sends the Admin back (and where an expired onboarding link starts again). */
    public static final String PAGE = "/staff/admin/card-processing.xhtml";

    @Inject
    PracticeOnboarding onboarding;

    @Inject
    Gateways gateways;

    @Inject
    PaylinkConfig config;

    @Inject
    AccountReconciler reconciler;

    @Inject
    WalletDomains wallets;

    @Inject
    StripeAttempts attempts;

    @Inject
    java.time.Clock clock;

    public CardProcessingStatus status() {
        PracticeOnboarding.Snapshot snapshot = onboarding.practice();
        Practice practice = onboarding.read(snapshot.practiceId());
        CardProcessingStatus.LastReconciliation last = practice.stripeAccountId() == null ? null
                : reconciler.lastRun(practice.stripeAccountId())
                        .map(r -> new CardProcessingStatus.LastReconciliation(r.finishedAt(), r.eventsSeen(), r.applied(),
                                r.intentsChecked(), r.problems()))
                        .orElse(null);
        return new CardProcessingStatus(practice.name(), practice.cardProcessing(), practice.cardProcessingDetail(),
                practice.cardProcessingCheckedAt(), practice.stripeAccountId() != null, !gatewayIsStripe(), last,
                practice.contact(), practice.wallets().orElse(null), bankDebits(practice));
    }

    /**
     * PAY18: the practice's bank debits on their way (its account's, in Stripe mode), oldest first; one still processing
     * past Stripe's window is flagged (reconciliation re-reads each one every 15 minutes).
     */
    private java.util.List<CardProcessingStatus.BankDebitRow> bankDebits(Practice practice) {
        Gateway gateway = gatewayIsStripe() ? Gateway.STRIPE : Gateway.SANDBOX;
        java.time.Instant now = clock.instant();
        java.time.ZoneId zone = config.displayZone();
        return attempts.debitsUnderWay(gateway, practice.id(), 50).stream()
                .map(d -> new CardProcessingStatus.BankDebitRow(d.invoiceNumbers(), d.amount(), d.since(),
                        BankDebits.expectedBy(d.since(), zone), BankDebits.overdue(d.since(), now, zone)))
                .toList();
    }

    /**
     * Opens the practice's account if it has none (the key is the practice's, so a retry opens the same
     * one) and returns the one-time link to the gateway's onboarding.
     *
     * @throws CardProcessingUnavailable when the gateway cannot be reached or is not configured
     */
    public String startOnboarding() {
        PracticeOnboarding.Snapshot practice = onboarding.practice();
        try {
            AccountGateway accounts = gateways.accounts();
            String account = practice.accountId();
            if (account == null) {
                account = accounts.openAccount(practice.name(), practice.senderEmail(), "practice-" + practice.practiceId());
                onboarding.opened(practice.practiceId(), account);
            }
            String back = config.publicUrl() + PAGE;
            return accounts.onboardingLink(account, back + "?restart=1", back + "?from=onboarding");
        } catch (GatewayUnavailable e) {
            throw new CardProcessingUnavailable();
        }
    }

    /** Reads the account from the gateway and records what it says. */
    public CardProcessingStatus refresh() {
        PracticeOnboarding.Snapshot practice = onboarding.practice();
        if (practice.accountId() != null) {
            try {
                AccountGateway.AccountState account = gateways.accounts().account(practice.accountId());
                onboarding.checked(account);
                wallets.registerIfEnabled(account); // P7
            } catch (GatewayUnavailable e) {
                throw new CardProcessingUnavailable();
            }
        }
        return status();
    }

    /**
     * PAY14, "Reconcile now": the practice's account is reconciled with Stripe at once (what the webhooks
     * missed is applied, once), and the page shows the run.
     */
    public CardProcessingStatus reconcileNow() {
        PracticeOnboarding.Snapshot practice = onboarding.practice();
        if (!gatewayIsStripe() || !gateways.ready() || practice.accountId() == null) {
            throw new CardProcessingUnavailable();
        }
        reconciler.reconcile(practice.accountId());
        return status();
    }

    /** Sandbox mode only: the simulated onboarding was completed; then the status is read as usual. */
    public CardProcessingStatus completeSandboxOnboarding() {
        PracticeOnboarding.Snapshot practice = onboarding.practice();
        if (gatewayIsStripe() || practice.accountId() == null) {
            throw new CardProcessingUnavailable();
        }
        gateways.sandboxAccounts().complete(practice.accountId());
        return refresh();
    }

    private boolean gatewayIsStripe() {
        return gateways.activeKind() == com.paylink.payment.entity.Gateway.STRIPE;
    }
}
