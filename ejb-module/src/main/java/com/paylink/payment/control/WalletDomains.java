package com.paylink.payment.control;

import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.platform.PaylinkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.logging.Logger;

/**
 * P7: registers Paylink's public domain for Apple Pay and Google Pay on a practice's account, once the account can
 * take charges, and records the gateway's answer. Called outside any transaction (the gateway is never called inside
 * one); the answer is written in its own.
 */
@ApplicationScoped
public class WalletDomains {

    private static final Logger LOG = Logger.getLogger(WalletDomains.class.getName());

    @Inject
    Gateways gateways;

    @Inject
    PaylinkConfig config;

    @Inject
    PracticeOnboarding onboarding;

    /** The host payers open links on: the domain Stripe.js runs on, which is what wallets are registered for. */
    public String domain() {
        return URI.create(config.publicUrl()).getHost();
    }

    /** Registers the domain on the account if it can take charges; a gateway that cannot answer is recorded as such. */
    public void registerIfEnabled(AccountGateway.AccountState account) {
        if (!account.chargesEnabled()) {
            return;
        }
        AccountGateway.DomainState state;
        try {
            state = gateways.accounts().registerDomain(account.accountId(), domain());
        } catch (GatewayUnavailable e) {
            LOG.warning(() -> "wallet domain of account " + account.accountId() + " not registered: " + e.getMessage());
            state = new AccountGateway.DomainState(domain(), false,
                    "the card processor could not be reached; press Check status now to try again");
        }
        onboarding.walletsChecked(account.accountId(), state);
    }
}
