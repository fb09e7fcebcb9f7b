package com.paylink.payment.control;

import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.ProcessedWebhookEvent;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.shared.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The database half of every Stripe operation, each in its own short transaction, so that the call to
 * Stripe in between holds no lock and no connection (PAY8): plan an intent (lock the invoice, write the
 * attempt), record what Stripe answered, apply an intent's outcome, find intents whose link has closed.
 */
@ApplicationScoped
public class StripeAttempts {

    private static final Logger LOG = Logger.getLogger(StripeAttempts.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    PayerLinkService links;

    @Inject
    PaymentRecorder recorder;

    @Inject
    DeclineGuard declines;

    @EJB
    com.paylink.ledger.boundary.ClientCardRecords clientCards;

    /** What the call to Stripe needs: our attempt, its key, the intent if it exists, the amount to charge (PAY16). */
    public record Plan(long attemptId, String idempotencyKey, String reference, Money amount, Map<String, String> metadata,
                       String account, boolean bankDebit, long clientId, String customer, boolean saving, boolean savedBefore) {
    }

    /** An open intent whose link closed, and the practice account it lives in. */
    public record Stale(String reference, String account) {
    }

    /** What an attempt came to, for the payer's answer. */
    public record Outcome(AttemptStatus status, String failureCode, String receiptNumber) {
    }

    /** The full balance: {@link #plan(long, boolean, String)} for a payer who asked for it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Plan> plan(long linkId) {
        return plan(linkId, true, null, null);
    }

    /** {@link #plan(long, boolean, String, String)} from an unknown address. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Plan> plan(long linkId, boolean fullBalance, String entered) {
        return plan(linkId, fullBalance, entered, null);
    }

    /**
     * The link's one open Stripe attempt, or a new one written now (so the intent's metadata can carry
     * its id), for the amount the payer asked for (PAY16: decided here, under the invoice's lock, with the
     * live balance and the link's own minimum); empty when the link cannot take a payment (PL4).
     *
     * PAY10: {@code addressHash} (the payer's address, hashed) is kept on the attempt, so Stripe's later declines count
     * against it; an address that has used up its declines starts nothing, and the link locks.
     *
     * @throws PayableAmount.Refused when the amount cannot be paid through this link; nothing is written
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Plan> plan(long linkId, boolean fullBalance, String entered, String addressHash) {
        return plan(linkId, fullBalance, entered, addressHash, null, null);
    }

    /**
     * As {@link #plan(long, boolean, String, String)}; issue 25 (PAY19): {@code consentText} (null: the card is not to be
     * saved) and the payer's {@code consentName} are recorded on the attempt, whose plan then names the client and
     * their customer at Stripe (null: none yet), and whether an earlier try of this attempt was to save the card.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Plan> plan(long linkId, boolean fullBalance, String entered, String addressHash, String consentText,
                               String consentName) {
        Instant now = clock.instant();
        if (!fullBalance && PayableAmount.tooLongToRead(entered)) {
            // refused before the lock: an amount that long is no amount, whatever the balance
            throw new PayableAmount.Refused(PayableAmount.Decision.refuse(PayableAmount.Problem.NOT_A_NUMBER, null));
        }
        Optional<PaymentLink> locked = links.lockForPayment(linkId);
        if (locked.isEmpty() || locked.get().unusableAt(now).isPresent()) {
            return Optional.empty();
        }
        PaymentLink link = locked.get();
        if (declines.addressBlocked(addressHash, now)) {
            declines.lock(link, now); // as the sandbox does: this address pays on no link for the hour
            return Optional.empty();
        }
        // PL12: for several invoices their total, in full (such a link has no partial minimum)
        PayableAmount.Decision decision = PayableAmount.decide(fullBalance, entered, link.amountDue(),
                link.partialMinimum());
        if (decision.refused()) {
            throw new PayableAmount.Refused(decision);
        }
        Money amount = decision.amount();
        Optional<PaymentAttempt> open = openAttempt(link);
        if (open.isPresent() && open.get().gatewayReference() == null && !open.get().amount().equals(amount)) {
            // it never reached Stripe, and Stripe refuses an idempotency key again with another amount: a new attempt
            open.get().canceled(now);
            open = Optional.empty();
        }
        PaymentAttempt attempt = open.orElseGet(() -> {
            PaymentAttempt created = new PaymentAttempt(link, Gateway.STRIPE,
                    "paylink-link-" + link.id() + "-" + (attemptCount(link) + 1), amount, now);
            em.persist(created);
            em.flush();
            return created;
        });
        attempt.startedFrom(addressHash);
        boolean savedBefore = attempt.savesCard();
        attempt.saveConsent(consentText, consentName, now);
        com.paylink.ledger.entity.Client client = link.invoice().client();
        return Optional.of(new Plan(attempt.id(), attempt.idempotencyKey(), attempt.gatewayReference(), amount,
                metadata(link, attempt.id()), link.practice().stripeAccountId(),
                link.practice().settings().bankDebitEnabled(), // P8: a bank account too, where the practice allows it
                client.id(), client.gatewayCustomer(), consentText != null, savedBefore));
    }

    /**
     * PAY8, PL12: what an intent carries: our ids, and the invoice numbers it pays (nothing clinical), cut to
     * Stripe's 500 characters per value.
     */
    public static Map<String, String> metadata(PaymentLink link, Long attemptId) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("paylink_link_id", String.valueOf(link.id()));
        if (attemptId != null) {
            metadata.put("paylink_attempt_id", String.valueOf(attemptId));
        }
        metadata.put("paylink_invoice_id", String.valueOf(link.invoice().id()));
        String numbers = String.join(", ", link.invoiceNumbers());
        metadata.put("paylink_invoices", numbers.length() > 500 ? numbers.substring(0, 497) + "..." : numbers);
        return Map.copyOf(metadata);
    }

