package com.paylink.payment.boundary;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.PaymentRecorder;
import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.entity.LinkUnusable;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.shared.Money;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Paying a link by card: what the payment page shows, the sandbox form, a Stripe PaymentIntent and
 * reading its outcome. Links themselves (opening, locking, settling, renewing) belong to
 * {@link PayerLinkService}. Public: the link id in the payer's session is the only credential.
 * Rules PAY2–PAY5 in package-info.
 */
@Stateless
@PermitAll
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @Inject
    PaymentRecorder recorder;

    @EJB
    PayerLinkService links;

    /** What the payment page shows for the link in the payer's session (null: unknown token). */
    public CheckoutView view(Long linkId) {
        Optional<PaymentLink> found = links.find(linkId);
        if (found.isEmpty()) {
            return CheckoutView.unavailable(null);
        }
        PaymentLink link = found.get();
        Invoice invoice = link.invoice();
        Optional<Payment> paid = paymentOf(link);
        if (paid.isPresent()) {
            Payment p = paid.get();
            return new CheckoutView(CheckoutView.State.PAID, link.id(), link.practice().name(), invoice.number(), null,
                    null, p.receiptNumber(), p.amount(), p.receivedAt(), null, null);
        }
        Optional<LinkUnusable> unusable = link.unusableAt(clock.instant());
        if (unusable.filter(u -> u == LinkUnusable.PAID).isPresent()) {
            return new CheckoutView(CheckoutView.State.PAID, link.id(), link.practice().name(), invoice.number(), null,
                    null, null, null, null, null, null);
        }
        if (unusable.isPresent()) {
            return CheckoutView.unavailable(link.id());
        }
        Gateway gateway = gateways.activeKind();
        return new CheckoutView(CheckoutView.State.PAYABLE, link.id(), link.practice().name(), invoice.number(),
                invoice.balance(), link.expiresAt(), null, null, null, gateway,
                gateway == Gateway.STRIPE ? gateways.publishableKey().orElse(null) : null);
    }

    /**
     * PAY2–PAY4 with the offline sandbox, through the gateway port like any gateway: one request key (the
     * form's) pays at most once; concurrent tries on one invoice queue on its lock and the later ones find
     * it paid; the link is checked now. Refused when the sandbox is not the active gateway.
     */
    public PayResult paySandbox(long linkId, SandboxCard card, String requestKey) {
        Instant now = clock.instant();
        if (gateways.activeKind() != Gateway.SANDBOX) {
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        Optional<String> problem = card.problem(YearMonth.from(now.atZone(ZoneOffset.UTC)));
        if (problem.isPresent()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, problem.get(), null);
        }
        Optional<PaymentLink> locked = links.lockForPayment(linkId);
        if (locked.isEmpty()) {
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        PaymentLink link = locked.get();
        Optional<PaymentAttempt> earlier = attemptByKey(Gateway.SANDBOX, requestKey);
        if (earlier.isPresent()) {
            return resultOf(earlier.get()); // a retried POST: same answer, nothing new
        }
        Optional<PayResult> refusal = refusePayment(link, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        CardGateway sandbox = gateways.of(Gateway.SANDBOX);
        Money amount = link.invoice().balance();
        GatewayIntent intent = sandbox.createIntent(amount, requestKey, metadata(link));
        PaymentAttempt attempt = new PaymentAttempt(link, Gateway.SANDBOX, intent.reference(), requestKey, amount, now);
        em.persist(attempt);
        return apply(attempt, sandbox.confirm(intent.reference(), card.paymentMethod()), now);
    }

    /**
     * PAY5 with Stripe: a PaymentIntent for the live balance, created with an idempotency key derived from
     * the link and the amount, so retries and reloads reuse it. The card goes to Stripe, never here.
     */
    public Optional<StripeStart> startStripe(long linkId) {
        Instant now = clock.instant();
        Optional<PaymentLink> locked = links.lockForPayment(linkId);
        if (locked.isEmpty() || refusePayment(locked.get(), now).isPresent()) {
            return Optional.empty();
        }
        PaymentLink link = locked.get();
        CardGateway stripe = gateways.of(Gateway.STRIPE);
        Money amount = link.invoice().balance();
        String key = "paylink-link-" + link.id() + "-" + amount.amountMinor() + amount.currency();
        Optional<PaymentAttempt> existing = attemptByKey(Gateway.STRIPE, key);
        GatewayIntent intent;
        if (existing.isPresent()) {
            intent = stripe.retrieve(existing.get().gatewayReference());
        } else {
            intent = stripe.createIntent(amount, key, metadata(link));
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
        GatewayIntent intent = gateways.of(Gateway.STRIPE).retrieve(intentId);
        Instant now = clock.instant();
        links.lockForPayment(found.get().link().id());
        PaymentAttempt attempt = em.find(PaymentAttempt.class, found.get().id(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(attempt);
        if (attempt.isSettled()) {
            return resultOf(attempt);
        }
        return apply(attempt, intent, now);
    }

    /** What the gateway says of an attempt's intent, applied to the attempt once. */
    private PayResult apply(PaymentAttempt attempt, GatewayIntent intent, Instant now) {
        return switch (intent.status()) {
            case SUCCEEDED -> {
                if (intent.amountMinor() != attempt.amount().amountMinor()
                        || !attempt.amount().currency().equals(intent.currency())) {
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
                    LOG.info(() -> "payment attempt " + attempt.id() + " declined: " + intent.failureCode());
                    yield new PayResult(PayResult.Kind.DECLINED, intent.failureCode(), null);
                }
                yield PayResult.of(PayResult.Kind.PROCESSING);
            }
        };
    }

    /** The link's own answer (PL3, PL4), as the payer's result. */
    private Optional<PayResult> refusePayment(PaymentLink link, Instant now) {
        return link.unusableAt(now).map(reason -> switch (reason) {
            case PAID -> paymentOf(link).map(p -> new PayResult(PayResult.Kind.ALREADY_PAID, null, p.receiptNumber()))
                    .orElse(PayResult.of(PayResult.Kind.ALREADY_PAID));
            case CLOSED, NOTHING_DUE -> PayResult.of(PayResult.Kind.UNAVAILABLE);
        });
    }

    private static Map<String, String> metadata(PaymentLink link) {
        return Map.of("paylink_link_id", String.valueOf(link.id()),
                "paylink_invoice_id", String.valueOf(link.invoice().id()));
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
