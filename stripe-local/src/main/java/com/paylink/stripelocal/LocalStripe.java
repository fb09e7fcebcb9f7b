package com.paylink.stripelocal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Stripe-compatible server: the endpoints stripe-java calls for PaymentIntents (create with an
 * Idempotency-Key, retrieve, update, confirm, cancel), Refunds, Disputes, Events and Connect accounts, and the half
 * that runs in the payer's browser: the stand-in Stripe.js ({@code GET /v3/}, see {@code stripe-v3.js} beside this
 * class), its confirmation with the publishable key, a 3-D Secure challenge page and a Connect onboarding page.
 * Tests can also move intents themselves ("succeeded", a decline) as a payer at Stripe would. A succeeded intent has
 * a charge ({@code latest_charge}, an id, or with {@code expand[]=latest_charge} the charge with the card's brand and
 * last four digits in {@code payment_method_details.card}, as Stripe reports them).
 * <p>
 * It refuses what Stripe refuses: an API call without a secret key; a browser confirmation with a secret key, with a
 * client secret that is not the intent's, or without the connected account the intent lives on ("No such
 * payment_intent", 404, exactly as for an intent that does not exist); a confirmation of an intent already succeeded
 * or canceled. docs/payments.md lists what it reproduces and what it does not.
 */