    /**
     * Issue 25: the client's customer at Stripe, made outside any transaction with a key of the client's id (so two
     * made at once are the same one), is kept on the client; returns the one kept.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String customerMade(long clientId, String customer) {
        return clientCards.keepCustomer(clientId, customer);
    }

    /** The key a client's customer is made with at the gateway: one customer per client, however often asked. */
    public static String customerKey(long clientId) {
        return "paylink-client-" + clientId;
    }

    /**
     * Records the intent Stripe created or re-priced for the attempt; a canceled one closes the attempt.
     *
     * @return false when the attempt had closed meanwhile (e.g. replaced because the payer asked for another
     * amount in another tab while this intent was being made): its intent must not be handed out
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean record(long attemptId, GatewayIntent intent) {
        Instant now = clock.instant();
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        attempt.attachIntent(intent.reference(), now);
        if (!attempt.status().isOpen()) {
            return false;
        }
        if (intent.status() == com.paylink.payment.control.gateway.IntentStatus.CANCELED) {
            attempt.canceled(now);
        } else if (intent.amountMinor() != attempt.amount().amountMinor()) {
            attempt.reprice(Money.ofMinor(intent.amountMinor(), attempt.amount().currency()), now);
        }
        return true;
    }

    /**
     * Applies what Stripe says of one of our intents, once: the invoice is locked first (PAY2), a settled
     * attempt changes no more. Empty when the intent is not ours.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> apply(GatewayIntent intent) {
        return apply(Gateway.STRIPE, intent);
    }

    /** {@link #apply(GatewayIntent)} for an intent of {@code gateway} (the sandbox's bank debits, PAY18). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Outcome> apply(Gateway gateway, GatewayIntent intent) {
        Optional<PaymentAttempt> found = byReference(gateway, intent.reference());
        if (found.isEmpty()) {
            LOG.warning(() -> "Stripe intent " + intent.reference() + " is not one of ours; ignored");
            return Optional.empty();
        }
        links.lockForPayment(found.get().link().id());
        PaymentAttempt attempt = found.get();
        em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE); // as in applyEvent: re-read under lock, never a stale copy
        recorder.apply(attempt, intent, clock.instant());
        return Optional.of(outcome(attempt));
    }

    /**
     * A webhook's event, recorded once in the same transaction as its effect: a duplicate (even a
     * concurrent one, which fails on the primary key and is retried by Stripe) changes nothing.
     *
     * @return false when the event had been handled before
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean applyEvent(String eventId, String eventType, GatewayIntent intent) {
        if (em.find(ProcessedWebhookEvent.class, eventId) != null) {
            return false;
        }
        em.persist(new ProcessedWebhookEvent(eventId, eventType, clock.instant()));
        em.flush();
        if (intent != null) {
            Optional<PaymentAttempt> found = byReference(intent.reference());
            if (found.isPresent()) {
                links.lockForPayment(found.get().link().id());
                // re-read under lock: a concurrent webhook or return page may have settled it while this one waited
                // for the link's locks (a locking find of the stale copy already loaded would fail on its version)
                PaymentAttempt attempt = found.get();
                em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
                Instant now = clock.instant();
                recorder.apply(attempt, intent, now);
                if ("payment_intent.payment_failed".equals(eventType) && attempt.status() == AttemptStatus.FAILED) {
                    // each failure event is one declined card (Stripe sends one per try; the event id dedupes)
                    declines.declined(attempt.link(), attempt.payerAddressHash(), attempt.failureCode(), now);
                }
            }
        }
        return true;
    }

    /** Whether the intent is one of our attempts' (a read, no lock). */
    public boolean isOurs(String reference) {
        return byReference(reference).isPresent();
    }

