package com.paylink.payment.control;

import com.paylink.payment.control.gateway.CardGateway;
import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewaySavedCard;
import com.paylink.payment.control.gateway.GatewayRefund;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.control.gateway.IntentStatus;
import com.paylink.shared.CardSummary;
import com.paylink.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The offline sandbox: behaves like Stripe's test mode for Stripe's test PaymentMethods, charges nothing
 * and talks to nobody. Its intents and refunds live in this server's memory (they are demo money; the
 * database keeps what matters: attempts and payments). Same keys give the same intent or refund.
 */
@ApplicationScoped
public class SandboxGateway implements CardGateway {

    /** Stripe's test PaymentMethods and what they do (see ../shared/STACK.md for the card numbers). */
    static final Map<String, String> OUTCOMES = Map.of(
            "pm_card_visa", "succeeded",
            "pm_card_visa_chargeDeclined", "card_declined",
            "pm_card_visa_chargeDeclinedInsufficientFunds", "insufficient_funds",
            "pm_card_chargeDeclinedExpiredCard", "expired_card",
            "pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc",
            "pm_card_chargeDeclinedProcessingError", "processing_error",
            "pm_card_authenticationRequired", "authentication_required");
    /** The card each succeeding test PaymentMethod stands for, as Stripe reports it on the charge. */
    static final Map<String, CardSummary> CARDS = Map.of("pm_card_visa", new CardSummary("visa", "4242"));
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * PAY18: the sandbox's US bank accounts, named as Stripe's ACH test accounts behave (routing 110000000): the
     * debit succeeds, or the bank returns it with Stripe's code. Null: it succeeds.
     */
    static final Map<String, String> BANK_OUTCOMES = Map.of(
            "pm_usBankAccount_success", "succeeded",
            "pm_usBankAccount_accountClosed", "account_closed",
            "pm_usBankAccount_noAccount", "no_account",
            "pm_usBankAccount_insufficientFunds", "insufficient_funds",
            "pm_usBankAccount_debitNotAuthorized", "debit_not_authorized");
    /**
     * How long the sandbox's bank takes to answer a debit (Stripe: about 4 business days; the demo waits two minutes,
     * and tests move the clock). The answer is read when the intent is next read.
     */
    public static final Duration BANK_DELAY = Duration.ofMinutes(2);

    @Inject
    Clock clock = Clock.systemUTC();

    /** Intents that take a bank account too (P8), and the bank debits under way: when and how each ends. */
    private final java.util.Set<String> bankAllowed = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, BankDebit> debits = new ConcurrentHashMap<>();

    private record BankDebit(Instant answersAt, String outcome) {
    }

    /**
     * Issue 25: customers by key, the intents that save their card (for which customer), and detached cards. A saved
     * card's id names the test PaymentMethod it stands for ({@code sbx_pm_<random>_<pm_card_...>}), so a card saved
     * before this server restarted can still be charged; Paylink's own rows say whether it may be.
     */
    private final ConcurrentMap<String, String> savingFor = new ConcurrentHashMap<>();
    private final java.util.Set<String> detached = ConcurrentHashMap.newKeySet();
    private static final String SAVED_PREFIX = "sbx_pm_";
    /** Off-session, Stripe's test cards that need their holder, or attach but are declined when charged. */
    static final Map<String, String> OFF_SESSION_OUTCOMES = Map.of(
            "pm_card_authenticationRequired", "authentication_required",
            "pm_card_chargeCustomerFail", "card_declined");

    private final ConcurrentMap<String, GatewayIntent> intents = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> intentByKey = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, GatewayRefund> refundByKey = new ConcurrentHashMap<>();

    /**
     * Forgets every intent, refund and bank debit: the demo's reset on request (a test server's fresh demo data
     * between test classes) starts ids from 1 again, so keys made from them must not find the last class's intents.
     */
    public void forgetEverything() {
        bankAllowed.clear();
        debits.clear();
        intents.clear();
        intentByKey.clear();
        refundByKey.clear();
        savingFor.clear();
        detached.clear();
    }

