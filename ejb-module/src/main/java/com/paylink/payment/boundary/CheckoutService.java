package com.paylink.payment.boundary;

import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.payment.control.BankDebits;
import com.paylink.payment.control.DeclineGuard;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.PayableAmount;
import com.paylink.payment.control.PaymentRecorder;
import com.paylink.payment.control.StripeAttempts;
import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.entity.LinkUnusable;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import com.paylink.practice.entity.WalletDomain;
import com.paylink.shared.Money;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Paying a link by card: what the payment page shows, the sandbox form, a Stripe PaymentIntent and
 * reading its outcome. Links themselves (opening, locking, settling, renewing) belong to
 * {@link PayerLinkService}. Public: the link id in the payer's session is the only credential.
 * Rules PAY2–PAY8 and PAY16 in package-info.
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

    @Inject
    StripeAttempts attempts;

    @Inject
    DeclineGuard declines;

    @EJB
    PayerLinkService links;

    @Inject
    PaylinkConfig config;

    /** What the payment page shows for the link in the payer's session (null: unknown token). */
    public CheckoutView view(Long linkId) {
        Optional<PaymentLink> found = links.find(linkId);
        if (found.isEmpty()) {
            return CheckoutView.unknown();
        }
        PaymentLink link = found.get();
        String numbers = String.join(", ", link.invoiceNumbers());
        String practice = link.practice().name();
        var contact = link.practice().contact();
        Optional<PaymentAttempt> paid = paidAttemptOf(link);
        if (paid.isPresent()) {
            Payment p = paid.get().payment();
            // one charge, one receipt: for several invoices the amount is the whole charge (PL12); PAY16: what remains
            return CheckoutView.of(CheckoutView.State.PAID, link.id(), practice, contact).invoices(numbers)
                    .paid(p.receiptNumber(), paid.get().amount(), p.receivedAt()).remaining(link.amountDue()).build();
        }
        Optional<LinkUnusable> unusable = link.unusableAt(clock.instant());
        if (unusable.filter(u -> u == LinkUnusable.PAID).isPresent()) {
            return CheckoutView.of(CheckoutView.State.PAID, link.id(), practice, contact).invoices(numbers)
                    .remaining(link.amountDue()).build();
        }
        if (unusable.filter(u -> u == LinkUnusable.LOCKED).isPresent()) {
            return state(CheckoutView.State.LOCKED, link, numbers);
        }
        if (unusable.filter(u -> u == LinkUnusable.INVOICES_CHANGED).isPresent()) {
            return state(CheckoutView.State.INVOICES_CHANGED, link, numbers);
        }
        if (unusable.filter(u -> u == LinkUnusable.BANK_PAYMENT_PROCESSING).isPresent()) {
            Money amount = link.processingAmount().orElseGet(link::amountDue);
            return CheckoutView.of(CheckoutView.State.BANK_PROCESSING, link.id(), practice, contact).invoices(numbers)
                    .processing(new CheckoutView.BankDebit(amount, link.processingSince(),
                            BankDebits.expectedBy(link.processingSince(), config.displayZone())))
                    .build();
        }
        if (unusable.isPresent()) {
            return CheckoutView.unavailable(link.id(), practice, contact);
        }
        if (!gateways.ready() || (gateways.activeKind() == Gateway.STRIPE && link.practice().stripeAccountId() == null)) {
            // not configured, or (P3) the practice has no account of its own to be paid into
            LOG.warning(() -> "link " + link.id() + " opened while card payments are not available for it");
            return state(CheckoutView.State.CARDS_UNAVAILABLE, link, numbers);
        }
        Gateway gateway = gateways.activeKind();
        Money balance = link.amountDue();
        return CheckoutView.of(CheckoutView.State.PAYABLE, link.id(), practice, contact).invoices(numbers)
                .payable(balance, link.expiresAt(), gateway,
                        link.invoices().stream().map(i -> new CheckoutView.Line(i.number(), i.balance())).toList())
                .stripe(gateway == Gateway.STRIPE
                        ? new StripeBrowser(gateways.publishableKey().orElse(null), link.practice().stripeAccountId()) : null)
                .partialMinimum(PayableAmount.smallestPartial(balance, link.partialMinimum()).orElse(null))
                .methods(gateway == Gateway.SANDBOX && link.practice().wallets().filter(WalletDomain::available).isPresent(),
                        link.practice().settings().bankDebitEnabled()) // P7, P8
                .build();
    }

    /**
     * P7 in the sandbox: its simulated wallet pays as {@link #paySandbox(long, PayAmount, SandboxCard, String, String)}
     * with the wallet's test card, and only where the page offers it (the practice's domain is registered for
     * wallets); otherwise it is refused with its own reason and nothing happens.
     */
    public PayResult paySandboxWallet(long linkId, PayAmount asked, String requestKey, String payerAddress) {
        if (!view(linkId).isSandboxWallet()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, "wallet_unavailable", null);
        }
        return paySandbox(linkId, asked, SandboxCard.WALLET, requestKey, payerAddress);
    }

    /** The full balance with the offline sandbox: {@link #paySandbox(long, PayAmount, SandboxCard, String, String)}. */
    public PayResult paySandbox(long linkId, SandboxCard card, String requestKey, String payerAddress) {
        return paySandbox(linkId, PayAmount.FULL_BALANCE, card, requestKey, payerAddress);
    }

    private static CheckoutView state(CheckoutView.State state, PaymentLink link, String numbers) {
        return CheckoutView.of(state, link.id(), link.practice().name(), link.practice().contact()).invoices(numbers).build();
    }

    /**
     * PAY2–PAY4 with the offline sandbox, through the gateway port like any gateway: one request key (the
     * form's) pays at most once; concurrent tries on one invoice queue on its lock and the later ones find
     * it paid; the link is checked now. Refused when the sandbox is not the active gateway. Each decline
     * counts against the link and the payer's address (PAY10). PAY16: the amount asked for is decided
     * under the lock with the live balance and the link's own minimum; a refused one charges nothing.
     *
     * @param payerAddress the client address the request came from (counted as a hash only)
     */
    public PayResult paySandbox(long linkId, PayAmount asked, SandboxCard card, String requestKey, String payerAddress) {
        return paySandbox(linkId, asked, card, requestKey, payerAddress, null);
    }

    /**
     * As {@link #paySandbox(long, PayAmount, SandboxCard, String, String)}; issue 25 (PAY19): with {@code save}, the
     * consent is recorded and the card is kept on file when the payment succeeds.
     */
    public PayResult paySandbox(long linkId, PayAmount asked, SandboxCard card, String requestKey, String payerAddress,
                                SaveCard save) {
        Instant now = clock.instant();
        if (gateways.activeKind() != Gateway.SANDBOX || !gateways.ready()) {
            return PayResult.of(PayResult.Kind.UNAVAILABLE); // PAY7: the sandbox pays only when the operator chose it
        }
        Optional<String> problem = card.problem(YearMonth.from(now.atZone(ZoneOffset.UTC)));
        if (problem.isPresent()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, problem.get(), null);
        }
        return sandboxCharge(linkId, asked, card.paymentMethod(), card.name(), false, requestKey, payerAddress, save);
    }

    /**
     * P8, PAY18 with the offline sandbox: a US bank account debit, where the practice allows it, with the payer's
     * authorization; it is submitted (the link then takes nothing else) and the sandbox's bank answers after {@link
     * com.paylink.payment.control.SandboxGateway#BANK_DELAY} (BankDebitSweep reads the answer). Otherwise as
     * {@link #paySandbox(long, PayAmount, SandboxCard, String, String)}.
     */
    public PayResult paySandboxBank(long linkId, PayAmount asked, SandboxBankAccount account, String requestKey,
                                    String payerAddress) {
        if (gateways.activeKind() != Gateway.SANDBOX || !gateways.ready()) {
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        if (!view(linkId).isBankDebitOffered()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, "bank_unavailable", null);
        }
        Optional<String> problem = account.problem();
        if (problem.isPresent()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, problem.get(), null);
        }
        return sandboxCharge(linkId, asked, account.paymentMethod(), account.name(), true, requestKey, payerAddress, null);
    }

    private PayResult sandboxCharge(long linkId, PayAmount asked, String paymentMethod, String payerName, boolean bankDebit,
                                    String requestKey, String payerAddress, SaveCard save) {
        Instant now = clock.instant();
        if (!asked.fullBalance() && PayableAmount.tooLongToRead(asked.entered())) {
            // refused before the lock: an amount that long is no amount, whatever the balance
            return new PayResult(PayResult.Kind.INVALID_INPUT, PayableAmount.Problem.NOT_A_NUMBER.code(), null);
        }
        Optional<PaymentLink> locked = links.lockForPayment(linkId);
        if (locked.isEmpty()) {
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        PaymentLink link = locked.get();
        Optional<PaymentAttempt> earlier = attemptByKey(Gateway.SANDBOX, requestKey);
        if (earlier.isPresent()) {
            return resultOf(outcome(earlier.get())); // a retried POST: same answer, nothing new
        }
        Optional<PayResult> refusal = refusePayment(link, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        PayableAmount.Decision decision = PayableAmount.decide(asked.fullBalance(), asked.entered(),
                link.amountDue(), link.partialMinimum());
        if (decision.refused()) {
            return new PayResult(PayResult.Kind.INVALID_INPUT, decision.problem().code(), null, decision.limit());
        }
        String addressHash = DeclineGuard.addressHash(payerAddress);
        if (declines.addressBlocked(addressHash, now)) {
            declines.lock(link, now);
            return PayResult.of(PayResult.Kind.LOCKED);
        }
        CardGateway sandbox = gateways.of(Gateway.SANDBOX, null);
        Money amount = decision.amount(); // PL12: a link for several invoices is paid in full (no partial minimum)
        GatewayIntent intent = sandbox.createIntent(amount, requestKey, metadata(link), bankDebit);
        PaymentAttempt attempt = new PaymentAttempt(link, Gateway.SANDBOX, intent.reference(), requestKey, amount, now);
        attempt.payerEntered(payerName);
        attempt.startedFrom(addressHash);
        em.persist(attempt);
        if (save != null && !bankDebit) {
            // PAY19: the consent first, then the intent saves the card on the client's customer (the sandbox's is
            // named by the same key Stripe's is made with)
            attempt.saveConsent(save.consentText(), save.name() == null || save.name().isBlank() ? payerName : save.name(), now);
            sandbox.saveCardFor(intent.reference(), sandbox.createCustomer(
                    StripeAttempts.customerKey(link.invoice().client().id()), Map.of()));
        }
        recorder.apply(attempt, sandbox.confirm(intent.reference(), paymentMethod), now);
        if (attempt.status() == AttemptStatus.FAILED && declines.declined(link, addressHash, attempt.failureCode(), now)) {
            return new PayResult(PayResult.Kind.LOCKED, attempt.failureCode(), null);
        }
        return resultOf(outcome(attempt));
    }

    /** The full balance with Stripe: {@link #startStripe(long, PayAmount)}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StripeStart> startStripe(long linkId) {
        return startStripe(linkId, PayAmount.FULL_BALANCE);
    }

    /**
     * PAY5, PAY8 with Stripe, when the payer asks to pay (never while a page renders): the link's one
     * PaymentIntent, created for the amount asked (PAY16: the live balance, or an amount the link allows)
     * with an idempotency key from our own attempt (whose id its metadata carries), or reused and re-priced
     * if the amount changed. The call to Stripe runs outside any transaction: the invoice lock is held only
     * while the attempt is written, before, and while Stripe's answer is recorded, after. The card goes to
     * Stripe, never here.
     *
     * @throws AmountRefused when the amount cannot be paid through this link; nothing is written or asked of Stripe
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StripeStart> startStripe(long linkId, PayAmount asked) {
        return startStripe(linkId, asked, null);
    }

    /**
     * As {@link #startStripe(long, PayAmount)}, for a payer at {@code payerAddress} (counted as a hash only, PAY10): an
     * address that has used up its declines starts nothing, and the link locks.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StripeStart> startStripe(long linkId, PayAmount asked, String payerAddress) {
        return startStripe(linkId, asked, payerAddress, null);
    }

    /**
     * As {@link #startStripe(long, PayAmount, String)}; issue 25 (PAY19): with {@code save} (the payer ticked "Save this
     * card"), the consent is recorded on the attempt and the intent saves the card on the client's customer at Stripe
     * ({@code setup_future_usage=off_session}; the customer made once per client), kept as a card on file when the
     * payment succeeds; without it, an intent an earlier try set to save is set back.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<StripeStart> startStripe(long linkId, PayAmount asked, String payerAddress, SaveCard save) {
        if (gateways.activeKind() != Gateway.STRIPE || !gateways.ready()) {
            return Optional.empty();
        }
        Optional<StripeAttempts.Plan> plan;
        try {
            plan = attempts.plan(linkId, asked.fullBalance(), asked.entered(), DeclineGuard.addressHash(payerAddress),
                    save == null ? null : save.consentText(), save == null ? null : save.name());
        } catch (PayableAmount.Refused refused) {
            throw new AmountRefused(refused.decision().problem().code(), refused.decision().limit());
        }
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        StripeAttempts.Plan p = plan.get();
        if (p.account() == null) {
            return Optional.empty(); // P3: the practice has no account of its own yet
        }
        CardGateway stripe = gateways.of(Gateway.STRIPE, p.account()); // P3: the practice's own account
        String customer = null;
        if (p.saving()) {
            customer = p.customer() != null ? p.customer()
                    : attempts.customerMade(p.clientId(), stripe.createCustomer(StripeAttempts.customerKey(p.clientId()),
                    Map.of("paylink_client_id", String.valueOf(p.clientId()))));
        }
        GatewayIntent intent;
        if (p.reference() == null) {
            intent = stripe.createIntent(p.amount(), p.idempotencyKey(), p.metadata(), p.bankDebit());
        } else {
            intent = stripe.retrieve(p.reference());
            if (intent.status() == IntentStatus.REQUIRES_PAYMENT && intent.amountMinor() != p.amount().amountMinor()) {
                intent = stripe.updateAmount(p.reference(), p.amount());
            }
        }
        if ((p.saving() || p.savedBefore()) && intent.status() == IntentStatus.REQUIRES_PAYMENT) {
            intent = stripe.saveCardFor(intent.reference(), customer); // PAY19: as the box says now (null: nothing saved)
        }
        boolean open = attempts.record(p.attemptId(), intent);
        if (intent.status() == IntentStatus.CANCELED) {
            return Optional.empty(); // canceled meanwhile (its link closed); the payer sees the page say so
        }
        if (!open && intent.status() == IntentStatus.REQUIRES_PAYMENT) {
            // PAY16: its attempt was replaced while Stripe made it (another tab asked for another amount): the
            // intent is never handed out, and canceled so nothing can pay it
            stripe.cancel(intent.reference());
            return Optional.empty();
        }
        return Optional.of(new StripeStart(gateways.publishableKey().orElse(""), intent.clientSecret(), intent.reference(),
                intent.amountMinor()));
    }

    /**
     * Reads a Stripe PaymentIntent as Stripe sees it now and settles it once (PAY5, PAY2). Used by the
     * return page; it trusts nothing but the stored intent id and Stripe's answer, read outside any
     * transaction.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PayResult syncStripeIntent(String intentId) {
        Optional<String> account = intentId == null ? Optional.empty() : attempts.accountOf(intentId);
        if (account.isEmpty()) {
            LOG.warning(() -> "Stripe intent " + intentId + " is not one of ours; ignored");
            return PayResult.of(PayResult.Kind.UNAVAILABLE);
        }
        GatewayIntent intent = gateways.of(Gateway.STRIPE, account.get()).retrieve(intentId);
        return attempts.apply(intent).map(CheckoutService::resultOf).orElse(PayResult.of(PayResult.Kind.UNAVAILABLE));
    }

    /** The link's own answer (PL3, PL4), as the payer's result. */
    private Optional<PayResult> refusePayment(PaymentLink link, Instant now) {
        return link.unusableAt(now).map(reason -> switch (reason) {
            case PAID -> paidAttemptOf(link).map(a -> new PayResult(PayResult.Kind.ALREADY_PAID, null, a.payment().receiptNumber()))
                    .orElse(PayResult.of(PayResult.Kind.ALREADY_PAID));
            case LOCKED -> PayResult.of(PayResult.Kind.LOCKED);
            case BANK_PAYMENT_PROCESSING -> PayResult.of(PayResult.Kind.PROCESSING);
            case CLOSED, NOTHING_DUE, INVOICES_CHANGED -> PayResult.of(PayResult.Kind.UNAVAILABLE);
        });
    }

    private static Map<String, String> metadata(PaymentLink link) {
        return StripeAttempts.metadata(link, null);
    }

    private static StripeAttempts.Outcome outcome(PaymentAttempt attempt) {
        return new StripeAttempts.Outcome(attempt.status(), attempt.failureCode(),
                attempt.payment() == null ? null : attempt.payment().receiptNumber());
    }

    private static PayResult resultOf(StripeAttempts.Outcome outcome) {
        return switch (outcome.status()) {
            case SUCCEEDED -> new PayResult(PayResult.Kind.PAID, null, outcome.receiptNumber());
            case FAILED -> new PayResult(PayResult.Kind.DECLINED, outcome.failureCode(), null);
            case NEEDS_REFUND, REFUNDED -> PayResult.of(PayResult.Kind.CHARGE_REFUNDED);
            case PENDING, PROCESSING -> PayResult.of(PayResult.Kind.PROCESSING);
            case CANCELED, RETURNED -> PayResult.of(PayResult.Kind.UNAVAILABLE);
        };
    }

    private Optional<PaymentAttempt> paidAttemptOf(PaymentLink link) {
        return em.createQuery("select a from PaymentAttempt a where a.link = :l and a.status = :s", PaymentAttempt.class)
                .setParameter("l", link)
                .setParameter("s", AttemptStatus.SUCCEEDED)
                .getResultStream().findFirst();
    }

    private Optional<PaymentAttempt> attemptByKey(Gateway gateway, String key) {
        return em.createQuery("select a from PaymentAttempt a where a.gateway = :g and a.idempotencyKey = :k",
                        PaymentAttempt.class)
                .setParameter("g", gateway).setParameter("k", key)
                .getResultStream().findFirst();
    }

}
