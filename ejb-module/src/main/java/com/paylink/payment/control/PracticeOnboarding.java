package com.paylink.payment.control;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.payment.control.gateway.AccountGateway;
import com.paylink.payment.entity.ProcessedWebhookEvent;
import com.paylink.practice.boundary.PracticeAccounts;
import com.paylink.practice.entity.Practice;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * The database halves of Connect onboarding for the caller's practice (the caller must be an Admin), each
 * in its own short transaction around the gateway's calls.
 */
@ApplicationScoped
public class PracticeOnboarding {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CallerLookup caller;

    @EJB
    PracticeAccounts accounts;

    /** The caller's practice as it is now. */
    public record Snapshot(long practiceId, String name, String senderEmail, String accountId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Snapshot practice() {
        Staff admin = caller.requiring(Permission.ADMIN);
        Practice practice = em.find(Practice.class, admin.practice().id());
        return new Snapshot(practice.id(), practice.name(), practice.senderEmail(), practice.stripeAccountId());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Practice read(long practiceId) {
        return em.find(Practice.class, practiceId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void opened(long practiceId, String accountId) {
        accounts.accountOpened(practiceId, accountId, clock.instant());
    }

    /**
     * {@code account.updated}: the event recorded once (its id) with what the gateway says of the account now.
     *
     * @return false when the event had been handled before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean checkedOnEvent(String eventId, String eventType, AccountGateway.AccountState state) {
        if (em.find(ProcessedWebhookEvent.class, eventId) != null) {
            return false;
        }
        em.persist(new ProcessedWebhookEvent(eventId, eventType, clock.instant()));
        em.flush();
        accounts.accountChecked(state.accountId(), state.chargesEnabled(), state.detailsSubmitted(), state.reasons(),
                clock.instant());
        return true;
    }

    /** What the gateway says of an account, recorded on the practice that has it (if any). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void checked(AccountGateway.AccountState state) {
        accounts.accountChecked(state.accountId(), state.chargesEnabled(), state.detailsSubmitted(), state.reasons(),
                clock.instant());
    }

    /** P7: what the gateway answered when Paylink's domain was registered for wallets on the account. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void walletsChecked(String accountId, AccountGateway.DomainState state) {
        accounts.walletsChecked(accountId, state.domain(), state.available(), state.reason(), clock.instant());
    }
}
