package com.paylink.payment.boundary;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.InvoiceStatus;
import com.paylink.ledger.entity.Payment;
import com.paylink.payment.control.CardGateway;
import com.paylink.payment.control.GatewayIntent;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.PaymentRecorder;
import com.paylink.payment.control.SandboxCard;
import com.paylink.payment.control.SandboxGateway;
import com.paylink.payment.control.stripe.StripeWebhooks;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.ProcessedWebhookEvent;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.paymentlink.control.RecipientOption;
import com.paylink.paymentlink.control.Recipients;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The client's side of a link: open it, see what is due, pay by card (sandbox or Stripe), ask for a new
 * link. Public: the link's token (exchanged for the link id held in the payer's session) is the only
 * credential. Rules PAY1–PAY6 in package-info.
 */
@Stateless
@PermitAll
public class CheckoutService {

    /** A client may ask for a new link for one invoice at most this often. */
    static final Duration NEW_LINK_INTERVAL = Duration.ofMinutes(15);
    private static final Logger LOG = Logger.getLogger(CheckoutService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @Inject
    PaymentRecorder recorder;

    @Inject
    LinkIssuer issuer;

    /**
     * PAY1: opening a link finds it by its token's hash and records that it was viewed, nothing else.
     * Returns the link id for the payer's session, or empty for a malformed or unknown token.
     */
    public Optional<Long> open(String token) {
        if (!LinkTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        Optional<PaymentLink> link = em.createQuery("select l from PaymentLink l where l.tokenHash = :h", PaymentLink.class)
                .setParameter("h", LinkTokens.hash(token))
                .getResultStream().findFirst();
        Instant now = clock.instant();
        link.filter(l -> l.isUsableAt(now)).ifPresent(l -> recordView(l, now));
        return link.map(PaymentLink::id);
    }

    /**
     * Records the view with one conditional update, not through the entity: scanners and payers may open
     * a link many times at once, and a view must never fail on a version conflict or hold up a payment.
     */
    private void recordView(PaymentLink link, Instant now) {
        em.createQuery("update PaymentLink l set l.firstViewedAt = coalesce(l.firstViewedAt, :now), "
                        + "l.lastViewedAt = :now where l.id = :id")
                .setParameter("now", now)
                .setParameter("id", link.id())
                .executeUpdate();
    }

    /** What the payment page shows for the link in the payer's session (null: unknown token). */
    public CheckoutView view(Long linkId) {
        PaymentLink link = linkId == null ? null : em.find(PaymentLink.class, linkId);
        if (link == null) {
            return CheckoutView.unavailable(null);
        }
        Invoice invoice = link.invoice();
        Instant now = clock.instant();
        Optional<Payment> paid = paymentOf(link);
        if (paid.isPresent()) {
            Payment p = paid.get();
            return new CheckoutView(CheckoutView.State.PAID, link.id(), link.practice().name(), invoice.number(), null,
                    null, p.receiptNumber(), p.amount(), p.receivedAt(), null, null);
        }
        if (invoice.status() == InvoiceStatus.PAID) {
            return new CheckoutView(CheckoutView.State.PAID, link.id(), link.practice().name(), invoice.number(), null,
                    null, null, null, null, null, null);
        }
        if (!link.isUsableAt(now) || !invoice.balance().isPositive() || invoice.status() == InvoiceStatus.VOID) {
            return CheckoutView.unavailable(link.id());
        }
        Gateway gateway = gateways.active();
        return new CheckoutView(CheckoutView.State.PAYABLE, link.id(), link.practice().name(), invoice.number(),
                invoice.balance(), link.expiresAt(), null, null, null, gateway,
                gateway == Gateway.STRIPE ? gateways.publishableKey().orElse(null) : null);
    }

    /**
     * PAY2–PAY4 with the offline sandbox: one request key (the form's) pays at most once; concurrent tries
     * on one invoice queue on its lock and the later ones find it paid; expiry is checked now.
     */
    public PayResult paySandbox(long linkId, SandboxCard card, String requestKey) {
        Instant now = clock.instant();
        Optional<String> problem = SandboxGateway.inputProblem(card, YearMonth.from(now.atZone(ZoneOffset.UTC)));
        if (problem.isPresent()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, problem.get(), null);
        }
        PaymentLink link = lockedLink(linkId);
        if (link == null) {
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        Optional<PaymentAttempt> earlier = attemptByKey(Gateway.SANDBOX, requestKey);
        if (earlier.isPresent()) {
            return resultOf(earlier.get()); // a retried POST: same answer, nothing new
        }
        Optional<PayResult> refusal = refusePayment(link, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        SandboxGateway sandbox = (SandboxGateway) gateways.get(Gateway.SANDBOX);
        GatewayIntent intent = sandbox.createIntent(link.invoice().balance(), requestKey, Map.of());
        PaymentAttempt attempt = new PaymentAttempt(link, Gateway.SANDBOX, intent.reference(), requestKey,
                link.invoice().balance(), now);
        em.persist(attempt);
        String outcome = SandboxGateway.outcome(card);
        if (!"succeeded".equals(outcome)) {
            attempt.failed(outcome, now);
            LOG.info(() -> "sandbox payment on link " + link.id() + " declined: " + outcome);
            return new PayResult(PayResult.Kind.DECLINED, outcome, null);
        }
        return recorder.settle(attempt, now)
                .map(p -> new PayResult(PayResult.Kind.PAID, null, p.receiptNumber()))
                .orElseGet(() -> PayResult.of(PayResult.Kind.ALREADY_PAID));
    }

    /**
     * PAY5 with Stripe: a PaymentIntent for the live balance, created with an idempotency key derived from
     * the link and the amount, so retries and reloads reuse it. The card goes to Stripe, never here.
     */
    public Optional<StripeStart> startStripe(long linkId) {
        Instant now = clock.instant();
        PaymentLink link = lockedLink(linkId);
        if (link == null || refusePayment(link, now).isPresent()) {
            return Optional.empty();
        }
        CardGateway stripe = gateways.get(Gateway.STRIPE);
        var amount = link.invoice().balance();
        String key = "paylink-link-" + link.id() + "-" + amount.amountMinor() + amount.currency();
        Optional<PaymentAttempt> existing = attemptByKey(Gateway.STRIPE, key);
        GatewayIntent intent;
        if (existing.isPresent()) {
            intent = stripe.retrieve(existing.get().gatewayReference());
        } else {
            intent = stripe.createIntent(amount, key, Map.of("paylink_link_id", String.valueOf(link.id()),
                    "paylink_invoice_id", String.valueOf(link.invoice().id())));
            em.persist(new PaymentAttempt(link, Gateway.STRIPE, intent.reference(), key, amount, now));
        }
        return Optional.of(new StripeStart(gateways.publishableKey().orElse(""), intent.clientSecret(), intent.reference()));
    }

    /**
     * Reads a Stripe PaymentIntent as Stripe sees it now and settles it once (PAY5, PAY2). Used by the
     * webhook and by the return page; neither trusts anything but the stored intent id and Stripe's answer.
     */
    public PayResult syncStripeIntent(String intentId) {
        Optional<PaymentAttempt> found = attemptByReference(Gateway.STRIPE, intentId);
        if (found.isEmpty()) {
            LOG.warning(() -> "Stripe intent " + intentId + " is not one of ours; ignored");
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        GatewayIntent intent = gateways.get(Gateway.STRIPE).retrieve(intentId);
        Instant now = clock.instant();
        em.find(Invoice.class, found.get().invoice().id(), LockModeType.PESSIMISTIC_WRITE);
        PaymentAttempt attempt = em.find(PaymentAttempt.class, found.get().id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(attempt);
        if (attempt.isSettled()) {
            return resultOf(attempt);
        }
        return switch (intent.status()) {
            case SUCCEEDED -> {
                if (intent.amountMinor() != attempt.amount().amountMinor()) {
                    attempt.needsRefund("amount-mismatch", now);
                    yield PayResult.of(PayResult.Kind.ALREADY_PAID);
                }
                yield recorder.settle(attempt, now)
                        .map(p -> new PayResult(PayResult.Kind.PAID, null, p.receiptNumber()))
                        .orElseGet(() -> PayResult.of(PayResult.Kind.ALREADY_PAID));
            }
            case PROCESSING -> PayResult.of(PayResult.Kind.PROCESSING);
            case CANCELED -> {
                attempt.failed("canceled", now);
                yield new PayResult(PayResult.Kind.DECLINED, "canceled", null);
            }
            case REQUIRES_PAYMENT -> {
                if (intent.failureCode() != null) {
                    attempt.failed(intent.failureCode(), now);
                    yield new PayResult(PayResult.Kind.DECLINED, intent.failureCode(), null);
                }
                yield PayResult.of(PayResult.Kind.PROCESSING);
            }
        };
    }

    /**
     * A Stripe webhook: verified signature (else {@link StripeWebhooks.InvalidWebhook}), each event id
     * handled once, and the intent re-read from Stripe, so late, repeated or out-of-order events are harmless.
     *
     * @return false when the event was a duplicate
     */
    public boolean handleStripeWebhook(String payload, String signatureHeader) {
        StripeWebhooks.VerifiedEvent event = StripeWebhooks.verify(payload, signatureHeader,
                gateways.webhookSecret().orElse(null), clock);
        if (em.find(ProcessedWebhookEvent.class, event.id()) != null) {
            return false;
        }
        em.persist(new ProcessedWebhookEvent(event.id(), event.type(), clock.instant()));
        em.flush(); // a concurrent copy of the same event fails here and Stripe retries it later
        if (event.type().startsWith("payment_intent.")) {
            event.intentId().ifPresent(this::syncStripeIntent);
        }
        return true;
    }

    /**
     * PAY6: "email me a new link" from an expired or revoked link sends a fresh one to the address on file,
     * at most every 15 minutes per invoice; the caller always answers the same, whatever happened here.
     */
    public void requestNewLink(Long linkId) {
        if (linkId == null) {
            return;
        }
        PaymentLink old = lockedLink(linkId);
        if (old == null) {
            return;
        }
        Instant now = clock.instant();
        PaymentLinkStatus status = old.statusAt(now);
        Invoice invoice = old.invoice();
        boolean renewable = (status == PaymentLinkStatus.EXPIRED || status == PaymentLinkStatus.REVOKED)
                && invoice.status().isUnpaid() && invoice.balance().isPositive()
                && invoice.practice().isCardProcessingEnrolled() && old.sentBy().isActive()
                && issuer.activeLink(invoice).filter(l -> l.isUsableAt(now)).isEmpty()
                && !askedRecently(invoice, now);
        if (!renewable) {
            LOG.info(() -> "new link requested from link " + linkId + ": not renewable now");
            return;
        }
        List<RecipientOption> onFile = Recipients.of(invoice.client());
        Optional<RecipientOption> recipient = onFile.stream()
                .filter(o -> o.source() == old.recipientSource() && o.email().equalsIgnoreCase(old.recipientEmail()))
                .findFirst()
                .or(() -> onFile.stream().filter(o -> o.source() == old.recipientSource()).findFirst())
                .filter(RecipientOption::valid);
        if (recipient.isEmpty()) {
            LOG.info(() -> "new link requested from link " + linkId + ": no address on file for its source");
            return;
        }
        issuer.issue(invoice, recipient.get(), old.sentBy(), null, now);
    }

    private boolean askedRecently(Invoice invoice, Instant now) {
        return !em.createQuery("select a.id from PaymentLinkAudit a where a.invoiceId = :i and a.action = :a "
                        + "and a.occurredAt > :since", Long.class)
                .setParameter("i", invoice.id())
                .setParameter("a", PaymentLinkAction.RESENT_ON_REQUEST)
                .setParameter("since", now.minus(NEW_LINK_INTERVAL))
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Locks the link's invoice (every payment path does, so they run one at a time), then reads the link. */
    private PaymentLink lockedLink(long linkId) {
        PaymentLink link = em.find(PaymentLink.class, linkId);
        if (link == null) {
            return null;
        }
        em.find(Invoice.class, link.invoice().id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(link);
        em.refresh(link.invoice());
        return link;
    }

    /** Why this link cannot take a payment now, if it cannot (PAY3, PAY4). */
    private Optional<PayResult> refusePayment(PaymentLink link, Instant now) {
        Invoice invoice = link.invoice();
        if (link.status() == PaymentLinkStatus.PAID || invoice.status() == InvoiceStatus.PAID) {
            return Optional.of(paymentOf(link).map(p -> new PayResult(PayResult.Kind.ALREADY_PAID, null, p.receiptNumber()))
                    .orElse(PayResult.of(PayResult.Kind.ALREADY_PAID)));
        }
        if (!link.isUsableAt(now) || invoice.status() == InvoiceStatus.VOID || !invoice.balance().isPositive()) {
            return Optional.of(PayResult.of(PayResult.Kind.UNAVAILABLE));
        }
        return Optional.empty();
    }

    private PayResult resultOf(PaymentAttempt attempt) {
        return switch (attempt.status()) {
            case SUCCEEDED -> new PayResult(PayResult.Kind.PAID, null, attempt.payment().receiptNumber());
            case FAILED -> new PayResult(PayResult.Kind.DECLINED, attempt.failureCode(), null);
            case NEEDS_REFUND -> PayResult.of(PayResult.Kind.ALREADY_PAID);
            case PENDING -> PayResult.of(PayResult.Kind.PROCESSING);
        };
    }

    private Optional<Payment> paymentOf(PaymentLink link) {
        return em.createQuery("select a from PaymentAttempt a where a.link = :l and a.status = :s", PaymentAttempt.class)
                .setParameter("l", link)
                .setParameter("s", AttemptStatus.SUCCEEDED)
                .getResultStream().findFirst().map(PaymentAttempt::payment);
    }

    private Optional<PaymentAttempt> attemptByKey(Gateway gateway, String key) {
        return em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.idempotencyKey = :k",
                        PaymentAttempt.class)
                .setParameter("g", gateway).setParameter("k", key)
                .getResultStream().findFirst();
    }

    private Optional<PaymentAttempt> attemptByReference(Gateway gateway, String reference) {
        return em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.gatewayReference = :r",
                        PaymentAttempt.class)
                .setParameter("g", gateway).setParameter("r", reference)
                .getResultStream().findFirst();
    }
}
