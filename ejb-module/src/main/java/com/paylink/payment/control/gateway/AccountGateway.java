package com.paylink.payment.control.gateway;

/**
 * The card-processing accounts port (Stripe Connect): each practice has its own account, which onboarding
 * (the gateway's hosted pages) makes able to take charges. Adapters: Stripe, and the sandbox's simulation.
 */
public interface AccountGateway {

    /** What the gateway says of an account now. */
    record AccountState(String accountId, boolean chargesEnabled, boolean detailsSubmitted, String reasons) {
    }

    /** Opens an account for a practice; the same key returns the same account. */
    String openAccount(String practiceName, String email, String idempotencyKey);

    /** A one-time link to the gateway's onboarding for the account. */
    String onboardingLink(String accountId, String refreshUrl, String returnUrl);

    AccountState account(String accountId);

    /** P7: what the gateway says of a domain registered for wallets on an account. */
    record DomainState(String domain, boolean available, String reason) {
    }

    /**
     * P7: registers {@code domain} for Apple Pay and Google Pay on the account (Stripe's Payment Method Domains, on the
     * connected account); registering it again returns the registration there is.
     */
    DomainState registerDomain(String accountId, String domain);
}
