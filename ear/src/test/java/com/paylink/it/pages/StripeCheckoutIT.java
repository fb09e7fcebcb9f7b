package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import com.paylink.platform.PaymentsConfig;
import com.paylink.stripelocal.LocalStripe;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stripe mode through a real browser (issue 21): the payment page's own script with Stripe.js (the local stand-in,
 * which keeps Stripe.js's contract) confirms the practice's PaymentIntent on its connected account, the local
 * Stripe-compatible server takes the card as Stripe's test cards behave, sends the payer back and delivers its
 * signed webhooks. Each case asserts the ledger, the notification rows and the receipt mail, not only the page.
 * Without {@code stripeAccount} in the page, every payment here fails: the intent lives on Riverside's account.
 */
class StripeCheckoutIT extends PageTest {

    private static final String WEBHOOK_SECRET = "whsec_test_browser";
    /** Riverside Counseling's connected account in the demo data: onboarded at the local Stripe. */
    private static final String RIVERSIDE = "acct_sandbox_riverside";
    private static final List<String> SETTINGS = List.of(PaymentsConfig.STRIPE_SECRET_KEY,
            PaymentsConfig.STRIPE_PUBLISHABLE_KEY, PaymentsConfig.STRIPE_WEBHOOK_SECRET, PaymentsConfig.STRIPE_API_BASE,
            PaymentsConfig.STRIPE_JS_URL);
    private static LocalStripe stripe;

    @ArquillianResource
    ManagementClient management;

    @BeforeEach
    void stripeMode() throws Exception {
        if (stripe == null) {
            stripe = new LocalStripe().deliverWebhooksTo(root() + "/webhooks/stripe", WEBHOOK_SECRET);
            stripe.onboarded(RIVERSIDE);
        }
        ServerProperties server = new ServerProperties(management);
        server.set(PaymentsConfig.MODE, "stripe");
        server.set(PaymentsConfig.STRIPE_SECRET_KEY, "sk_test_browser");
        server.set(PaymentsConfig.STRIPE_PUBLISHABLE_KEY, "pk_test_browser");
        server.set(PaymentsConfig.STRIPE_WEBHOOK_SECRET, WEBHOOK_SECRET);
        server.set(PaymentsConfig.STRIPE_API_BASE, stripe.baseUrl());
        server.set(PaymentsConfig.STRIPE_JS_URL, stripe.baseUrl() + "/v3/");
    }

    /** The server as it started for every other test: the sandbox. */
    @AfterEach
    void sandboxAgain() throws Exception {
        ServerProperties server = new ServerProperties(management);
        server.set(PaymentsConfig.MODE, "sandbox");
        for (String setting : SETTINGS) {
            server.unset(setting);
        }
        try (var c = Database.connect(); var s = c.prepareStatement("update practice set partial_payments_allowed = false,"
                + " partial_minimum_minor = 1000, bank_debit_enabled = false where name = 'Riverside Counseling'")) {
            s.executeUpdate();
        }
    }

    @AfterAll
    static void stopStripe() {
        if (stripe != null) {
            stripe.close();
            stripe = null;
        }
    }