public final class LocalStripe implements AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LocalStripe.class.getName());

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService handlers;
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final Map<String, String> byIdempotencyKey = new ConcurrentHashMap<>();
    private final AtomicInteger creates = new AtomicInteger();
    private final Map<String, String> refundByKey = new ConcurrentHashMap<>();
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.List<String> refundKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean refuseRefunds;
    /** While set, creating an intent waits for it: lets a test act while Paylink is inside a Stripe call. */
    private volatile java.util.concurrent.CountDownLatch holdCreates;
    private final java.util.concurrent.CountDownLatch createArrived = new java.util.concurrent.CountDownLatch(1);

    public static final class Intent {
        final String id;
        volatile long amount;
        final String currency;
        volatile String status = "requires_payment_method";
        volatile String declineCode;
        final Map<String, String> metadata = new ConcurrentHashMap<>();
        /** The connected account (Stripe-Account header) the intent was created on; null for the platform. */
        volatile String account;
        /** The card that paid it, once it succeeded: brand and last four digits. */
        volatile String cardBrand;
        volatile String cardLast4;
        /** Stripe's secret for the browser: the intent's id, "_secret_" and a random part. */
        final String clientSecret;
        /** The failed payment's code and message (Stripe's last_payment_error), beside the decline code. */
        volatile String errorCode;
        volatile String errorMessage;
        /** The wallet that paid it (apple_pay, google_pay), if one did: Stripe reports it in the card's details. */
        volatile String wallet;
        /** Where the payer goes after a redirect (3-D Secure), as the confirmation gave it. */
        volatile String returnUrl;
        /** A 3-D Secure challenge waits for the payer: the page's address (Stripe's next_action.redirect_to_url). */
        volatile String challengeUrl;
        /** The payment method types the intent was created with (Stripe's payment_method_types). */
        volatile List<String> methods = List.of("card");
        /** A US bank account debit (ACH): the account's last four digits, and how the bank will answer (null: success). */
        volatile String bankLast4;
        volatile TestBankAccounts.Outcome bankOutcome;
        /** Issue 25: the customer the intent is for, whether its card is to be saved on it, and the card it used. */
        volatile String customer;
        volatile String setupFutureUsage;
        volatile String paymentMethod;
        volatile String cardFunding = "credit";
        volatile int expMonth = 12;
        volatile int expYear = 2039;

        Intent(String id, long amount, String currency) {
            this.id = id;
            this.amount = amount;
            this.currency = currency;
            this.clientSecret = id + "_secret_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        }

        public long amount() {
            return amount;
        }

        public String id() {
            return id;
        }

        public String status() {
            return status;
        }

        public String clientSecret() {
            return clientSecret;
        }

        String json() {
            return json(false);
        }

        /** The intent; with {@code expandCharge}, its latest charge as an object rather than an id. */
        String json(boolean expandCharge) {
            String error = declineCode == null && errorCode == null ? "null"
                    : "{\"type\":\"card_error\",\"code\":\"" + (errorCode == null ? "card_declined" : errorCode) + "\""
                    + (declineCode == null ? "" : ",\"decline_code\":\"" + declineCode + "\"")
                    + (errorMessage == null ? "" : ",\"message\":\"" + jsonText(errorMessage) + "\"") + "}";
            String next = challengeUrl == null || !"requires_action".equals(status) ? "null"
                    : "{\"type\":\"redirect_to_url\",\"redirect_to_url\":{\"url\":\"" + challengeUrl + "\",\"return_url\":\""
                    + jsonText(returnUrl) + "\"}}";
            String chargeId = "ch_" + id.substring(3);
            boolean bank = bankLast4 != null && ("processing".equals(status) || "succeeded".equals(status));
            String charge = bank ? (!expandCharge ? "\"" + chargeId + "\"" : bankCharge(chargeId))
                    : !"succeeded".equals(status) ? "null" : !expandCharge ? "\"" + chargeId + "\""
                    : "{\"id\":\"" + chargeId + "\",\"object\":\"charge\",\"amount\":" + amount + ",\"currency\":\"" + currency
                    + "\",\"payment_intent\":\"" + id + "\",\"status\":\"succeeded\",\"payment_method_details\":{\"type\":\"card\","
                    + "\"card\":{\"brand\":\"" + cardBrand + "\",\"last4\":\"" + cardLast4 + "\",\"exp_month\":" + expMonth
                    + ",\"exp_year\":" + expYear + ",\"funding\":\"" + cardFunding + "\",\"country\":\"US\",\"wallet\":" + (wallet == null ? "null" : "{\"type\":\"" + wallet + "\"}") + "}}}";
            return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + amount + ",\"currency\":\""
                    + currency + "\",\"status\":\"" + status + "\",\"client_secret\":\"" + clientSecret + "\","
                    + "\"payment_method_types\":[" + String.join(",", methods.stream().map(m -> "\"" + m + "\"").toList()) + "],"
                    + "\"livemode\":false,\"last_payment_error\":" + error + ",\"next_action\":" + next
                    + ",\"customer\":" + quoted(customer) + ",\"setup_future_usage\":" + quoted(setupFutureUsage)
                    + ",\"payment_method\":" + quoted(paymentMethod) + ",\"latest_charge\":" + charge + "}";
        }

        /** An ACH debit's charge: pending while the debit is processing, then succeeded, the account's last four. */
        private String bankCharge(String chargeId) {
            return "{\"id\":\"" + chargeId + "\",\"object\":\"charge\",\"amount\":" + amount + ",\"currency\":\"" + currency
                    + "\",\"payment_intent\":\"" + id + "\",\"status\":\"" + ("succeeded".equals(status) ? "succeeded" : "pending")
                    + "\",\"payment_method_details\":{\"type\":\"us_bank_account\",\"us_bank_account\":{\"account_holder_type\":"
                    + "\"individual\",\"account_type\":\"checking\",\"bank_name\":\"STRIPE TEST BANK\",\"last4\":\"" + bankLast4
                    + "\",\"routing_number\":\"110000000\"}}}";
        }
    }

    /** A connected account (Stripe Connect) as Paylink reads it. */
    public static final class Account {
        final String id;
        volatile boolean chargesEnabled;
        volatile boolean detailsSubmitted;
        volatile String disabledReason = "requirements.past_due";

        Account(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean chargesEnabled() {
            return chargesEnabled;
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"object\":\"account\",\"charges_enabled\":" + chargesEnabled
                    + ",\"details_submitted\":" + detailsSubmitted + ",\"requirements\":{\"currently_due\":"
                    + (chargesEnabled ? "[]" : "[\"external_account\"]") + ",\"disabled_reason\":"
                    + (chargesEnabled ? "null" : "\"" + disabledReason + "\"") + "}}";
        }
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, String> accountByKey = new ConcurrentHashMap<>();
    private final java.util.List<String> refundAccounts = new java.util.concurrent.CopyOnWriteArrayList<>();

    public LocalStripe() throws IOException {
        this(0);
    }

    /** On {@code port} of the loopback address (0: any free port). */
    public LocalStripe(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        handlers = java.util.concurrent.Executors.newFixedThreadPool(16);
        server.setExecutor(handlers);
        server.createContext("/v1/accounts", this::accounts);
        server.createContext("/v1/account_links", this::accountLinks);
        server.createContext("/v1/payment_intents", this::paymentIntents);
        server.createContext("/v1/customers", this::customers);
        server.createContext("/v1/payment_methods", this::paymentMethods);
        server.createContext("/v1/refunds", this::refunds);
        server.createContext("/v1/disputes", this::disputes);
        server.createContext("/v1/events", this::eventList);
        server.createContext("/v1/payment_method_domains", this::paymentMethodDomains);
        server.createContext(WALLETS, this::walletsOffered);
        server.createContext("/v3", this::standInScript);
        server.createContext(CHALLENGE, this::challenge);
        server.createContext(ONBOARDING, this::onboarding);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request Paylink made, of any kind. */
    public int requests() {
        return requests.get();
    }

    /** Holds every intent creation until the returned latch is released. */
    public java.util.concurrent.CountDownLatch holdCreates() {
        holdCreates = new java.util.concurrent.CountDownLatch(1);
        return holdCreates;
    }

    /** Waits until a creation has arrived (and is being held). */
    public boolean awaitCreate(long seconds) throws InterruptedException {
        return createArrived.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    public int creates() {
        return creates.get();
    }

    /** The Idempotency-Key of every refund request, in order. */
    public java.util.List<String> refundKeys() {
        return refundKeys;
    }

    /** From now on every refund is refused, as Stripe does when the balance or the key's rights do not allow it. */
    public void refuseRefunds() {
        refuseRefunds = true;
    }

    /** How much of an intent has been refunded. */
    public long refunded(String intentId) {
        return refunded.getOrDefault(intentId, 0L);
    }

    public Intent intent(String id) {
        return intents.get(id);
    }

    public Account account(String id) {
        return accounts.get(id);
    }

    public java.util.Collection<Account> accounts() {
        return accounts.values();
    }

    /** Stripe finished onboarding the account: it can take charges. */
    public void enable(String accountId) {
        Account account = accounts.get(accountId);
        account.chargesEnabled = true;
        account.detailsSubmitted = true;
        saveAccounts();
    }

    /** Stripe stopped charges on the account for {@code reason}. */
    public void restrict(String accountId, String reason) {
        Account account = accounts.get(accountId);
        account.chargesEnabled = false;
        account.detailsSubmitted = true;
        account.disabledReason = reason;
    }

    /** An account.updated event as Stripe would post it for the account as it is now. */
    public String accountEvent(String eventId, String accountId) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"account.updated\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + (System.currentTimeMillis() / 1000) + ",\"livemode\":false,\"account\":\"" + accountId + "\","
                + "\"data\":{\"object\":" + accounts.get(accountId).json() + "}}";
    }

    /** The connected account of each refund request, in order. */
    public java.util.List<String> refundAccounts() {
        return refundAccounts;
    }

    /** The connected account an intent was created on. */
    public String accountOf(String intentId) {
        return intents.get(intentId).account;
    }

    /** The wallet that paid the intent (apple_pay, google_pay), or null for a card typed in. */
    public String wallet(String id) {
        return intents.get(id).wallet;
    }

    public String status(String id) {
        return intents.get(id).status;
    }

    public Map<String, String> metadata(String id) {
        return intents.get(id).metadata;
    }

    /** The payer paid at Stripe with the Visa test card (4242). */
    public void succeed(String id) {
        succeed(id, "visa", "4242");
    }

    /** The payer paid at Stripe with a card of {@code brand} ending in {@code last4}. */
    public void succeed(String id, String brand, String last4) {
        Intent intent = intents.get(id);
        intent.cardBrand = brand;
        intent.cardLast4 = last4;
        intent.status = "succeeded";
        intent.declineCode = null;
        intent.errorCode = null;
        intent.errorMessage = null;
        intent.challengeUrl = null;
    }

    public void decline(String id, String code) {
        Intent intent = intents.get(id);
        intent.status = "requires_payment_method";
        intent.declineCode = code;
        intent.errorCode = "card_declined";
        intent.errorMessage = null;
    }

    /** The amount the intent is for now (after any update). */
    public long amount(String id) {
        return intents.get(id).amount;
    }

    /** A payment_intent event as Stripe would post it, for the intent as it is now. */
    public String event(String eventId, String type, String intentId) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + (System.currentTimeMillis() / 1000) + ",\"livemode\":false,"
                + "\"data\":{\"object\":" + intents.get(intentId).json() + "}}";
    }

    private static boolean authorized(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer sk_test_")) {
            respond(exchange, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key\"}}");
            return false;
        }
        return true;
    }

    /** Stripe's test PaymentMethods: pm_card_visa succeeds, the chargeDeclined ones decline. */
    private static String declineOf(String paymentMethod) {
        if ("pm_card_visa".equals(paymentMethod)) {
            return null;
        }
        return paymentMethod != null && paymentMethod.contains("InsufficientFunds") ? "insufficient_funds" : "generic_decline";
    }

    private void paymentIntents(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (exchange.getRequestHeaders().getFirst("Authorization") == null
                && exchange.getRequestURI().getPath().matches("/v1/payment_intents/[^/]+/confirm")) {
            browserConfirms(exchange); // Stripe.js: the publishable key and the client secret in the form
            return;
        }
        if (!authorized(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        boolean post = "POST".equals(exchange.getRequestMethod());
        String onAccount = exchange.getRequestHeaders().getFirst("Stripe-Account");
        if (path.startsWith("/v1/payment_intents/")) {
            Intent named = intents.get(path.split("/")[3]);
            if (named != null && !java.util.Objects.equals(named.account, onAccount)) {
                // as Stripe: an object of another account does not exist for this one
                respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
                return;
            }
        }
        if (post && path.matches("/v1/payment_intents/[^/]+/(confirm|cancel)")) {
            String[] parts = path.split("/");
            Intent intent = intents.get(parts[3]);
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (intent == null || "succeeded".equals(intent.status) || "canceled".equals(intent.status)) {
                respond(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"payment_intent_unexpected_state\"}}");
            } else if ("cancel".equals(parts[4])) {
                intent.status = "canceled";
                respond(exchange, 200, intent.json());
            } else {
                String decline = declineOf(form.get("payment_method"));
                if (decline == null) {
                    succeed(intent.id);
                } else {
                    decline(intent.id, decline);
                }
                respond(exchange, 200, intent.json(expandsCharge(form)));
            }
            return;
        }
        if (post && path.matches("/v1/payment_intents/[^/]+")) {
            Intent intent = intents.get(path.substring("/v1/payment_intents/".length()));
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (intent == null || !"requires_payment_method".equals(intent.status)) {
                respond(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"payment_intent_unexpected_state\"}}");
            } else {
                String refusal = savingRefusal(form, onAccount);
                if (refusal != null) {
                    respond(exchange, 400, refusal);
                    return;
                }
                if (form.containsKey("amount")) {
                    intent.amount = Long.parseLong(form.get("amount"));
                }
                if (form.containsKey("customer")) {
                    intent.customer = form.get("customer").isEmpty() ? null : form.get("customer");
                }
                if (form.containsKey("setup_future_usage")) {
                    // Stripe: an empty value unsets it
                    intent.setupFutureUsage = form.get("setup_future_usage").isEmpty() ? null : form.get("setup_future_usage");
                }
                respond(exchange, 200, intent.json());
            }
            return;
        }
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/payment_intents")) {
            createArrived.countDown();
            java.util.concurrent.CountDownLatch hold = holdCreates;
            if (hold != null) {
                try {
                    hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String existing = key == null ? null : byIdempotencyKey.get(key);
            if (existing != null) {
                respond(exchange, 200, intents.get(existing).json());
                return;
            }
            String refusal = savingRefusal(form, onAccount);
            if (refusal != null) {
                respond(exchange, 400, refusal);
                return;
            }
            creates.incrementAndGet();
            Intent intent = new Intent("pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20),
                    Long.parseLong(form.get("amount")), form.get("currency"));
            intent.account = onAccount;
            intent.customer = form.get("customer");
            intent.setupFutureUsage = form.get("setup_future_usage");
            List<String> types = form.entrySet().stream().filter(e -> e.getKey().startsWith("payment_method_types["))
                    .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
            if (!types.isEmpty()) {
                intent.methods = types; // else: card, as Stripe's automatic payment methods give an account that takes cards
            }
            intent.metadata.putAll(form.entrySet().stream().filter(e -> e.getKey().startsWith("metadata["))
                    .collect(java.util.stream.Collectors.toMap(e -> e.getKey().substring(9, e.getKey().length() - 1),
                            Map.Entry::getValue)));
            intents.put(intent.id, intent);
            if (key != null) {
                byIdempotencyKey.put(key, intent.id);
            }
            if ("true".equals(form.get("confirm"))) {
                chargeSaved(exchange, intent, form);
                return;
            }
            respond(exchange, 200, intent.json());
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/payment_intents/")) {
            Intent intent = intents.get(path.substring("/v1/payment_intents/".length()));
            String query = exchange.getRequestURI().getRawQuery();
            if (intent == null) {
                respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
            } else {
                respond(exchange, 200, intent.json(expandsCharge(form(query == null ? "" : query))));
            }
        } else {
            respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
        }
    }

    // --- Issue 25: customers, saved cards (PaymentMethods) and off-session charges --------------------------------

    /** A customer on a connected account, as Stripe keeps it (the cards saved for later are attached to it). */
    public static final class Customer {
        final String id;
        final String account;
        final Map<String, String> metadata = new ConcurrentHashMap<>();

        Customer(String id, String account) {
            this.id = id;
            this.account = account;
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"object\":\"customer\",\"livemode\":false,\"metadata\":{"
                    + metadata.entrySet().stream().map(e -> quoted(e.getKey()) + ":" + quoted(e.getValue()))
                    .collect(java.util.stream.Collectors.joining(",")) + "}}";
        }
    }

    /**
     * A card PaymentMethod: made by every confirmation from the Payment Element; attached to the intent's customer
     * when the intent saves it ({@code setup_future_usage}) and succeeds, or by {@code /attach}; a detached card can
     * never be used or attached again (Stripe's rule).
     */
    public static final class SavedCard {
        final String id;
        final String account;
        final String number;
        final String brand;
        final String last4;
        final int expMonth;
        final int expYear;
        final String funding;
        volatile String customer;
        volatile boolean detached;

        SavedCard(String id, String account, String number, String brand, String last4, int expMonth, int expYear, String funding) {
            this.id = id;
            this.account = account;
            this.number = number;
            this.brand = brand;
            this.last4 = last4;
            this.expMonth = expMonth;
            this.expYear = expYear;
            this.funding = funding;
        }

        public String id() {
            return id;
        }

        public String customer() {
            return customer;
        }

        public boolean detached() {
            return detached;
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"object\":\"payment_method\",\"type\":\"card\",\"customer\":" + quoted(customer)
                    + ",\"livemode\":false,\"card\":{\"brand\":\"" + brand + "\",\"last4\":\"" + last4 + "\",\"exp_month\":" + expMonth
                    + ",\"exp_year\":" + expYear + ",\"funding\":\"" + funding + "\",\"country\":\"US\"}}";
        }
    }

    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, String> customerByKey = new ConcurrentHashMap<>();
    private final Map<String, SavedCard> cards = new ConcurrentHashMap<>();
    private final AtomicInteger offSessionCharges = new AtomicInteger();

    public Customer customer(String id) {
        return customers.get(id);
    }

    public SavedCard card(String paymentMethodId) {
        return cards.get(paymentMethodId);
    }

    /** The cards attached to a customer now. */
    public List<SavedCard> cardsOf(String customerId) {
        return cards.values().stream().filter(c -> customerId.equals(c.customer)).toList();
    }

    /** How many off-session charges were asked for (create with confirm=true), whatever became of them. */
    public int offSessionCharges() {
        return offSessionCharges.get();
    }

    /** The intents charged to a customer (each once: the idempotency key returns the same one). */
    public List<Intent> intentsOf(String customerId) {
        return intents.values().stream().filter(i -> customerId.equals(i.customer)).toList();
    }

    /** A test helper: a card saved on a customer without a payment (as Stripe's SetupIntent or /attach would). */
    public String saveCard(String customerId, String number, int expMonth, int expYear) {
        Customer customer = customers.get(customerId);
        SavedCard card = newCard(customer.account, number, String.valueOf(expMonth), String.valueOf(expYear));
        card.customer = customerId;
        return card.id;
    }

    private SavedCard newCard(String account, String number, String expMonth, String expYear) {
        TestCards.Outcome outcome = TestCards.of(number);
        int month = parseOr(expMonth, 12);
        int year = parseOr(expYear, 2039);
        SavedCard card = new SavedCard("pm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), account, number,
                outcome.brand(), outcome.last4(), month, year < 100 ? 2000 + year : year, TestCards.funding(number));
        cards.put(card.id, card);
        return card;
    }

    private static int parseOr(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** Succeeded with setup_future_usage and a customer: the card is saved on the customer. */
    private void attachIfSaving(Intent intent) {
        SavedCard card = intent.paymentMethod == null ? null : cards.get(intent.paymentMethod);
        if (card != null && intent.setupFutureUsage != null && intent.customer != null && TestCards.attachable(card.number)) {
            card.customer = intent.customer;
        }
    }

    /** What Stripe refuses in an intent's customer and saving parameters; null: nothing. */
    private String savingRefusal(Map<String, String> form, String account) {
        String customer = emptyToNull(form.get("customer"));
        if (customer != null) {
            Customer known = customers.get(customer);
            if (known == null || !java.util.Objects.equals(known.account, account)) {
                return error("invalid_request_error", "resource_missing", "No such customer: '" + customer + "'");
            }
        }
        String saving = emptyToNull(form.get("setup_future_usage"));
        if (saving != null && !saving.equals("on_session") && !saving.equals("off_session")) {
            return error("invalid_request_error", "parameter_invalid_string",
                    "Invalid setup_future_usage: must be one of on_session or off_session");
        }
        if ("true".equals(form.get("off_session")) && !"true".equals(form.get("confirm"))) {
            return error("invalid_request_error", "parameter_invalid_string",
                    "off_session can only be set when confirm is true.");
        }
        if ("true".equals(form.get("confirm"))) {
            String method = form.get("payment_method");
            SavedCard card = method == null ? null : cards.get(method);
            if (card == null || !java.util.Objects.equals(card.account, account)) {
                return error("invalid_request_error", "resource_missing", "No such PaymentMethod: '" + method + "'");
            }
            if (card.detached) {
                return error("invalid_request_error", "payment_method_unexpected_state", "The provided PaymentMethod was "
                        + "previously used with a PaymentIntent without Customer attachment, shared with a connected account "
                        + "without Customer attachment, or was detached from a Customer. It may not be used again.");
            }
            if (card.customer == null || !card.customer.equals(customer)) {
                return error("invalid_request_error", "payment_method_invalid_parameter",
                        "The provided PaymentMethod does not belong to the Customer given (" + customer + "); attach it first.");
            }
        }
        return null;
    }

    /**
     * {@code confirm=true} on create: the saved card is charged now, off-session when {@code off_session=true}. As Stripe
     * does, a card that needs its holder ({@code authentication_required}) or is declined answers 402 with the error and
     * the intent (requires_payment_method), and the intent's events are published.
     */
    private void chargeSaved(HttpExchange exchange, Intent intent, Map<String, String> form) throws IOException {
        offSessionCharges.incrementAndGet();
        SavedCard card = cards.get(form.get("payment_method"));
        boolean offSession = "true".equals(form.get("off_session"));
        TestCards.Outcome outcome = offSession ? TestCards.offSession(card.number) : TestCards.of(card.number);
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneOffset.UTC);
        if (java.time.YearMonth.of(card.expYear, card.expMonth).isBefore(now)) {
            outcome = TestCards.Outcome.declined(card.last4, "expired_card", null, "Your card has expired.");
        }
        String event;
        synchronized (intent) {
            intent.paymentMethod = card.id;
            intent.cardFunding = card.funding;
            intent.expMonth = card.expMonth;
            intent.expYear = card.expYear;
            if (outcome.kind() == TestCards.Kind.SUCCEEDS) {
                succeed(intent.id, card.brand, card.last4);
                event = "payment_intent.succeeded";
            } else {
                failPayment(intent, outcome.kind() == TestCards.Kind.REQUIRES_ACTION ? TestCards.AUTHENTICATION_REQUIRED : outcome);
                event = "payment_intent.payment_failed";
            }
        }
        publishAndDeliver(intent, event);
        if ("payment_intent.succeeded".equals(event)) {
            respond(exchange, 200, intent.json(expandsCharge(form)));
        } else {
            respond(exchange, 402, "{\"error\":{\"type\":\"card_error\",\"code\":\"" + intent.errorCode + "\""
                    + (intent.declineCode == null ? "" : ",\"decline_code\":\"" + intent.declineCode + "\"")
                    + ",\"message\":" + quoted(intent.errorMessage) + ",\"payment_method\":" + card.json()
                    + ",\"payment_intent\":" + intent.json() + "}}");
        }
    }

    /** {@code POST /v1/customers} (an Idempotency-Key returns the same one), {@code GET /v1/customers/{id}}. */
    private void customers(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String onAccount = exchange.getRequestHeaders().getFirst("Stripe-Account");
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/customers")) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String existing = key == null ? null : customerByKey.get(key);
            if (existing != null) {
                respond(exchange, 200, customers.get(existing).json());
                return;
            }
            Customer customer = new Customer("cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14), onAccount);
            form.forEach((name, value) -> {
                if (name.startsWith("metadata[")) {
                    customer.metadata.put(name.substring(9, name.length() - 1), value);
                }
            });
            customers.put(customer.id, customer);
            if (key != null) {
                customerByKey.put(key, customer.id);
            }
            respond(exchange, 200, customer.json());
            return;
        }
        if ("GET".equals(exchange.getRequestMethod()) && path.matches("/v1/customers/[^/]+")) {
            Customer customer = customers.get(path.substring("/v1/customers/".length()));
            if (customer == null || !java.util.Objects.equals(customer.account, onAccount)) {
                respond(exchange, 404, error("invalid_request_error", "resource_missing", "No such customer"));
            } else {
                respond(exchange, 200, customer.json());
            }
            return;
        }
        respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
    }

    /**
     * {@code GET /v1/payment_methods/{id}}, {@code GET /v1/payment_methods?customer=&type=card},
     * {@code POST /v1/payment_methods/{id}/attach} (customer) and {@code /detach}, refused as Stripe refuses them.
     */
    private void paymentMethods(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String onAccount = exchange.getRequestHeaders().getFirst("Stripe-Account");
        boolean post = "POST".equals(exchange.getRequestMethod());
        if (!post && path.equals("/v1/payment_methods")) {
            String query = exchange.getRequestURI().getRawQuery();
            String customer = form(query == null ? "" : query).get("customer");
            String data = cards.values().stream().filter(c -> customer != null && customer.equals(c.customer)
                            && java.util.Objects.equals(c.account, onAccount))
                    .map(SavedCard::json).collect(java.util.stream.Collectors.joining(","));
            respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/payment_methods\",\"has_more\":false,\"data\":[" + data + "]}");
            return;
        }
        String[] parts = path.split("/");
        SavedCard card = parts.length > 3 ? cards.get(parts[3]) : null;
        if (card == null || !java.util.Objects.equals(card.account, onAccount)) {
            respond(exchange, 404, error("invalid_request_error", "resource_missing",
                    "No such PaymentMethod: '" + (parts.length > 3 ? parts[3] : "") + "'"));
            return;
        }
        if (!post && parts.length == 4) {
            respond(exchange, 200, card.json());
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (post && parts.length == 5 && "detach".equals(parts[4])) {
            synchronized (card) {
                if (card.customer == null) {
                    respond(exchange, 400, error("invalid_request_error", "payment_method_unexpected_state",
                            "The payment method you provided is not attached to a customer so detachment is impossible."));
                    return;
                }
                card.customer = null;
                card.detached = true;
            }
            respond(exchange, 200, card.json());
            return;
        }
        if (post && parts.length == 5 && "attach".equals(parts[4])) {
            Customer customer = customers.get(form.getOrDefault("customer", ""));
            if (customer == null || !java.util.Objects.equals(customer.account, onAccount)) {
                respond(exchange, 400, error("invalid_request_error", "resource_missing", "No such customer: '" + form.get("customer") + "'"));
                return;
            }
            synchronized (card) {
                if (card.detached || card.customer != null && !card.customer.equals(customer.id)) {
                    respond(exchange, 400, error("invalid_request_error", "payment_method_unexpected_state",
                            "This PaymentMethod was previously used or detached and may not be attached again."));
                    return;
                }
                if (!TestCards.attachable(card.number)) {
                    respond(exchange, 402, error("card_error", "card_declined", "Your card was declined."));
                    return;
                }
                card.customer = customer.id;
            }
            respond(exchange, 200, card.json());
            return;
        }
        respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
    }

    /** A refund as Stripe keeps it. */
    public static final class Refund {
        final String id;
        final String intentId;
        final long amount;
        final String currency;
        final String key;
        volatile String status = "succeeded";

        Refund(String id, String intentId, long amount, String currency, String key) {
            this.id = id;
            this.intentId = intentId;
            this.amount = amount;
            this.currency = currency;
            this.key = key;
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"object\":\"refund\",\"amount\":" + amount + ",\"currency\":\"" + currency
                    + "\",\"payment_intent\":\"" + intentId + "\",\"status\":\"" + status + "\",\"metadata\":"
                    + (key == null ? "{}" : "{\"paylink_key\":\"" + key + "\"}") + "}";
        }
    }

    /** A dispute as Stripe keeps it. */
    public static final class Dispute {
        final String id;
        final String intentId;
        final long amount;
        final String currency;
        volatile String status = "needs_response";

        Dispute(String id, String intentId, long amount, String currency) {
            this.id = id;
            this.intentId = intentId;
            this.amount = amount;
            this.currency = currency;
        }

        String json() {
            return "{\"id\":\"" + id + "\",\"object\":\"dispute\",\"amount\":" + amount + ",\"currency\":\"" + currency
                    + "\",\"payment_intent\":\"" + intentId + "\",\"status\":\"" + status + "\",\"reason\":\"fraudulent\"}";
        }
    }

    private final Map<String, Refund> refundsById = new ConcurrentHashMap<>();
    /** Events as Stripe's events API lists them: per connected account, newest first. */
    private final java.util.List<String[]> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * Stripe records the event on the connected account (the events API lists it for 30 days); whether its
     * webhook is delivered is up to the test.
     */
    public String publish(String account, String eventJson) {
        String id = eventJson.replaceAll("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
        String type = eventJson.replaceAll("(?s).*?\"type\":\"([^\"]+)\".*", "$1");
        events.add(0, new String[]{account, id, type, eventJson});
        return eventJson;
    }

    private void eventList(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        String account = exchange.getRequestHeaders().getFirst("Stripe-Account");
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> q = form(query == null ? "" : query);
        java.util.Set<String> types = q.entrySet().stream().filter(e -> e.getKey().startsWith("types["))
                .map(Map.Entry::getValue).collect(java.util.stream.Collectors.toSet());
        int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
        String after = q.get("starting_after");
        java.util.List<String[]> matching = events.stream()
                .filter(e -> java.util.Objects.equals(e[0], account))
                .filter(e -> types.isEmpty() || types.contains(e[2]))
                .toList();
        int from = 0;
        if (after != null) {
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i)[1].equals(after)) {
                    from = i + 1;
                }
            }
        }
        java.util.List<String[]> page = matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()));
        String data = page.stream().map(e -> e[3]).collect(java.util.stream.Collectors.joining(","));
        respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":"
                + (from + limit < matching.size()) + ",\"data\":[" + data + "]}");
    }
    private final Map<String, Dispute> disputes = new ConcurrentHashMap<>();

    /** A refund made in Stripe's dashboard, not by Paylink. */
    public String refundOutside(String intentId, long amount) {
        return refundOutside(intentId, amount, null);
    }

    /** A refund made in the connected account's dashboard, its metadata carrying {@code paylinkKey} (whoever wrote it). */
    public String refundOutside(String intentId, long amount, String paylinkKey) {
        Intent intent = intents.get(intentId);
        refunded.merge(intentId, amount, Long::sum);
        Refund refund = new Refund("re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), intentId, amount,
                intent.currency, paylinkKey);
        refundsById.put(refund.id, refund);
        return refund.id;
    }

    /** Stripe reports the refund failed after all (the money went back to the merchant). */
    public void failRefund(String refundId) {
        Refund refund = refundsById.get(refundId);
        refund.status = "failed";
        refunded.merge(refund.intentId, -refund.amount, Long::sum);
    }

    /** The payer disputes the payment with their bank. */
    public String dispute(String intentId, long amount) {
        Dispute dispute = new Dispute("du_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), intentId, amount,
                intents.get(intentId).currency);
        disputes.put(dispute.id, dispute);
        return dispute.id;
    }

    public void closeDispute(String disputeId, String outcome) {
        disputes.get(disputeId).status = outcome;
    }

    /** An event about a refund, a charge (its refunds) or a dispute, as Stripe posts it from a connected account. */
    public String objectEvent(String eventId, String type, String objectJson) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"api_version\":\"2024-06-20\","
                + "\"created\":" + (System.currentTimeMillis() / 1000) + ",\"livemode\":false,"
                + "\"data\":{\"object\":" + objectJson + "}}";
    }

    public String refundJson(String refundId) {
        return refundsById.get(refundId).json();
    }

    public String disputeJson(String disputeId) {
        return disputes.get(disputeId).json();
    }

    /** A charge (as in charge.refunded) of the intent, with its cumulative amount_refunded. */
    public String chargeJson(String intentId) {
        return "{\"id\":\"ch_" + intentId.substring(3) + "\",\"object\":\"charge\",\"payment_intent\":\"" + intentId
                + "\",\"amount_refunded\":" + refunded(intentId) + "}";
    }

    public java.util.List<String> refundIdsOf(String intentId) {
        return refundsById.values().stream().filter(r -> r.intentId.equals(intentId)).map(r -> r.id).toList();
    }

    private void refunds(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod())) {
            if (path.startsWith("/v1/refunds/")) {
                Refund refund = refundsById.get(path.substring("/v1/refunds/".length()));
                respond(exchange, refund == null ? 404 : 200, refund == null
                        ? "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}" : refund.json());
            } else {
                String query = exchange.getRequestURI().getRawQuery();
                String intentId = form(query == null ? "" : query).get("payment_intent");
                String data = refundsById.values().stream().filter(r -> r.intentId.equals(intentId)).map(Refund::json)
                        .collect(java.util.stream.Collectors.joining(","));
                respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/refunds\",\"has_more\":false,\"data\":[" + data + "]}");
            }
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        refundKeys.add(key);
        refundAccounts.add(exchange.getRequestHeaders().getFirst("Stripe-Account"));
        if (refuseRefunds) {
            respond(exchange, 402, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"balance_insufficient\"}}");
            return;
        }
        Intent intent = intents.get(form.get("payment_intent"));
        long amount = Long.parseLong(form.getOrDefault("amount", intent == null ? "0" : String.valueOf(intent.amount)));
        synchronized (refunded) {
            String existing = key == null ? null : refundByKey.get(key);
            if (existing != null) {
                respond(exchange, 200, refundsById.get(existing).json());
                return;
            }
            if (intent == null || !"succeeded".equals(intent.status) || refunded(intent.id) + amount > intent.amount) {
                respond(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"charge_already_refunded\"}}");
                return;
            }
            refunded.merge(intent.id, amount, Long::sum);
            Refund refund = new Refund("re_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), intent.id, amount,
                    intent.currency, form.get("metadata[paylink_key]"));
            refundsById.put(refund.id, refund);
            if (key != null) {
                refundByKey.put(key, refund.id);
            }
            respond(exchange, 200, refund.json());
        }
    }

    private void disputes(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        Dispute dispute = disputes.get(exchange.getRequestURI().getPath().substring("/v1/disputes/".length()));
        respond(exchange, dispute == null ? 404 : 200, dispute == null
                ? "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}" : dispute.json());
    }

    private void accounts(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/v1/accounts")) {
            exchange.getRequestBody().readAllBytes();
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id = accountByKey.computeIfAbsent(key == null ? UUID.randomUUID().toString() : key,
                    k -> "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
            Account account = accounts.computeIfAbsent(id, Account::new);
            saveAccounts();
            respond(exchange, 200, account.json());
        } else if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/v1/accounts/")) {
            Account account = accounts.get(path.substring("/v1/accounts/".length()));
            if (account == null) {
                respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\"}}");
            } else {
                respond(exchange, 200, account.json());
            }
        } else {
            respond(exchange, 404, "{\"error\":{\"type\":\"invalid_request_error\"}}");
        }
    }

    private void accountLinks(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!accounts.containsKey(form.get("account")) || !"account_onboarding".equals(form.get("type"))
                || form.get("return_url") == null || form.get("refresh_url") == null) {
            respond(exchange, 400, "{\"error\":{\"type\":\"invalid_request_error\"}}");
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        onboardingReturn.put(form.get("account"), form.get("return_url"));
        respond(exchange, 200, "{\"object\":\"account_link\",\"url\":\"" + baseUrl() + ONBOARDING
                + form.get("account") + "\",\"created\":" + now + ",\"expires_at\":" + (now + 300) + "}");
    }

    /** Whether the request asked for {@code expand[]=latest_charge} (stripe-java sends {@code expand[0]=...}). */
    private static boolean expandsCharge(Map<String, String> params) {
        return params.entrySet().stream().anyMatch(e -> e.getKey().startsWith("expand") && "latest_charge".equals(e.getValue()));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_test");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        if (deliveries != null) {
            deliveries.shutdownNow();
        }
    }

    // --- wallets: Payment Method Domains on a connected account (Apple Pay, Google Pay) ------------------------------

    /** What the stand-in Stripe.js asks before it offers a wallet: is the page's domain registered for the account? */
    static final String WALLETS = "/_stand-in/wallets";
    /** Registered domains, as "account domain". */
    private final java.util.Set<String> walletDomains = ConcurrentHashMap.newKeySet();

    /** The domains registered for wallets on the connected account. */
    public java.util.List<String> walletDomains(String account) {
        return walletDomains.stream().filter(d -> d.startsWith(account + " ")).map(d -> d.substring(account.length() + 1))
                .sorted().toList();
    }

    private static String domainJson(String domain) {
        return "{\"id\":\"pmd_" + Integer.toHexString(domain.hashCode()) + "\",\"object\":\"payment_method_domain\","
                + "\"domain_name\":\"" + jsonText(domain) + "\",\"enabled\":true,\"livemode\":false,"
                + "\"apple_pay\":{\"status\":\"active\"},\"google_pay\":{\"status\":\"active\"},"
                + "\"link\":{\"status\":\"active\"},\"paypal\":{\"status\":\"active\"}}";
    }

    /** {@code POST /v1/payment_method_domains} (create) and {@code GET} (list, by {@code domain_name}), per account. */
    private void paymentMethodDomains(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!authorized(exchange)) {
            return;
        }
        String account = exchange.getRequestHeaders().getFirst("Stripe-Account");
        if ("GET".equals(exchange.getRequestMethod())) {
            String query = exchange.getRequestURI().getRawQuery();
            String domain = form(query == null ? "" : query).get("domain_name");
            String data = walletDomains(account == null ? "" : account).stream().filter(d -> domain == null || d.equals(domain))
                    .map(LocalStripe::domainJson).collect(java.util.stream.Collectors.joining(","));
            respond(exchange, 200, "{\"object\":\"list\",\"url\":\"/v1/payment_method_domains\",\"has_more\":false,"
                    + "\"data\":[" + data + "]}");
            return;
        }
        String domain = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).get("domain_name");
        if (domain == null || !domain.matches("[A-Za-z0-9.-]{1,253}")) {
            respond(exchange, 400, error("invalid_request_error", "parameter_missing", "Missing or invalid domain_name."));
            return;
        }
        if (account == null || !accounts.containsKey(account)) {
            respond(exchange, 404, error("invalid_request_error", "resource_missing", "No such account: '" + account + "'"));
            return;
        }
        walletDomains.add(account + " " + domain.toLowerCase(java.util.Locale.ROOT));
        respond(exchange, 200, domainJson(domain.toLowerCase(java.util.Locale.ROOT)));
    }

    /** {@code GET /_stand-in/wallets?account=acct_…&domain=…}: whether Stripe.js may offer wallets there. */
    private void walletsOffered(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> q = form(query == null ? "" : query);
        boolean registered = walletRegistered(q.get("account"), q.get("domain"));
        respond(exchange, 200, "{\"apple_pay\":" + registered + ",\"google_pay\":" + registered + "}");
    }

    private boolean walletRegistered(String account, String domain) {
        return account != null && domain != null && walletDomains.contains(account + " " + domain.toLowerCase(java.util.Locale.ROOT));
    }

    // --- the payer's browser: Stripe.js's confirmation, 3-D Secure, Connect onboarding -----------------------------

    /** The stand-in's 3-D Secure challenge page, under this server (Stripe's own is under hooks.stripe.com). */
    static final String CHALLENGE = "/_stand-in/3ds/";
    /** The stand-in's Connect onboarding page (Stripe's own is under connect.stripe.com). */
    static final String ONBOARDING = "/_stand-in/connect/";
    private final Map<String, String> onboardingReturn = new ConcurrentHashMap<>();
    private static final byte[] STAND_IN_SCRIPT = standInScriptBytes();

    private static byte[] standInScriptBytes() {
        try (var in = LocalStripe.class.getResourceAsStream("stripe-v3.js")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the stand-in Stripe.js is missing from the jar", e);
        }
    }

    /** The stand-in Stripe.js, served as Stripe serves its own from https://js.stripe.com/v3/. */
    private void standInScript(HttpExchange exchange) throws IOException {
        byte[] script = STAND_IN_SCRIPT;
        exchange.getResponseHeaders().add("Content-Type", "application/javascript; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(200, script.length);
        exchange.getResponseBody().write(script);
        exchange.close();
    }

    /**
     * {@code POST /v1/payment_intents/<id>/confirm} from Stripe.js: the publishable key ({@code key}), the connected
     * account ({@code _stripe_account}) and the client secret in the form, as Stripe.js sends them, and the card in
     * {@code payment_method_data}. The outcome follows Stripe's test cards ({@link TestCards}); the event is published
     * and, when webhooks are configured, delivered signed.
     */
    private void browserConfirms(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String id = exchange.getRequestURI().getPath().split("/")[3];
        String key = form.get("key");
        if (key == null || key.isBlank()) {
            respond(exchange, 401, error("invalid_request_error", null, "You did not provide an API key."));
            return;
        }
        if (key.startsWith("sk_") || key.startsWith("rk_")) {
            refusedConfirms.incrementAndGet();
            respond(exchange, 401, error("invalid_request_error", "secret_key_in_browser",
                    "A secret key must never reach a browser: Stripe.js takes the publishable key (pk_...)."));
            return;
        }
        if (!key.matches("pk_test_[A-Za-z0-9_]+")) {
            respond(exchange, 401, error("invalid_request_error", null, "Invalid API Key provided: " + mask(key)));
            return;
        }
        Intent intent = intents.get(id);
        if (intent == null || !java.util.Objects.equals(intent.account, form.get("_stripe_account"))) {
            // as Stripe: an intent of a connected account does not exist for a request without that account
            refusedConfirms.incrementAndGet();
            respond(exchange, 404, error("invalid_request_error", "resource_missing", "No such payment_intent: '" + id + "'"));
            return;
        }
        if (!intent.clientSecret.equals(form.get("client_secret"))) {
            refusedConfirms.incrementAndGet();
            respond(exchange, 400, error("invalid_request_error", "payment_intent_invalid_parameter",
                    "The client_secret provided does not match any associated PaymentIntent on this account."));
            return;
        }
        String type = form.getOrDefault("payment_method_data[type]", "card");
        if (!intent.methods.contains(type)) {
            refusedConfirms.incrementAndGet();
            respond(exchange, 400, error("invalid_request_error", "payment_intent_invalid_parameter",
                    "The PaymentMethod provided (" + type + ") is not allowed for this PaymentIntent. Please attach a "
                            + "PaymentMethod of one of the following types: " + String.join(", ", intent.methods) + "."));
            return;
        }
        if ("us_bank_account".equals(type)) {
            bankConfirms(exchange, intent, form);
            return;
        }
        String wallet = form.get("payment_method_data[card][wallet]");
        if (wallet != null && !walletRegistered(intent.account, form.get("_wallet_domain"))) {
            // Stripe never offers a wallet on a domain not registered for the account that takes the charge
            refusedConfirms.incrementAndGet();
            respond(exchange, 400, error("invalid_request_error", "payment_method_unavailable",
                    "This payment method is not available on this domain."));
            return;
        }
        String elementsSaving = form.get("_setup_future_usage");
        if (!java.util.Objects.equals(emptyToNull(elementsSaving), intent.setupFutureUsage)) {
            // Stripe.js refuses to confirm when the Payment Element was set up for another setup_future_usage than the
            // intent's (elements({setupFutureUsage}) or elements.update() must name the intent's own)
            refusedConfirms.incrementAndGet();
            respond(exchange, 400, error("invalid_request_error", "payment_intent_invalid_parameter",
                    "The PaymentIntent's setup_future_usage (" + intent.setupFutureUsage + ") does not match the setupFutureUsage "
                            + "the Payment Element was created with (" + emptyToNull(elementsSaving) + ")."));
            return;
        }
        String number = form.get("payment_method_data[card][number]");
        TestCards.Outcome card = TestCards.of(number);
        SavedCard method = newCard(intent.account, number, form.get("payment_method_data[card][exp_month]"),
                form.get("payment_method_data[card][exp_year]"));
        String returnUrl = form.get("return_url");
        String event;
        synchronized (intent) {
            if (!"requires_payment_method".equals(intent.status) && !"requires_confirmation".equals(intent.status)) {
                refusedConfirms.incrementAndGet();
                respond(exchange, 400, error("invalid_request_error", "payment_intent_unexpected_state",
                        "You cannot confirm this PaymentIntent because it has a status of " + intent.status + "."));
                return;
            }
            intent.returnUrl = returnUrl;
            intent.paymentMethod = method.id;
            intent.cardFunding = method.funding;
            intent.expMonth = method.expMonth;
            intent.expYear = method.expYear;
            switch (card.kind()) {
                case SUCCEEDS -> {
                    succeed(id, card.brand(), card.last4());
                    intent.wallet = wallet;
                    attachIfSaving(intent);
                    event = "payment_intent.succeeded";
                }
                case REQUIRES_ACTION -> {
                    if (returnUrl == null) {
                        respond(exchange, 400, error("invalid_request_error", "parameter_missing",
                                "A return_url is required to confirm this PaymentIntent."));
                        return;
                    }
                    intent.status = "requires_action";
                    intent.cardBrand = card.brand();
                    intent.cardLast4 = card.last4();
                    intent.challengeUrl = baseUrl() + CHALLENGE + id;
                    event = "payment_intent.requires_action";
                }
                default -> {
                    failPayment(intent, card);
                    event = "payment_intent.payment_failed";
                }
            }
        }
        publishAndDeliver(intent, event);
        if (card.kind() == TestCards.Kind.DECLINED) {
            // Stripe answers a declined confirmation 402, the error naming the intent
            respond(exchange, 402, "{\"error\":{\"type\":\"card_error\",\"code\":\"" + card.code() + "\""
                    + (card.declineCode() == null ? "" : ",\"decline_code\":\"" + card.declineCode() + "\"")
                    + ",\"message\":\"" + jsonText(card.message()) + "\",\"payment_intent\":" + intent.json() + "}}");
        } else {
            respond(exchange, 200, intent.json());
        }
    }

    /** How long the stand-in's bank takes to answer an ACH debit by itself; null: only when a test says so. */
    private volatile java.time.Duration bankDelay;

    /** The stand-in's bank answers every ACH debit {@code delay} after it is submitted (null: only {@link #finishBankDebit}). */
    public LocalStripe bankDebitDelay(java.time.Duration delay) {
        this.bankDelay = delay;
        return this;
    }

    /**
     * An ACH debit confirmed from Stripe.js, refused as Stripe refuses it: the account holder's name and email, a
     * mandate accepted online and a test account are required. It is then {@code processing}: the bank answers later
     * ({@link #finishBankDebit}).
     */
    private void bankConfirms(HttpExchange exchange, Intent intent, Map<String, String> form) throws IOException {
        for (String required : List.of("payment_method_data[billing_details][name]", "payment_method_data[billing_details][email]",
                "payment_method_data[us_bank_account][routing_number]", "payment_method_data[us_bank_account][account_number]")) {
            String value = form.get(required);
            if (value == null || value.isBlank()) {
                refusedConfirms.incrementAndGet();
                respond(exchange, 400, error("invalid_request_error", "parameter_missing", "Missing required param: " + required + "."));
                return;
            }
        }
        if (!"online".equals(form.get("mandate_data[customer_acceptance][type]"))
                || form.get("mandate_data[customer_acceptance][online][user_agent]") == null) {
            refusedConfirms.incrementAndGet();
            respond(exchange, 400, error("invalid_request_error", "parameter_missing",
                    "A mandate is required to confirm a PaymentIntent with a us_bank_account PaymentMethod: pass mandate_data."));
            return;
        }
        TestBankAccounts.Outcome bank = TestBankAccounts.of(form.get("payment_method_data[us_bank_account][routing_number]"),
                form.get("payment_method_data[us_bank_account][account_number]"));
        if (bank == null) {
            refusedConfirms.incrementAndGet();
            respond(exchange, 400, error("invalid_request_error", "payment_method_invalid_parameter",
                    "Your bank account details are invalid in test mode. Use routing number 110000000 and a test account number."));
            return;
        }
        synchronized (intent) {
            if (!"requires_payment_method".equals(intent.status) && !"requires_confirmation".equals(intent.status)) {
                refusedConfirms.incrementAndGet();
                respond(exchange, 400, error("invalid_request_error", "payment_intent_unexpected_state",
                        "You cannot confirm this PaymentIntent because it has a status of " + intent.status + "."));
                return;
            }
            intent.status = "processing";
            intent.bankLast4 = bank.last4();
            intent.bankOutcome = bank;
            intent.declineCode = null;
            intent.errorCode = null;
            intent.errorMessage = null;
            intent.returnUrl = form.get("return_url");
        }
        publishAndDeliver(intent, "payment_intent.processing");
        java.time.Duration delay = bankDelay;
        if (delay != null) {
            bankAnswers.schedule(() -> finishBankDebit(intent.id), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        respond(exchange, 200, intent.json());
    }

    private final java.util.concurrent.ScheduledExecutorService bankAnswers =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "stand-in bank");
                t.setDaemon(true);
                return t;
            });

    /**
     * The bank answers an ACH debit that is processing, as its test account says: {@code payment_intent.succeeded}, or
     * a return ({@code payment_intent.payment_failed}, the intent back to {@code requires_payment_method} with the
     * bank's code). The event is published and, with webhooks configured, delivered.
     *
     * @return the event type sent
     */
    public String finishBankDebit(String intentId) {
        Intent intent = intents.get(intentId);
        String event;
        synchronized (intent) {
            if (!"processing".equals(intent.status) || intent.bankOutcome == null) {
                return null; // answered already
            }
            if (intent.bankOutcome.succeeds()) {
                intent.status = "succeeded";
                event = "payment_intent.succeeded";
            } else {
                intent.status = "requires_payment_method";
                intent.errorCode = intent.bankOutcome.code();
                intent.errorMessage = intent.bankOutcome.message();
                intent.bankLast4 = null;
                event = "payment_intent.payment_failed";
            }
        }
        publishAndDeliver(intent, event);
        return event;
    }

    /** The payment method types the intent was created with. */
    public List<String> methods(String intentId) {
        return intents.get(intentId).methods;
    }

    private static void failPayment(Intent intent, TestCards.Outcome card) {
        intent.status = "requires_payment_method";
        intent.declineCode = card.declineCode();
        intent.errorCode = card.code();
        intent.errorMessage = card.message();
        intent.challengeUrl = null;
    }

    /**
     * The stand-in's 3-D Secure page: the bank's challenge, where the tester completes or fails it. Then, as Stripe
     * does, the payer is sent to the return URL with {@code payment_intent}, {@code payment_intent_client_secret} and
     * {@code redirect_status}.
     */
    private void challenge(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring(CHALLENGE.length());
        Intent intent = intents.get(id);
        if (intent == null || intent.challengeUrl == null && "GET".equals(exchange.getRequestMethod())) {
            page(exchange, 404, "No authentication is waiting", "<p>This payment has no authentication waiting.</p>");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            page(exchange, 200, "Authenticate your payment", "<p class=\"note\">Stripe test mode: the local stand-in for the"
                    + " card issuer's 3-D Secure page.</p><p>Amount: " + intent.amount + " " + intent.currency.toUpperCase()
                    + " (minor units), card ending in " + intent.cardLast4 + ".</p>"
                    + "<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"complete\">"
                    + "<button id=\"complete\" type=\"submit\">Complete authentication</button></form>"
                    + "<form method=\"post\"><input type=\"hidden\" name=\"action\" value=\"fail\">"
                    + "<button id=\"fail\" type=\"submit\">Fail authentication</button></form>");
            return;
        }
        boolean complete = "complete".equals(form(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)).get("action"));
        String event;
        synchronized (intent) {
            if (!"requires_action".equals(intent.status)) {
                page(exchange, 409, "Already answered", "<p>This authentication was already answered.</p>");
                return;
            }
            if (complete) {
                succeed(id, intent.cardBrand, intent.cardLast4);
                attachIfSaving(intent);
                event = "payment_intent.succeeded";
            } else {
                failPayment(intent, TestCards.AUTHENTICATION_FAILED);
                event = "payment_intent.payment_failed";
            }
        }
        publishAndDeliver(intent, event);
        String back = intent.returnUrl + (intent.returnUrl.contains("?") ? "&" : "?") + "payment_intent=" + id
                + "&payment_intent_client_secret=" + intent.clientSecret + "&redirect_status=" + (complete ? "succeeded" : "failed");
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** The stand-in's Connect onboarding: the practice's Admin completes it; Stripe then sends account.updated. */
    private void onboarding(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring(ONBOARDING.length());
        Account account = accounts.get(id);
        String back = onboardingReturn.get(id);
        if (account == null || back == null) {
            page(exchange, 404, "Link expired", "<p>This set-up link is not valid. Start again from Paylink.</p>");
            return;
        }
        if ("GET".equals(exchange.getRequestMethod())) {
            page(exchange, 200, "Set up payments", "<p class=\"note\">Stripe test mode: the local stand-in for Stripe's"
                    + " Connect onboarding. No real account is opened.</p><p>Account " + id + "</p>"
                    + "<form method=\"post\"><button id=\"complete\" type=\"submit\">Complete set-up</button></form>");
            return;
        }
        exchange.getRequestBody().readAllBytes();
        enable(id);
        String event = accountEvent("evt_acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), id);
        publish(id, event);
        deliver(event);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"><style>body{font-family:sans-serif;max-width:32rem;"
                + "margin:3rem auto}.note{background:#fff3cd;padding:.5rem}button{margin:.5rem 0;padding:.5rem 1rem}</style>"
                + "</head><body><main><h1>" + title + "</h1>" + body + "</main></body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String error(String type, String code, String message) {
        return "{\"error\":{\"type\":\"" + type + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"")
                + ",\"message\":\"" + jsonText(message) + "\"}}";
    }

    private static String mask(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 8) + "****" + key.substring(key.length() - 4);
    }

    static String quoted(String text) {
        return text == null ? "null" : "\"" + jsonText(text) + "\"";
    }

    static String jsonText(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    // --- webhooks: signed as Stripe signs them, retried as Stripe retries ------------------------------------------

    private volatile String webhookUrl;
    private volatile String webhookSecret;
    private volatile java.util.concurrent.ScheduledExecutorService deliveries;
    private final AtomicInteger deliveryAttempts = new AtomicInteger();
    private final AtomicInteger deliveryRetries = new AtomicInteger();
    private final AtomicInteger pendingDeliveries = new AtomicInteger();
    private final AtomicInteger refusedConfirms = new AtomicInteger();

    /**
     * From now on, every event this server makes of its own accord (a payer's confirmation, a 3-D Secure answer, a
     * completed onboarding) is delivered to {@code url}, signed with {@code secret}.
     */
    public synchronized LocalStripe deliverWebhooksTo(String url, String secret) {
        webhookUrl = url;
        webhookSecret = secret;
        if (deliveries == null) {
            deliveries = java.util.concurrent.Executors.newScheduledThreadPool(8);
        }
        return this;
    }

    /** Confirmations this server refused (wrong key, account, secret or state). */
    public int refusedConfirmations() {
        return refusedConfirms.get();
    }

    /** Webhook deliveries not yet answered with a 2xx. */
    public int pendingDeliveries() {
        return pendingDeliveries.get();
    }

    /** An account that already took charges before this server started (the demo's onboarded practice). */
    public void onboarded(String accountId) {
        accounts.computeIfAbsent(accountId, Account::new);
        enable(accountId);
    }

    // --- connected accounts kept across restarts (the stripe-local run's demo database outlives the stand-in) ---------

    private volatile java.nio.file.Path accountsFile;

    /**
     * Keeps the connected accounts in {@code dir} (one line each: id, charges enabled, details submitted) and reads
     * those kept there before: Stripe keeps accounts for ever, and the demo's database remembers the ones it opened.
     * Intents, refunds and events stay in memory only.
     */
    public synchronized void keepAccountsIn(java.nio.file.Path dir) {
        accountsFile = dir.resolve("accounts.txt");
        try {
            java.nio.file.Files.createDirectories(dir);
            if (java.nio.file.Files.exists(accountsFile)) {
                for (String line : java.nio.file.Files.readAllLines(accountsFile)) {
                    String[] f = line.split(" ");
                    if (f.length == 3) {
                        Account account = accounts.computeIfAbsent(f[0], Account::new);
                        account.chargesEnabled = Boolean.parseBoolean(f[1]);
                        account.detailsSubmitted = Boolean.parseBoolean(f[2]);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the stand-in's accounts in " + dir, e);
        }
    }

    private synchronized void saveAccounts() {
        if (accountsFile == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        accounts.values().forEach(a -> lines.append(a.id).append(' ').append(a.chargesEnabled).append(' ')
                .append(a.detailsSubmitted).append('\n'));
        try {
            java.nio.file.Files.writeString(accountsFile, lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the stand-in's accounts in " + accountsFile, e);
        }
    }

    private void publishAndDeliver(Intent intent, String type) {
        String event = event("evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24), type, intent.id)
                .replaceFirst("\"livemode\":false,", "\"livemode\":false,\"account\":" + (intent.account == null ? "null"
                        : "\"" + intent.account + "\"") + ",");
        publish(intent.account, event);
        deliver(event);
    }

    private void deliver(String event) {
        if (webhookUrl == null) {
            return; // a test that posts its own webhooks
        }
        pendingDeliveries.incrementAndGet();
        deliveries.execute(() -> deliver(event, 1, System.currentTimeMillis() + 15 * 60_000L));
    }

    /**
     * {@code java -cp stripe-local.jar com.paylink.stripelocal.LocalStripe <port> <webhook url> <webhook secret>
     * [acct_... onboarded] [--data=dir] [--bank-delay=seconds]}: the server as its own process, for the fault suite (so that it keeps what it took while
     * Paylink is killed) and for the run command's {@code -Dpaylink.payments.mode=stripe-local}. Besides Stripe's API it answers:
     * <ul>
     * <li>{@code POST /_payer/confirm/<intent>}: the payer confirms the card in Stripe's form (Stripe.js, the Visa
     * test card), for load drivers without a browser; the intent succeeds, the event is recorded, and its signed
     * webhook is delivered to the URL, retried as Stripe retries (here every 1 to 5 seconds, for 15 minutes) until it
     * gets a 2xx. A second confirmation of a succeeded intent is refused (409), as Stripe refuses it.</li>
     * <li>{@code GET /_fake/intents}: one line per intent: id, status, the Paylink link id from its metadata,
     * amount.</li>
     * <li>{@code GET /_fake/deliveries}: webhook attempts, retries and deliveries still pending.</li>
     * </ul>
     */
    public static void main(String[] args) throws Exception {
        start(java.util.Arrays.asList(args));
    }

    private static void start(List<String> all) {
        List<String> args = all.stream().filter(a -> !a.startsWith("--")).toList();
        LocalStripe stripe;
        try {
            stripe = new LocalStripe(Integer.parseInt(args.get(0)));
        } catch (java.net.BindException e) {
            // the run command's wildfly:run forks the package phase and starts this a second time: one is enough
            LOG.info("The local Stripe stand-in already listens on port " + args.get(0) + " (or another program does)");
            return;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the local Stripe stand-in cannot listen on port " + args.get(0), e);
        }
        all.stream().filter(a -> a.startsWith("--data=")).findFirst()
                .ifPresent(a -> stripe.keepAccountsIn(java.nio.file.Path.of(a.substring("--data=".length()))));
        all.stream().filter(a -> a.startsWith("--bank-delay=")).findFirst()
                .ifPresent(a -> stripe.bankDebitDelay(java.time.Duration.ofSeconds(Long.parseLong(a.substring("--bank-delay=".length())))));
        stripe.deliverWebhooksTo(args.get(1), args.get(2));
        for (String account : args.subList(3, args.size())) {
            stripe.onboarded(account);
        }
        stripe.server.createContext("/_payer/confirm/", stripe::payerConfirms);
        stripe.server.createContext("/_fake/intents", stripe::intentList);
        stripe.server.createContext("/_fake/deliveries", exchange -> respond(exchange, 200, "attempts " + stripe.deliveryAttempts
                + "\nretries " + stripe.deliveryRetries + "\npending " + stripe.pendingDeliveries + "\nrefused-confirmations "
                + stripe.refusedConfirms + "\n"));
        LOG.info("Local Stripe stand-in on " + stripe.baseUrl() + " (Stripe.js at " + stripe.baseUrl()
                + "/v3/), webhooks to " + stripe.webhookUrl);
    }

    private void payerConfirms(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/_payer/confirm/".length());
        Intent intent = intents.get(id);
        if (intent == null) {
            respond(exchange, 404, "{\"error\":{\"code\":\"resource_missing\"}}");
            return;
        }
        synchronized (intent) {
            if (!"requires_payment_method".equals(intent.status)) {
                refusedConfirms.incrementAndGet();
                respond(exchange, 409, "{\"error\":{\"code\":\"payment_intent_unexpected_state\",\"status\":\""
                        + intent.status + "\"}}");
                return;
            }
            succeed(id);
        }
        String event = event("evt_" + id.substring(3), "payment_intent.succeeded", id)
                .replaceFirst("\"livemode\":false,", "\"livemode\":false,\"account\":" + (intent.account == null ? "null"
                        : "\"" + intent.account + "\"") + ",");
        publish(intent.account, event);
        deliver(event);
        respond(exchange, 200, intent.json());
    }

    /** One delivery of a webhook, signed as Stripe signs it; on anything but a 2xx, again later. */
    private void deliver(String event, int attempt, long until) {
        deliveryAttempts.incrementAndGet();
        int status;
        try {
            long now = System.currentTimeMillis() / 1000;
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = java.util.HexFormat.of().formatHex(mac.doFinal((now + "." + event).getBytes(StandardCharsets.UTF_8)));
            java.net.HttpURLConnection post = (java.net.HttpURLConnection) java.net.URI.create(webhookUrl).toURL().openConnection();
            post.setConnectTimeout(5_000);
            post.setReadTimeout(30_000);
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.setRequestProperty("Content-Type", "application/json");
            post.setRequestProperty("Stripe-Signature", "t=" + now + ",v1=" + signature);
            post.getOutputStream().write(event.getBytes(StandardCharsets.UTF_8));
            status = post.getResponseCode();
            post.disconnect();
        } catch (Exception e) {
            status = -1; // no answer: the server is down or died under the request
        }
        if (status >= 200 && status < 300) {
            pendingDeliveries.decrementAndGet();
        } else if (System.currentTimeMillis() < until) {
            deliveryRetries.incrementAndGet();
            deliveries.schedule(() -> deliver(event, attempt + 1, until), Math.min(attempt, 5), java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private void intentList(HttpExchange exchange) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Intent intent : intents.values()) {
            lines.append(intent.id).append('\t').append(intent.status).append('\t')
                    .append(intent.metadata.getOrDefault("paylink_link_id", "")).append('\t').append(intent.amount).append('\n');
        }
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
