package com.paylink.payment.control;

import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.platform.PaylinkConfig;
import com.paylink.practice.entity.CardProcessing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's simulation of Connect onboarding, so the demo shows the Card processing page: an account
 * opens at once, "onboarding" is Paylink's own simulated page, and the account can take (demo) charges once
 * it was completed there. Kept in this server's memory; the practice's status in the database is what counts.
 */
@ApplicationScoped
public class SandboxAccounts implements AccountGateway {

    /** Paylink's page that stands in for the gateway's hosted onboarding in sandbox mode. */
    public static final String ONBOARDING_PAGE = "/staff/admin/sandbox-onboarding.xhtml";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> completed = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, String> byKey = new ConcurrentHashMap<>();

    @Inject
    PaylinkConfig config;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** Forgets every account opened and onboarded: the demo's reset on request (see SandboxGateway). */
    public void forgetEverything() {
        completed.clear();
        byKey.clear();
    }

    @Override
    public String openAccount(String practiceName, String email, String idempotencyKey) {
        return byKey.computeIfAbsent(idempotencyKey, k -> {
            byte[] id = new byte[8];
            RANDOM.nextBytes(id);
            return "acct_sandbox_" + HexFormat.of().formatHex(id);
        });
    }

    @Override
    public String onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        return config.publicUrl() + ONBOARDING_PAGE;
    }

    /** The simulated onboarding was completed for the account. */
    public void complete(String accountId) {
        completed.add(accountId);
    }

    /**
     * Completed here, or recorded as taking charges before (the demo's seeded practice, or one completed before this
     * server restarted): the sandbox keeps no accounts of its own, so "Check status now" never undoes an enrolment.
     */
    @Override
    public AccountState account(String accountId) {
        boolean done = completed.contains(accountId) || enabledBefore(accountId);
        return new AccountState(accountId, done, done, done ? null : "onboarding not completed (sandbox)");
    }

    /** P7: the sandbox offers its simulated wallets on any domain of an account whose onboarding was completed. */
    @Override
    public DomainState registerDomain(String accountId, String domain) {
        return account(accountId).chargesEnabled() ? new DomainState(domain, true, null)
                : new DomainState(domain, false, "onboarding not completed (sandbox)");
    }

    private boolean enabledBefore(String accountId) {
        return !em.createQuery("select p.id from Practice p where p.stripeAccountId = :a and p.cardProcessing = :enabled",
                        Long.class)
                .setParameter("a", accountId).setParameter("enabled", CardProcessing.ENABLED)
                .getResultList().isEmpty();
    }
}