    @Test
    void theFullBalanceWithTheVisaTestCard_isPostedOnce_notified_receipted_andTheLinkThenShowsItPaid() throws Exception {
        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        Browser b = browser();
        b.driver().get(link);
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$150.00");
        // Stripe.js from the configured address, initialised with the practice's account and no secret
        String page = b.driver().getPageSource();
        assertThat(page).contains("src=\"" + stripe.baseUrl() + "/v3/\"").contains("data-account=\"" + RIVERSIDE + "\"")
                .doesNotContain("sk_test_browser").doesNotContain(WEBHOOK_SECRET);
        b.waitForText(By.cssSelector("#payment-element label[for='stripe-stand-in-number']"), "Card number");
        Axe.assertAccessible(b.driver(), "/checkout/ (Stripe mode)");

        payWith(b, "4242 4242 4242 4242");
        awaitPaid(b, "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));
        assertThat(b.text(By.id("amountPaid"))).isEqualTo("$150.00");

        String intent = cardPayment("RC-1001");
        assertThat(stripe.accountOf(intent)).as("a direct charge on Riverside's account").isEqualTo(RIVERSIDE);
        assertThat(stripe.status(intent)).isEqualTo("succeeded");
        assertPaidOnce("RC-1001", 15000, "drsmith", "admin", "drlee");
        assertThat(receipt("emma.carter@example.com", receipt)).contains("Amount paid: $150.00");
        assertThat(card("RC-1001")).as("the card Stripe reports, for the receipt").isEqualTo("visa 4242");

        // the link opened again: paid, with the receipt; nothing to pay
        b.driver().get(link);
        assertThat(b.text(By.id("paid"))).contains("This invoice has been paid", receipt);
        assertThat(b.driver().findElements(By.id("receiptPdf"))).hasSize(1);
        assertThat(b.driver().findElements(By.id("stripe-pay"))).isEmpty();
    }

    @Test
    void pay19_theBoxTicked_theCardIsSavedOnTheClientsCustomerWithTheConsent_andTheReceiptsLinkWithdrawsIt() throws Exception {
        String number = Database.newInvoice("Emma", "Carter", "RC-T-SAVECARD", 6000);
        String link = sendLinkAndReadIt("Carter, Emma", number, "emma.carter@example.com");
        Browser b = browser();
        b.driver().get(link);
        b.waitForText(By.cssSelector("#payment-element label[for='stripe-stand-in-number']"), "Card number");
        assertThat(b.driver().findElement(By.id("stripeSaveCard")).isSelected()).as("unticked by default").isFalse();
        assertThat(b.text(By.id("stripeSaveCardTerms"))).contains("Riverside Counseling may then charge this card");
        b.click(By.id("stripeSaveCard"));
        Axe.assertAccessible(b.driver(), "/checkout/ (Stripe mode, saving the card)");
        payWith(b, "4242 4242 4242 4242");
        b.waitForText(By.id("stripe-error"), "Enter your full name to save the card");
        assertThat(Database.count("select count(*) from payment_attempt a join invoice i on i.id = a.invoice_id where i.number = '"
                + number + "'")).as("without a name nothing is asked of Stripe").isZero();
        b.type(By.id("stripeSaveName"), "Emma Carter");
        b.click(By.id("stripe-pay"));
        awaitPaid(b, "This invoice has been paid");
        String receiptNumber = b.text(By.id("receiptNumber"));

        String intent = cardPayment(number);
        String customer = Database.rows("select gateway_customer from client where first_name = 'Emma' and last_name = 'Carter'").get(0)[0];
        assertThat(customer).as("the client's own customer on the practice's account").startsWith("cus_");
        assertThat(stripe.cardsOf(customer)).as("Stripe saved the card, as the intent and the Payment Element asked").hasSize(1);
        String[] kept = Database.rows("select card_ref, last4, consent_name, consent_text from stored_card s join client c on c.id = s.client_id"
                + " where c.first_name = 'Emma' and c.last_name = 'Carter' and s.removed_at is null").get(0);
        assertThat(kept[0]).isEqualTo(stripe.cardsOf(customer).get(0).id());
        assertThat(kept[1]).isEqualTo("4242");
        assertThat(kept[2]).isEqualTo("Emma Carter");
        assertThat(kept[3]).startsWith("Save this card so Riverside Counseling can charge it for future sessions.");
        assertThat(stripe.status(intent)).isEqualTo("succeeded");

        String receipt = receipt("emma.carter@example.com", receiptNumber);
        java.util.regex.Matcher stop = java.util.regex.Pattern.compile("(https?://[^\\s\"<]+/cards/stop/[A-Za-z0-9_-]{43})").matcher(receipt);
        assertThat(stop.find()).as("the receipt's link to stop charges:\n" + receipt).isTrue();
        b.driver().get(stop.group(1));
        b.waitForText(By.id("stopCard"), "withdraw your consent");
        assertThat(stripe.card(kept[0]).detached()).as("opening the page changes nothing").isFalse();
        b.click(By.id("stop"));
        b.waitForText(By.id("stoppedText"), "can no longer charge this card");
        assertThat(stripe.card(kept[0]).detached()).as("detached at Stripe").isTrue();
        assertThat(Database.count("select count(*) from stored_card where removed_reason = 'CLIENT' and card_ref = '" + kept[0] + "'"))
                .isEqualTo(1);
    }

    @Test
    void aDeclinedCardThenTheVisaTestCardOnTheSameLink_paysOnce() throws Exception {
        String payer = "trust@rivera-family.example";
        String link = sendLinkAndReadIt("Rivera, Lucas", "RC-1004", payer);
        Browser b = browser();
        b.driver().get(link);

        payWith(b, "4000 0000 0000 0002");
        b.waitForText(By.id("stripe-error"), "Your card was declined.");
        assertThat(Database.count(cardPayments("RC-1004"))).as("nothing posted").isZero();
        payWith(b, "4000 0000 0000 9995");
        b.waitForText(By.id("stripe-error"), "Your card has insufficient funds.");

        payWith(b, "4242424242424242");
        awaitPaid(b, "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));
        assertPaidOnce("RC-1004", 18000, "drsmith", "admin", "drlee"); // $300.00 less a check and a discount
        assertThat(receipt(payer, receipt)).contains("Amount paid: $180.00");
    }

    @Test
    void threeDSecure_failedPostsNothingAndKeepsTheLink_thenCompletedPaysOnce() throws Exception {
        String payer = "claims@harbor-eap.example";
        String link = sendLinkAndReadIt("Thompson, Ava", "RC-1003", payer);
        Browser b = browser();
        b.driver().get(link);

        payWith(b, "4000 0027 6000 3184");
        b.waitForText(By.tagName("h1"), "Authenticate your payment"); // the bank's challenge
        b.click(By.id("fail"));
        b.waitForPath("/checkout/");
        b.waitForText(By.id("stripe-error"), "Your bank could not confirm this payment, so nothing was charged.");
        assertThat(Database.count(cardPayments("RC-1003"))).as("nothing posted").isZero();
        assertThat(b.driver().findElements(By.id("stripe-pay"))).as("the link still works").hasSize(1);

        payWith(b, "4000 0027 6000 3184");
        b.waitForText(By.tagName("h1"), "Authenticate your payment");
        b.click(By.id("complete"));
        awaitPaid(b, "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));
        assertPaidOnce("RC-1003", 27500, "admin", "drlee"); // drlee rendered it without Billing: told as an Admin only
        assertThat(receipt(payer, receipt)).contains("Amount paid: $275.00");
    }

    @Test
    void aPartialPaymentWhereThePracticeAllowsIt_chargesWhatThePayerChose() throws Exception {
        try (var c = Database.connect(); var s = c.prepareStatement("update practice set partial_payments_allowed = true,"
                + " partial_minimum_minor = 2000 where name = 'Riverside Counseling'")) {
            s.executeUpdate();
        }
        String payer = "olivia.bennett@example.com";
        String link = sendLinkAndReadIt("Bennett, Noah", "RC-1002", payer);
        Browser b = browser();
        b.driver().get(link);
        b.driver().findElement(By.cssSelector("label[for='stripeAmountOther']")).click();
        b.type(By.id("stripeOtherAmount"), "5");
        payWith(b, "4242424242424242");
        b.waitForText(By.id("stripe-error"), "The smallest amount you can pay through this link is $20.00.");
        assertThat(Database.count(cardPayments("RC-1002"))).isZero();

        b.type(By.id("stripeOtherAmount"), "50");
        payWith(b, "4242424242424242");
        awaitPaid(b, "Payment received");
        assertThat(b.text(By.id("remainingBalance"))).isEqualTo("$100.00");
        String receipt = b.text(By.id("receiptNumber"));
        assertThat(stripe.amount(cardPayment("RC-1002"))).as("the intent, re-priced to the payer's choice").isEqualTo(5000);
        assertPaidOnce("RC-1002", 5000, "admin", "drlee"); // drjones rendered it but has no Billing
        assertThat(receipt(payer, receipt)).contains("Amount paid: $50.00", "Remaining balance: $100.00");
    }

    @Test
    void oneLinkForSeveralInvoices_onePaymentOfTheTotal() throws Exception {
        String payer = "harper.lewis@example.com";
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        List<Long> invoices = List.of(staff.invoiceId("Lewis, Harper", "RC-1011"), staff.invoiceId("Lewis, Harper", "RC-1012"),
                staff.invoiceId("Lewis, Harper", "RC-1013"));
        int seen = mail.linksTo(payer).size();
        assertThat(staff.sendLinkFor(invoices, "biller", PASSWORD)).isEqualTo(201);
        String link = mail.awaitNewLinkTo(payer, seen);

        Browser b = browser();
        b.driver().get(link);
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$420.00");
        payWith(b, "5555 5555 5555 4444");
        awaitPaid(b, "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));

        String intent = cardPayment("RC-1011");
        assertThat(stripe.amount(intent)).isEqualTo(42000);
        assertThat(Database.rows("select i.number, p.amount_minor from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number in ('RC-1011','RC-1012','RC-1013') and p.gateway_reference = '" + intent + "' order by i.number"))
                .extracting(r -> r[0] + " " + r[1]).containsExactly("RC-1011 15000", "RC-1012 15000", "RC-1013 12000");
        await().atMost(Duration.ofSeconds(30)).until(() -> notified("RC-1012").size() == 3);
        assertThat(notified("RC-1012")).containsOnlyKeys("drsmith", "admin", "drlee")
                .allSatisfy((who, count) -> assertThat(count).as(who).isEqualTo(1L));
        assertThat(receipt(payer, receipt)).contains("Amount paid: $420.00", "RC-1011, RC-1012, RC-1013");
        assertThat(card("RC-1012")).isEqualTo("mastercard 4444");
    }

    @Test
    void inSpanish_theStandInAndItsDeclineSpeakThePayersLanguage() throws Exception {
        String payer = "valentina.ortiz@example.com";
        String link = sendLinkAndReadIt("Ortiz, Valentina", "RC-1006", payer);
        Browser b = browser();
        b.driver().get(link);
        b.waitForText(By.cssSelector("#payment-element label[for='stripe-stand-in-number']"), "Número de tarjeta");
        payWith(b, "4000000000000002");
        b.waitForText(By.id("stripe-error"), "Se ha rechazado tu tarjeta.");
        payWith(b, "4242424242424242");
        String receipt = b.text(By.id("receiptNumber"));
        assertThat(b.text(By.id("paid"))).contains("180,00");
        assertPaidOnce("RC-1006", 18000, "drsmith", "admin", "drlee");
        assertThat(receipt(payer, receipt)).contains("180,00");
    }

    @Test
    void thePayerClosesTheTabAfterConfirming_theWebhookAlonePostsThePayment() throws Exception {
        String payer = "harper.nguyen@example.com";
        String link = sendLinkAndReadIt("Nguyen, Harper", "RC-0985", payer);
        Browser b = browser();
        b.driver().get(link);
        payWith(b, "4000 0027 6000 3184");
        b.waitForText(By.tagName("h1"), "Authenticate your payment");
        String challenge = b.driver().getCurrentUrl();
        b.driver().get("about:blank"); // the tab is closed: no return page will ever load
        // the bank's answer reaches Stripe (here without following Stripe's redirect back to Paylink)
        HttpResponse<String> answered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(challenge))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=complete")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(303);
        assertThat(answered.headers().firstValue("Location").orElse("")).contains("redirect_status=succeeded");

        assertPaidOnce("RC-0985", 12000, "drsmith", "admin", "drlee");
        String receipt = Database.rows("select p.receipt_number from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = 'RC-0985' and p.method = 'CARD'").get(0)[0];
        assertThat(receipt(payer, receipt)).contains("Amount paid: $120.00");
    }

    @Test
    void walletsAreOfferedOnlyOnceThePublicDomainIsRegisteredOnThePracticesAccount() throws Exception {
        String payer = "harper.nguyen@example.com";
        String link = sendLinkAndReadIt("Nguyen, Harper", Database.newInvoice("Harper", "Nguyen", "RC-T-WALLET", 6500), payer);
        Browser b = browser();
        b.driver().get(link);
        b.text(By.cssSelector("[data-wallets-checked='true']")); // waits until Stripe.js has asked which wallets it may offer
        assertThat(b.driver().findElements(By.id("stripe-stand-in-method-wallet"))).as("no domain registered yet").isEmpty();
        assertThat(stripe.walletDomains(RIVERSIDE)).isEmpty();

        // an Admin checks the account's status: Paylink registers its public domain on Riverside's own account (P7)
        b = browser().signIn("admin", PASSWORD);
        b.open("/staff/admin/card-processing.xhtml");
        assertThat(b.text(By.id("wallets"))).contains("Not set up yet");
        b.click(By.id("cardsForm:refresh"));
        b.waitForText(By.id("wallets"), "Available to your clients on 127.0.0.1");
        assertThat(stripe.walletDomains(RIVERSIDE)).containsExactly("127.0.0.1");
        b.signOut();

        b = browser();
        b.driver().get(link);
        b.click(By.cssSelector("label[for='stripe-stand-in-method-wallet']"));
        assertThat(b.text(By.cssSelector("label[for='stripe-stand-in-method-wallet']"))).isEqualTo("Google Pay");
        b.click(By.id("stripe-pay"));
        awaitPaid(b, "This invoice has been paid");
        assertThat(stripe.wallet(cardPayment("RC-T-WALLET"))).isEqualTo("google_pay");
        assertPaidOnce("RC-T-WALLET", 6500, "admin", "drlee"); // no appointment: the Admins are told
    }

    @Test
    void tamperedSecrets_foreignIntents_tooMuch_andAForeignReturn_areRefusedAndPostNothing() throws Exception {
        String payer = "harper.nguyen@example.com";
        String linkA = sendLinkAndReadIt("Nguyen, Harper", "RC-0981", payer);
        String linkB = sendLinkAndReadIt("Nguyen, Harper", Database.newInvoice("Harper", "Nguyen", "RC-T-0981B", 4000), payer);
        HttpPayer a = new HttpPayer(linkA);
        HttpPayer other = new HttpPayer(linkB);

        // more than the link allows: refused by Paylink before Stripe is asked
        int creates = stripe.creates();
        HttpResponse<String> tooMuch = a.startIntent("other", "75.01");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("You cannot pay more than the balance of $75.00.");
        assertThat(a.startIntent("other", "10").body()).contains("This link takes the full balance only ($75.00).");
        HttpResponse<String> endless = a.startIntent("other", "9".repeat(10_000)); // refused before any lock or parse
        assertThat(endless.statusCode()).isEqualTo(422);
        assertThat(endless.body()).contains("Enter the amount as a number, such as 50.00.");
        // a body larger than any payer's form is refused before anything reads it (issue 28 item 4)
        assertThat(a.startIntent("other", "9".repeat(1_000_000)).statusCode()).isEqualTo(413);
        assertThat(stripe.creates()).isEqualTo(creates);

        Map<String, String> intentA = a.intent();
        Map<String, String> intentB = other.intent();
        String idA = intentA.get("clientSecret").replaceAll("_secret_.*", "");
        String idB = intentB.get("clientSecret").replaceAll("_secret_.*", "");

        // a tampered client secret, another link's intent with this one's secret, no connected account, a secret key
        assertThat(confirm(idA, intentA.get("clientSecret") + "x", RIVERSIDE, "pk_test_browser"))
                .contains("400", "does not match");
        assertThat(confirm(idB, intentA.get("clientSecret"), RIVERSIDE, "pk_test_browser")).contains("400", "does not match");
        assertThat(confirm(idA, intentA.get("clientSecret"), null, "pk_test_browser"))
                .contains("404", "No such payment_intent: '" + idA + "'");
        assertThat(confirm(idA, intentA.get("clientSecret"), RIVERSIDE, "sk_test_browser")).startsWith("401");
        assertThat(stripe.status(idA)).isEqualTo("requires_payment_method");

        // link B is paid with its own intent; payer A comes "back from Stripe" naming it: A's link stays unpaid
        assertThat(confirm(idB, intentB.get("clientSecret"), RIVERSIDE, "pk_test_browser")).startsWith("200");
        String back = a.get("/checkout/return.xhtml?payment_intent=" + idB + "&payment_intent_client_secret="
                + URLEncoder.encode(intentB.get("clientSecret"), StandardCharsets.UTF_8) + "&redirect_status=succeeded");
        assertThat(back).contains("id=\"payable\"").contains("$75.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.count(cardPayments("RC-T-0981B")) == 1);
        assertThat(Database.count(cardPayments("RC-0981"))).as("nothing posted to A").isZero();
        assertThat(Database.count(cardPayments("RC-T-0981B"))).as("B once").isEqualTo(1);
    }

    @Test
    void pay10_intentRequestsAreLimitedPerPayerSession_andPerAddress_beforeStripeIsAsked() throws Exception {
        String payer = "harper.nguyen@example.com";
        String link = sendLinkAndReadIt("Nguyen, Harper", Database.newInvoice("Harper", "Nguyen", "RC-T-LIMIT", 2500), payer);
        HttpPayer tester = new HttpPayer(link);
        for (int i = 1; i <= 15; i++) {
            assertThat(tester.startIntent("full", "").statusCode()).as("request " + i).isEqualTo(200);
        }
        int creates = stripe.creates();
        HttpResponse<String> sixteenth = tester.startIntent("full", "");
        assertThat(sixteenth.statusCode()).isEqualTo(429);
        assertThat(sixteenth.headers().firstValue("Retry-After")).contains("600");
        assertThat(sixteenth.body()).contains("Too many payment attempts were made from here.");
        assertThat(stripe.creates()).isEqualTo(creates);

        // a fresh session from the same address is limited by the address's own count
        ServerProperties server = new ServerProperties(management);
        server.set("paylink.pay.intent.limit.address", "10");
        try {
            assertThat(new HttpPayer(link).startIntent("full", "").statusCode()).isEqualTo(429);
        } finally {
            server.set("paylink.pay.intent.limit.address", "1000");
        }
    }

    // --- US bank account (ACH) debits: P8, PAY18 ------------------------------------------------------------------

    @Test
    void pay18_aBankDebitIsProcessingForDays_postedOnlyWhenTheBankConfirms_andNoSecondLinkMeanwhile() throws Exception {
        bankDebits(true);
        String payer = "harper.nguyen@example.com";
        String number = Database.newInvoice("Harper", "Nguyen", "RC-T-ACH1", 9000);
        String link = sendLinkAndReadIt("Nguyen, Harper", number, payer);
        Browser b = browser();
        b.driver().get(link);
        payByBank(b, "000123456789");
        b.waitForText(By.id("bankProcessing"), "Your bank payment is on its way");
        assertThat(b.text(By.id("processingAmount"))).isEqualTo("$90.00");
        assertThat(b.text(By.id("processingExpected"))).isNotBlank();
        assertThat(b.driver().findElements(By.id("stripe-pay"))).as("nothing more to pay").isEmpty();

        String intent = debitUnderWay(number);
        assertThat(stripe.status(intent)).isEqualTo("processing");
        assertThat(stripe.methods(intent)).containsExactly("card", "us_bank_account");
        assertThat(Database.count(cardPayments(number))).as("not posted as paid while the bank decides").isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to(payer).stream().map(Mailbox::text)
                .anyMatch(t -> t.contains("Your bank payment of $90.00") && t.contains("submitted to your bank")));

        // staff see it on the ledger, cannot send a second link, and the Admin sees it on Card processing
        StaffSession staff = new StaffSession(base);
        staff.signIn("biller", PASSWORD);
        String ledger = staff.get("/staff/ledger.xhtml?client=" + staff.clientId("Nguyen, Harper")).body();
        assertThat(ledger).contains("Bank payment processing ($90.00, started ");
        HttpResponse<String> again = staff.sendLinkAnswer(staff.invoiceId("Nguyen, Harper", number), "biller", PASSWORD);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("A bank payment of $90.00 for invoice " + number, "still processing");
        Browser admin = browser().signIn("admin", PASSWORD);
        admin.open("/staff/admin/card-processing.xhtml");
        assertThat(admin.text(By.id("bankDebits"))).contains(number, "$90.00");
        admin.signOut();

        // days later the bank confirms: posted once, receipted, staff told, as for a card
        assertThat(stripe.finishBankDebit(intent)).isEqualTo("payment_intent.succeeded");
        assertPaidOnce(number, 9000, "admin", "drlee");
        assertThat(card(number)).isEqualTo("us_bank_account 6789");
        String receipt = Database.rows("select p.receipt_number from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = '" + number + "'").get(0)[0];
        assertThat(receipt(payer, receipt)).contains("Amount paid: $90.00");
        b.driver().get(link);
        b.waitForText(By.id("paid"), "This invoice has been paid");
    }

    @Test
    void pay18_aDebitTheBankReturns_postsNothing_sendsAFreshLinkSayingWhy_andTellsBillingAndAdmins() throws Exception {
        bankDebits(true);
        String payer = "harper.nguyen@example.com";
        String number = Database.newInvoice("Harper", "Nguyen", "RC-T-ACH2", 6000);
        String link = sendLinkAndReadIt("Nguyen, Harper", number, payer);
        Browser b = browser();
        b.driver().get(link);
        payByBank(b, "000222222227");
        b.waitForText(By.id("bankProcessing"), "Your bank payment is on its way");
        String intent = debitUnderWay(number);
        int seen = mail.linksTo(payer).size();

        assertThat(stripe.finishBankDebit(intent)).isEqualTo("payment_intent.payment_failed");
        String fresh = mail.awaitNewLinkTo(payer, seen);
        String email = mail.to(payer).stream().map(Mailbox::text).filter(t -> t.contains(fresh)).findFirst().orElseThrow();
        assertThat(email).contains("Your bank payment of $60.00 could not be completed", "the account did not have enough funds");
        assertThat(Database.count(cardPayments(number))).as("nothing posted").isZero();
        assertThat(Database.rows("select a.status, a.failure_code from payment_attempt a join invoice i on i.id = a.invoice_id"
                + " where i.number = '" + number + "' and a.gateway_reference = '" + intent + "'"))
                .extracting(r -> r[0] + " " + r[1]).containsExactly("RETURNED insufficient_funds");
        await().atMost(Duration.ofSeconds(30)).until(() -> toldOfReturn(number).size() >= 2);
        assertThat(toldOfReturn(number)).containsKeys("biller", "admin").allSatisfy((who, count) -> assertThat(count).as(who).isEqualTo(1L));

        // the old link says it can no longer be used; the fresh one pays by card
        b.driver().get(link);
        assertThat(b.driver().findElements(By.id("stripe-pay"))).isEmpty();
        b.driver().get(fresh);
        payWith(b, "4242424242424242");
        awaitPaid(b, "This invoice has been paid");
        assertPaidOnce(number, 6000, "admin", "drlee");
    }

    @Test
    void p8_bankDebitIsOffByDefault_notOffered_andAConfirmationByBankAccountIsRefused() throws Exception {
        String payer = "harper.nguyen@example.com";
        String number = Database.newInvoice("Harper", "Nguyen", "RC-T-ACH3", 3000);
        String link = sendLinkAndReadIt("Nguyen, Harper", number, payer);
        Browser b = browser();
        b.driver().get(link);
        b.text(By.cssSelector("[data-wallets-checked='true']"));
        assertThat(b.driver().findElements(By.id("stripe-stand-in-method-bank"))).as("cards only").isEmpty();

        Map<String, String> intent = new HttpPayer(link).intent();
        String id = intent.get("clientSecret").replaceAll("_secret_.*", "");
        assertThat(stripe.methods(id)).containsExactly("card");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", "pk_test_browser");
        form.put("_stripe_account", RIVERSIDE);
        form.put("client_secret", intent.get("clientSecret"));
        form.put("payment_method_data[type]", "us_bank_account");
        form.put("payment_method_data[us_bank_account][routing_number]", "110000000");
        form.put("payment_method_data[us_bank_account][account_number]", "000123456789");
        form.put("payment_method_data[billing_details][name]", "Harper Nguyen");
        form.put("payment_method_data[billing_details][email]", payer);
        form.put("mandate_data[customer_acceptance][type]", "online");
        form.put("mandate_data[customer_acceptance][online][user_agent]", "test");
        assertThat(post(stripe.baseUrl() + "/v1/payment_intents/" + id + "/confirm", form))
                .startsWith("400").contains("is not allowed for this PaymentIntent");
        assertThat(stripe.status(id)).isEqualTo("requires_payment_method");
        assertThat(Database.count("select count(*) from payment_attempt a join invoice i on i.id = a.invoice_id where i.number = '"
                + number + "' and a.status = 'PROCESSING'")).isZero();
    }

    private static void bankDebits(boolean on) throws Exception {
        try (var c = Database.connect(); var s = c.prepareStatement("update practice set bank_debit_enabled = " + on
                + " where name = 'Riverside Counseling'")) {
            s.executeUpdate();
        }
    }

    /** Chooses "US bank account" in the Payment Element, fills it in as a payer would, and presses Pay. */
    private static void payByBank(Browser b, String account) {
        b.click(By.cssSelector("label[for='stripe-stand-in-method-bank']"));
        assertThat(b.text(By.id("stripe-stand-in-mandate"))).contains("you authorize Riverside Counseling and Stripe");
        b.type(By.id("stripe-stand-in-bank-name"), "Harper Nguyen");
        b.type(By.id("stripe-stand-in-bank-email"), "harper.nguyen@example.com");
        b.type(By.id("stripe-stand-in-routing"), "110000000");
        b.type(By.id("stripe-stand-in-account"), account);
        b.click(By.id("stripe-pay"));
    }

    /** The intent of the invoice's bank debit under way (waits for it). */
    private static String debitUnderWay(String number) throws Exception {
        String query = "select a.gateway_reference from payment_attempt a join invoice i on i.id = a.invoice_id where i.number = '"
                + number + "' and a.status = 'PROCESSING'";
        await().atMost(Duration.ofSeconds(30)).until(() -> !Database.rows(query).isEmpty());
        return Database.rows(query).get(0)[0];
    }

    /** Per staff member, how many "bank payment returned" notifications name the invoice. */
    private static Map<String, Long> toldOfReturn(String number) throws Exception {
        Map<String, Long> told = new LinkedHashMap<>();
        for (String[] r : Database.rows("select s.username, count(*) from notification n join staff s on s.id = n.recipient_staff_id"
                + " where n.kind = 'BANK_PAYMENT_RETURNED' and n.invoice_number = '" + number + "' group by s.username")) {
            told.put(r[0], Long.parseLong(r[1]));
        }
        return told;
    }

    private static String post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    // --- the payer's steps ------------------------------------------------------------------------------------------

    /** Types a card into the Payment Element (any future expiry, any CVC) and presses Pay, as a payer would. */
    private static void payWith(Browser b, String number) {
        b.type(By.id("stripe-stand-in-number"), number);
        b.type(By.id("stripe-stand-in-expiry"), "12 / 39");
        b.type(By.id("stripe-stand-in-cvc"), "123");
        b.click(By.id("stripe-pay"));
    }

    /** Waits for the paid page; if it never comes, says what the payment page showed instead (Stripe's error). */
    private static void awaitPaid(Browser b, String title) {
        try {
            b.waitForText(By.id("paid"), title);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not paid; the browser is on " + b.driver().getCurrentUrl() + " showing:\n" + b.pageText(), e);
        }
    }

    /** The browser's side without a browser: the payer's session, and Stripe.js's requests as it makes them. */
    private final class HttpPayer {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final String form;

        HttpPayer(String link) throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher secret = Pattern.compile("data-form=\"([^\"]+)\"").matcher(page);
            assertThat(secret.find()).as("the Stripe payment form").isTrue();
            form = secret.group(1);
        }

        HttpResponse<String> startIntent(String choice, String amount) throws Exception {
            String body = "amountChoice=" + choice + "&amount=" + URLEncoder.encode(amount, StandardCharsets.UTF_8);
            return http.send(HttpRequest.newBuilder(URI.create(root() + "/checkout/intent"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-Paylink-Form", form)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        Map<String, String> intent() throws Exception {
            HttpResponse<String> answer = startIntent("full", "");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            Matcher secret = Pattern.compile("\"clientSecret\":\"([^\"]+)\"").matcher(answer.body());
            assertThat(secret.find()).isTrue();
            return Map.of("clientSecret", secret.group(1));
        }

        String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(root() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** Stripe.js's confirmation request, as the stand-in sends it: the status and the body. */
    private static String confirm(String intent, String clientSecret, String account, String key) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", key);
        if (account != null) {
            form.put("_stripe_account", account);
        }
        form.put("client_secret", clientSecret);
        form.put("payment_method_data[type]", "card");
        form.put("payment_method_data[card][number]", "4242424242424242");
        form.put("payment_method_data[card][exp_month]", "12");
        form.put("payment_method_data[card][exp_year]", "2039");
        form.put("payment_method_data[card][cvc]", "123");
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stripe.baseUrl() + "/v1/payment_intents/" + intent + "/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    // --- what the practice sees -------------------------------------------------------------------------------------

    private static String cardPayments(String number) {
        return "select count(*) from payment p join invoice i on i.id = p.invoice_id where i.number = '" + number
                + "' and p.method = 'CARD'";
    }

    /** The brand and last four digits recorded with the invoice's card payment. */
    private static String card(String number) throws Exception {
        String[] row = Database.rows("select p.card_brand, p.card_last4 from payment p join invoice i on i.id = p.invoice_id"
                + " where i.number = '" + number + "' and p.method = 'CARD'").get(0);
        return row[0] + " " + row[1];
    }

    /** The Stripe intent that paid the invoice (waits for it to be posted). */
    private static String cardPayment(String number) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> Database.count(cardPayments(number)) >= 1);
        return Database.rows("select p.gateway_reference from payment p join invoice i on i.id = p.invoice_id where i.number = '"
                + number + "' and p.method = 'CARD'").get(0)[0];
    }

    /** One card payment of {@code cents} on the invoice, by Stripe, and one notification to each of {@code told}. */
    private static void assertPaidOnce(String number, long cents, String... told) throws Exception {
        String intent = cardPayment(number);
        assertThat(intent).startsWith("pi_");
        assertThat(Database.rows("select amount_minor from payment p join invoice i on i.id = p.invoice_id where i.number = '"
                + number + "' and p.method = 'CARD'")).extracting(r -> r[0]).containsExactly(String.valueOf(cents));
        await().atMost(Duration.ofSeconds(30)).until(() -> notified(number).size() == told.length);
        assertThat(notified(number)).containsOnlyKeys(told).allSatisfy((who, count) -> assertThat(count).as(who).isEqualTo(1L));
        await().atMost(Duration.ofSeconds(30)).until(() -> stripe.pendingDeliveries() == 0);
        assertThat(Database.count(cardPayments(number))).as("still once after every webhook").isEqualTo(1);
    }

    /** Per staff member, how many payment notifications name the invoice. */
    private static Map<String, Long> notified(String number) throws Exception {
        Map<String, Long> told = new LinkedHashMap<>();
        for (String[] r : Database.rows("select s.username, count(*) from notification n join staff s on s.id = n.recipient_staff_id"
                + " where n.kind = 'PAYMENT_RECEIVED' and n.invoice_number like '%" + number + "%' group by s.username")) {
            told.put(r[0], Long.parseLong(r[1]));
        }
        return told;
    }

    /** The one receipt mail to {@code payer} carrying {@code receiptNumber}, as text (waits for it). */
    private static String receipt(String payer, String receiptNumber) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(payer, receiptNumber).size() == 1);
        return receipts(payer, receiptNumber).get(0);
    }

    private static List<String> receipts(String payer, String receiptNumber) {
        return mail.to(payer).stream().map(Mailbox::text).filter(t -> t.contains(receiptNumber)).toList();
    }
}