    /** The practice account one of our intents lives in (P3); empty when it is not ours. */
    public Optional<String> accountOf(String reference) {
        // one scalar query: callers run outside a transaction, where an entity's lazy link could not load
        return em.createQuery("select a.link.practice.stripeAccountId from PaymentAttempt a "
                        + "where a.gateway = :g and a.gatewayReference = :r", String.class)
                .setParameter("g", Gateway.STRIPE).setParameter("r", reference)
                .getResultStream().findFirst();
    }

    public boolean isProcessed(String eventId) {
        return em.find(ProcessedWebhookEvent.class, eventId) != null;
    }

    /** Open Stripe attempts (with an intent) whose link can take no payment any more: to be canceled. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Stale> staleIntents(int max) {
        return staleIntents(null, max);
    }

    /** {@link #staleIntents(int)} of one link (null: of every link). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Stale> staleIntents(Long linkId, int max) {
        Instant now = clock.instant();
        var query = em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.status in :open "
                        + "and a.gatewayReference is not null " + (linkId == null ? "" : "and a.link.id = :link ")
                        + "order by a.id", PaymentAttempt.class)
                .setParameter("g", Gateway.STRIPE)
                .setParameter("open", List.of(AttemptStatus.PENDING, AttemptStatus.FAILED));
        if (linkId != null) {
            query.setParameter("link", linkId);
        }
        return query.getResultStream()
                .filter(a -> a.link().unusableAt(now).isPresent())
                .limit(max)
                .map(a -> new Stale(a.gatewayReference(), a.link().practice().stripeAccountId()))
                .toList();
    }

    /** Stripe canceled the intent: its attempt is closed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void canceled(String reference) {
        byReference(reference).ifPresent(found -> {
            PaymentAttempt attempt = found;
            em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
            if (attempt.status().isOpen()) {
                attempt.canceled(clock.instant());
            }
        });
    }

    private Optional<PaymentAttempt> openAttempt(PaymentLink link) {
        return em.createQuery("select a from PaymentAttempt a where a.link = :l and a.gateway = :g and a.status in :open "
                        + "order by a.id desc", PaymentAttempt.class)
                .setParameter("l", link)
                .setParameter("g", Gateway.STRIPE)
                .setParameter("open", List.of(AttemptStatus.PENDING, AttemptStatus.FAILED))
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private long attemptCount(PaymentLink link) {
        return em.createQuery("select count(a) from PaymentAttempt a where a.link = :l and a.gateway = :g", Long.class)
                .setParameter("l", link).setParameter("g", Gateway.STRIPE)
                .getSingleResult();
    }

    private Optional<PaymentAttempt> byReference(String reference) {
        return byReference(Gateway.STRIPE, reference);
    }

    private Optional<PaymentAttempt> byReference(Gateway gateway, String reference) {
        return em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.gatewayReference = :r",
                        PaymentAttempt.class)
                .setParameter("g", gateway).setParameter("r", reference)
                .getResultStream().findFirst();
    }

    /** PAY18: a bank debit under way, as staff and the sweep see it. */
    public record Debit(String reference, String account, String invoiceNumbers, Money amount, Instant since) {
    }

    /** PAY18: the bank debits of {@code gateway} under way (of one practice, or all when null), oldest first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Debit> debitsUnderWay(Gateway gateway, Long practiceId, int max) {
        var query = em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.status = :s "
                        + (practiceId == null ? "" : "and a.link.practice.id = :practice ")
                        + "order by a.processingSince, a.id", PaymentAttempt.class)
                .setParameter("g", gateway)
                .setParameter("s", AttemptStatus.PROCESSING);
        if (practiceId != null) {
            query.setParameter("practice", practiceId);
        }
        return query.setMaxResults(max)
                .getResultStream()
                .map(a -> new Debit(a.gatewayReference(), a.link().practice().stripeAccountId(),
                        String.join(", ", a.link().invoiceNumbers()), a.amount(), a.processingSince()))
                .toList();
    }

    private static Outcome outcome(PaymentAttempt attempt) {
        return new Outcome(attempt.status(), attempt.failureCode(),
                attempt.payment() == null ? null : attempt.payment().receiptNumber());
    }
}
