package com.paylink.payment.control;

import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.stripe.StripeWebhooks;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.ReconciliationRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * PAY14, reconciliation of one practice account with Stripe: walk its events since the last good run (less
 * an overlap) and apply each through the same idempotent code as the webhook, then re-read the intents our
 * own open attempts point to. What the webhooks missed is applied once; what was applied already changes
 * nothing. Stripe is read outside any transaction; each run is recorded.
 */
@ApplicationScoped
public class AccountReconciler {

    /** The events a ledger needs (some are delivered only if an endpoint names them). */
    public static final List<String> EVENT_TYPES = List.of(
            "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
            "payment_intent.processing", "charge.refunded", "refund.created", "refund.updated", "refund.failed",
            "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed",
            "charge.dispute.funds_withdrawn", "charge.dispute.funds_reinstated", "account.updated");
    /** Runs overlap by this much, so an event created while the last run read is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** A first run reaches back this far (Stripe keeps events 30 days). */
    static final Duration FIRST_RUN = Duration.ofDays(3);
    /** An open attempt is re-read once it is this old (younger ones are the payer's, still paying). */
    static final Duration PENDING_AGE = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(AccountReconciler.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @Inject
    StripeEventRouter router;

    @Inject
    StripeAttempts attempts;

    /** Reconciles the account now and records the run. */
    public ReconciliationRun reconcile(String accountId) {
        Instant started = clock.instant();
        Instant since = self().since(accountId, started);
        List<String> problems = new ArrayList<>();
        int seen = 0;
        int applied = 0;
        int intents = 0;
        try {
            CardGateway stripe = gateways.of(Gateway.STRIPE, accountId);
            for (String json : stripe.eventsSince(since, EVENT_TYPES)) {
                seen++;
                Optional<StripeWebhooks.VerifiedEvent> event = StripeWebhooks.parse(json);
                if (event.isEmpty()) {
                    problems.add("an event Stripe listed could not be read");
                    continue;
                }
                try {
                    if (router.apply(event.get())) {
                        applied++;
                    }
                } catch (RuntimeException e) {
                    problems.add("event " + event.get().id() + " (" + event.get().type() + ") not applied: "
                            + e.getClass().getSimpleName());
                }
            }
            for (String reference : self().openIntents(accountId, started.minus(PENDING_AGE))) {
                intents++;
                try {
                    attempts.apply(stripe.retrieve(reference));
                } catch (RuntimeException e) {
                    problems.add("intent " + reference + " not read: " + e.getClass().getSimpleName());
                }
            }
        } catch (GatewayUnavailable e) {
            problems.add("Stripe could not be read: " + e.getMessage());
        }
        ReconciliationRun run = new ReconciliationRun(accountId, since, started, clock.instant(), seen, applied, intents,
                problems);
        self().record(run);
        int appliedNow = applied;
        if (!problems.isEmpty()) {
            LOG.warning(() -> "reconciliation of " + accountId + ": " + appliedNow + " applied, problems: " + problems);
        } else if (applied > 0) {
            LOG.info(() -> "reconciliation of " + accountId + ": " + appliedNow + " missed events applied");
        }
        return run;
    }

    /** From the last good run's start, less the overlap; a first run reaches back {@link #FIRST_RUN}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Instant since(String accountId, Instant now) {
        return lastGood(accountId).map(r -> r.startedAt().minus(OVERLAP)).orElse(now.minus(FIRST_RUN));
    }

    /** Our open Stripe attempts (and bank debits under way) on the account with an intent, older than {@code before}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> openIntents(String accountId, Instant before) {
        return em.createQuery("select a.gatewayReference from PaymentAttempt a where a.gateway = :g and a.status in :open "
                        + "and a.gatewayReference is not null and a.createdAt < :before "
                        + "and a.link.practice.stripeAccountId = :account", String.class)
                .setParameter("g", Gateway.STRIPE)
                // PAY18: bank debits under way too: one whose answer the webhooks missed is read here
                .setParameter("open", List.of(AttemptStatus.PENDING, AttemptStatus.FAILED, AttemptStatus.PROCESSING))
                .setParameter("before", before)
                .setParameter("account", accountId)
                .setMaxResults(200)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(ReconciliationRun run) {
        em.persist(run);
    }

    /** Every practice account there is to reconcile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> accounts() {
        return em.createQuery("select p.stripeAccountId from Practice p where p.stripeAccountId is not null", String.class)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ReconciliationRun> lastRun(String accountId) {
        return em.createQuery("select r from ReconciliationRun r where r.accountId = :a order by r.startedAt desc, r.id desc",
                        ReconciliationRun.class)
                .setParameter("a", accountId).setMaxResults(1).getResultStream().findFirst();
    }

    private Optional<ReconciliationRun> lastGood(String accountId) {
        return em.createQuery("select r from ReconciliationRun r where r.accountId = :a and r.succeeded = true "
                        + "order by r.startedAt desc, r.id desc", ReconciliationRun.class)
                .setParameter("a", accountId).setMaxResults(1).getResultStream().findFirst();
    }

    /** This bean through its proxy, so that its own transactional methods get their transactions. */
    private AccountReconciler self() {
        return jakarta.enterprise.inject.spi.CDI.current().select(AccountReconciler.class).get();
    }
}
