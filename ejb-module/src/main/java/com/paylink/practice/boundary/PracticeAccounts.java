package com.paylink.practice.boundary;

import com.paylink.practice.entity.Practice;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

/**
 * Records what the gateway says of a practice's own card-processing account (P2, P3), inside the caller's
 * transaction (MANDATORY: the payment capability, which talked to the gateway and checked who asked,
 * calls it; never the web tier). The practice capability owns its table.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class PracticeAccounts {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** The gateway opened the practice's account (onboarding started). */
    public void accountOpened(long practiceId, String accountId, Instant at) {
        em.find(Practice.class, practiceId, LockModeType.PESSIMISTIC_WRITE).accountOpened(accountId, at);
    }

    /**
     * The account as the gateway reports it now (after onboarding, on {@code account.updated}, on refresh).
     *
     * @return the practice's id, or empty when no practice has this account
     */
    public Optional<Long> accountChecked(String accountId, boolean chargesEnabled, boolean detailsSubmitted,
                                         String reasons, Instant at) {
        Optional<Practice> practice = em.createQuery("select p from Practice p where p.stripeAccountId = :a", Practice.class)
                .setParameter("a", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        practice.ifPresent(p -> p.accountChecked(chargesEnabled, detailsSubmitted, reasons, at));
        return practice.map(Practice::id);
    }

    /** P7: the gateway's answer to registering Paylink's domain for wallets on the account (if a practice has it). */
    public void walletsChecked(String accountId, String domain, boolean available, String detail, Instant at) {
        em.createQuery("select p from Practice p where p.stripeAccountId = :a", Practice.class)
                .setParameter("a", accountId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .ifPresent(p -> p.walletsChecked(domain, available, detail, at));
    }
}