    /** The same key names the same customer, also after this server restarted (a digest of the key). */
    @Override
    public String createCustomer(String idempotencyKey, Map<String, String> metadata) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("sandbox-customer:" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sbx_cus_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public GatewayIntent saveCardFor(String reference, String customer) {
        GatewayIntent intent = known(reference);
        if (intent.status() != IntentStatus.REQUIRES_PAYMENT) {
            throw new GatewayUnavailable("sandbox intent " + reference + " is " + intent.status() + "; what it saves is fixed", null);
        }
        if (customer == null) {
            savingFor.remove(reference);
        } else {
            savingFor.put(reference, customer);
        }
        return intent;
    }

    @Override
    public GatewayIntent chargeSaved(Money amount, String customer, String paymentMethod, String idempotencyKey,
                                     Map<String, String> metadata) {
        GatewaySavedCard card = savedCard(paymentMethod);
        if (card.customer() == null || !card.customer().equals(customer)) {
            throw new GatewayUnavailable("sandbox card " + paymentMethod + " is not saved on " + customer, null);
        }
        String reference = intentByKey.computeIfAbsent(idempotencyKey, k -> {
            String id = "sbx_pi_" + randomId();
            String testMethod = paymentMethod.substring(SAVED_PREFIX.length()).split("_", 3)[2];
            String outcome = OFF_SESSION_OUTCOMES.getOrDefault(testMethod, OUTCOMES.getOrDefault(testMethod, "test_mode_live_card"));
            intents.put(id, "succeeded".equals(outcome)
                    ? new GatewayIntent(id, null, IntentStatus.SUCCEEDED, amount.amountMinor(), amount.currency(), null,
                    new CardSummary(card.brand(), card.last4()), paymentMethod, null)
                    : new GatewayIntent(id, null, IntentStatus.REQUIRES_PAYMENT, amount.amountMinor(), amount.currency(), outcome,
                    null, paymentMethod, null));
            return id;
        });
        return intents.get(reference);
    }

    @Override
    public GatewaySavedCard savedCard(String paymentMethod) {
        String[] parts = paymentMethod == null || !paymentMethod.startsWith(SAVED_PREFIX) ? new String[0]
                : paymentMethod.substring(SAVED_PREFIX.length()).split("_", 3); // random, customer's random, test method
        if (parts.length != 3) {
            throw new GatewayUnavailable("no sandbox card " + paymentMethod, null);
        }
        CardSummary summary = CARDS.getOrDefault(parts[2], new CardSummary("visa", "4242"));
        return new GatewaySavedCard(paymentMethod, detached.contains(paymentMethod) ? null : "sbx_cus_" + parts[1],
                summary.brand(), summary.last4(), 12, 2039, "credit");
    }

    @Override
    public void detach(String paymentMethod) {
        detached.add(savedCard(paymentMethod).reference());
    }

    @Override
    public GatewayIntent createIntent(Money amount, String idempotencyKey, Map<String, String> metadata, boolean bankDebit) {
        String reference = intentByKey.computeIfAbsent(idempotencyKey, k -> {
            String id = "sbx_pi_" + randomId();
            if (bankDebit) {
                bankAllowed.add(id);
            }
            intents.put(id, new GatewayIntent(id, null, IntentStatus.REQUIRES_PAYMENT, amount.amountMinor(),
                    amount.currency(), null, null));
            return id;
        });
        return intents.get(reference);
    }

    @Override
    public GatewayIntent updateAmount(String reference, Money amount) {
        GatewayIntent intent = known(reference);
        if (intent.status() != IntentStatus.REQUIRES_PAYMENT) {
            throw new GatewayUnavailable("sandbox intent " + reference + " is " + intent.status() + "; its amount is fixed", null);
        }
        GatewayIntent after = new GatewayIntent(reference, intent.clientSecret(), intent.status(), amount.amountMinor(),
                amount.currency(), intent.failureCode(), intent.card());
        intents.put(reference, after);
        return after;
    }

    @Override
    public GatewayIntent confirm(String reference, String paymentMethod) {
        GatewayIntent intent = known(reference);
        if (intent.status() == IntentStatus.SUCCEEDED || intent.status() == IntentStatus.CANCELED) {
            return intent; // as Stripe: a settled intent cannot be confirmed again
        }
        if (BANK_OUTCOMES.containsKey(paymentMethod)) {
            return startDebit(intent, paymentMethod);
        }
        if (intent.status() == IntentStatus.PROCESSING) {
            return intent; // as Stripe: a processing intent cannot be confirmed again
        }
        String outcome = OUTCOMES.getOrDefault(paymentMethod, "test_mode_live_card");
        GatewayIntent after = "succeeded".equals(outcome)
                ? with(intent, IntentStatus.SUCCEEDED, null, CARDS.get(paymentMethod))
                : with(intent, IntentStatus.REQUIRES_PAYMENT, outcome, null);
        String customer = savingFor.get(reference);
        if (customer != null && after.status() == IntentStatus.SUCCEEDED) {
            // issue 25: the card is saved on the customer; its id carries the customer's and the test method's names
            String saved = SAVED_PREFIX + randomId() + "_" + customer.substring("sbx_cus_".length()) + "_" + paymentMethod;
            after = new GatewayIntent(after.reference(), after.clientSecret(), after.status(), after.amountMinor(), after.currency(),
                    null, after.card(), saved, savedCard(saved));
        }
        intents.put(reference, after);
        return after;
    }

    /** PAY18: a bank debit is submitted; the bank answers after {@link #BANK_DELAY}. Refused where the intent takes cards only. */
    private GatewayIntent startDebit(GatewayIntent intent, String paymentMethod) {
        if (!bankAllowed.contains(intent.reference())) {
            throw new GatewayUnavailable("sandbox intent " + intent.reference() + " does not take bank accounts", null);
        }
        if (intent.status() != IntentStatus.REQUIRES_PAYMENT) {
            return intent;
        }
        debits.put(intent.reference(), new BankDebit(clock.instant().plus(BANK_DELAY), BANK_OUTCOMES.get(paymentMethod)));
        GatewayIntent after = with(intent, IntentStatus.PROCESSING, null, new CardSummary(CardSummary.BANK_ACCOUNT, "6789"));
        intents.put(intent.reference(), after);
        return after;
    }

    /** The intent as it is now: a bank debit whose time has come is answered first (PAY18). */
    @Override
    public GatewayIntent retrieve(String reference) {
        GatewayIntent intent = known(reference);
        BankDebit debit = debits.get(reference);
        if (debit != null && intent.status() == IntentStatus.PROCESSING && !clock.instant().isBefore(debit.answersAt())) {
            GatewayIntent after = "succeeded".equals(debit.outcome())
                    ? with(intent, IntentStatus.SUCCEEDED, null, intent.card())
                    : with(intent, IntentStatus.REQUIRES_PAYMENT, debit.outcome(), null);
            intents.put(reference, after);
            debits.remove(reference);
            return after;
        }
        return intent;
    }

    /** Whether the sandbox still holds the intent (its memory is lost when the server restarts). */
    public boolean knows(String reference) {
        return reference != null && intents.containsKey(reference);
    }

    @Override
    public GatewayIntent cancel(String reference) {
        GatewayIntent intent = known(reference);
        if (intent.status() == IntentStatus.SUCCEEDED || intent.status() == IntentStatus.PROCESSING) {
            throw new GatewayUnavailable("sandbox intent " + reference + " is " + intent.status() + "; it cannot be canceled", null);
        }
        GatewayIntent after = with(intent, IntentStatus.CANCELED, intent.failureCode(), null);
        intents.put(reference, after);
        return after;
    }

    @Override
    public GatewayRefund refund(String reference, Money amount, String idempotencyKey) {
        GatewayIntent intent = reference == null ? null : intents.get(reference);
        if (intent == null && reference != null && reference.startsWith("sbx_pi_")) {
            // taken before this server restarted: demo money, and the ledger has checked the amount
            return refundByKey.computeIfAbsent(idempotencyKey, k -> new GatewayRefund("sbx_re_" + randomId(), reference,
                    amount.amountMinor(), amount.currency(), GatewayRefund.Status.SUCCEEDED, idempotencyKey));
        }
        intent = known(reference);
        if (intent.status() != IntentStatus.SUCCEEDED || amount.amountMinor() > intent.amountMinor()) {
            throw new GatewayUnavailable("sandbox intent " + reference + " cannot be refunded by " + amount, null);
        }
        return refundByKey.computeIfAbsent(idempotencyKey, k -> new GatewayRefund("sbx_re_" + randomId(), reference,
                amount.amountMinor(), amount.currency(), GatewayRefund.Status.SUCCEEDED, idempotencyKey));
    }

    @Override
    public GatewayRefund retrieveRefund(String refundReference) {
        return refundByKey.values().stream().filter(r -> r.reference().equals(refundReference)).findFirst()
                .orElseThrow(() -> new GatewayUnavailable("no sandbox refund " + refundReference + " on this server", null));
    }

    @Override
    public java.util.List<GatewayRefund> refundsOf(String intentReference) {
        return refundByKey.values().stream().filter(r -> r.intentReference().equals(intentReference)).toList();
    }

    /** The sandbox acts at once and in-process: there is nothing to reconcile. */
    @Override
    public java.util.List<String> eventsSince(java.time.Instant since, java.util.List<String> types) {
        return java.util.List.of();
    }

    /** The sandbox has no card networks, so no disputes. */
    @Override
    public com.paylink.payment.control.gateway.GatewayDispute retrieveDispute(String disputeReference) {
        throw new GatewayUnavailable("the sandbox has no disputes", null);
    }

    private GatewayIntent known(String reference) {
        GatewayIntent intent = reference == null ? null : intents.get(reference);
        if (intent == null) {
            throw new GatewayUnavailable("no sandbox intent " + reference + " on this server", null);
        }
        return intent;
    }

    private static GatewayIntent with(GatewayIntent intent, IntentStatus status, String failureCode, CardSummary card) {
        return new GatewayIntent(intent.reference(), intent.clientSecret(), status, intent.amountMinor(),
                intent.currency(), failureCode, card);
    }

    private static String randomId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
