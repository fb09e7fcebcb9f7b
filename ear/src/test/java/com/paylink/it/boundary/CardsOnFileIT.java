package com.paylink.it.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.payment.boundary.CardsOnFile;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.PayAmount;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.SandboxCard;
import com.paylink.payment.boundary.SaveCard;
import com.paylink.payment.control.SandboxGateway;
import com.paylink.paymentlink.control.LinkTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 25 (PAY19, PAY20) with the sandbox: a payment with "Save this card" ticked keeps the card with the consent
 * shown, one without keeps nothing; Billing sees and removes cards (detached at the gateway first), other staff do not;
 * the receipt of a payment that saved a card carries the client's link to withdraw it, whose GET changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
class CardsOnFileIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);
    private static final String CONSENT = "Save this card so Cardwell Care can charge it for future sessions. (test words)";
    private static final SandboxCard VISA = new SandboxCard("Jo Payer", "4242424242424242", "12/39", "123", "02139");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(CardsOnFileIT.class);
    }

    @EJB
    CheckoutService checkout;

    @EJB
    CardsOnFile cards;

    @Inject
    SandboxGateway sandbox;

    @Inject
    TestData data;

    private record Fx(long practice, String biller, String dr, long client, long invoice, long link, String email) {
    }

    private Fx fixture() {
        long practice = data.practice(TestData.unique("Cardwell"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        String email = TestData.unique("card").toLowerCase() + "@example.com";
        long client = data.clientWithEmails(practice, email, null, null);
        long invoice = data.invoice(client, dr, TestData.unique("CF"), "90.00");
        return new Fx(practice, biller, dr, client, invoice, data.link(invoice, biller, LinkTokens.newToken(), Instant.now()), email);
    }

    private PayResult pay(Fx f, long link, SaveCard save) {
        return checkout.paySandbox(link, PayAmount.FULL_BALANCE, VISA, LinkTokens.newToken(), "203.0.113.9", save);
    }

    @Test
    void pay19_aPaymentWithTheBoxTicked_savesTheCardWithItsConsent_andOneWithoutSavesNothing() throws Exception {
        Fx f = fixture();
        long other = data.invoice(f.client(), f.dr(), TestData.unique("CF"), "40.00");
        long otherLink = data.link(other, f.biller(), LinkTokens.newToken(), Instant.now());
        assertThat(pay(f, otherLink, null).kind()).isEqualTo(PayResult.Kind.PAID);
        assertThat(As.staff(f.biller(), BILLING, () -> cards.of(f.client()))).as("no box, no card").isEmpty();

        assertThat(pay(f, f.link(), new SaveCard(CONSENT, "  Jo Payer  ")).kind()).isEqualTo(PayResult.Kind.PAID);
        List<CardsOnFile.CardOnFile> saved = As.staff(f.biller(), BILLING, () -> cards.of(f.client()));
        assertThat(saved).hasSize(1);
        CardsOnFile.CardOnFile card = saved.get(0);
        assertThat(card.brand() + " " + card.last4()).isEqualTo("visa 4242");
        assertThat(card.consentText()).isEqualTo(CONSENT);
        assertThat(card.consentName()).isEqualTo("Jo Payer");
        assertThat(card.usable()).isTrue();
        assertThat(data.count("select count(*) from stored_card where consent_address_hash is not null and client_id = " + f.client()))
                .as("the payer's address, as a hash").isEqualTo(1);
        assertThat(data.count("select count(*) from client_history where kind = 'CARD_SAVED' and client_id = " + f.client())).isEqualTo(1);
        String ref = (String) data.one("select card_ref from stored_card where client_id = " + f.client());
        assertThat(sandbox.savedCard(ref).customer()).as("saved on the client's customer").isNotNull();

        String desk = data.staff(f.practice(), TestData.unique("desk"), false, EnumSet.noneOf(Permission.class));
        assertThatThrownBy(() -> As.staff(desk, EnumSet.noneOf(Permission.class), () -> cards.of(f.client())))
                .as("cards on file are Billing's and Admins'").isInstanceOf(Exception.class);
        String stranger = data.staff(data.practice(TestData.unique("Else"), true), TestData.unique("biller"), false, BILLING);
        assertThatThrownBy(() -> As.staff(stranger, BILLING, () -> cards.of(f.client())))
                .as("another practice's client does not exist").isInstanceOf(Exception.class);
    }

    @Test
    void pay20_billingRemovesACard_detachedThenRemoved_othersCannot() throws Exception {
        Fx f = fixture();
        assertThat(pay(f, f.link(), new SaveCard(CONSENT, "Jo Payer")).kind()).isEqualTo(PayResult.Kind.PAID);
        long id = As.staff(f.biller(), BILLING, () -> cards.of(f.client())).get(0).id();
        String ref = (String) data.one("select card_ref from stored_card where id = " + id);

        String admin = data.staff(f.practice(), TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> cards.of(f.client()))).as("Admins see them").hasSize(1);
        assertThatThrownBy(() -> As.staff(admin, EnumSet.of(Permission.ADMIN), () -> {
            cards.remove(id);
            return null;
        })).as("removing is Billing's").isInstanceOf(Exception.class);
        String stranger = data.staff(data.practice(TestData.unique("Else"), true), TestData.unique("biller"), false, BILLING);
        assertThatThrownBy(() -> As.staff(stranger, BILLING, () -> {
            cards.remove(id);
            return null;
        })).isInstanceOf(Exception.class);
        assertThat(sandbox.savedCard(ref).customer()).as("still attached").isNotNull();

        As.staff(f.biller(), BILLING, () -> {
            cards.remove(id);
            cards.remove(id); // again: nothing more
            return null;
        });
        assertThat(sandbox.savedCard(ref).customer()).as("detached at the gateway").isNull();
        CardsOnFile.CardOnFile removed = As.staff(f.biller(), BILLING, () -> cards.of(f.client())).get(0);
        assertThat(removed.removedAt()).isNotNull();
        assertThat(removed.removedBy()).isEqualTo("STAFF");
        assertThat(removed.usable()).isFalse();
        assertThat(data.count("select count(*) from client_history where kind = 'CARD_REMOVED' and client_id = " + f.client()))
                .isEqualTo(1);
        assertThat(data.count("select count(*) from payment p join invoice i on i.id = p.invoice_id where i.client_id = "
                + f.client())).as("past payments do not change").isEqualTo(1);
    }

    @Test
    void pay20_theReceiptsLinkWithdrawsTheCard_aGetChangesNothing() throws Exception {
        try (Mailbox mail = Mailbox.start()) {
            Fx f = fixture();
            assertThat(pay(f, f.link(), new SaveCard(CONSENT, "Jo Payer")).kind()).isEqualTo(PayResult.Kind.PAID);
            await().atMost(Duration.ofSeconds(30)).until(() -> !mail.to(f.email()).isEmpty());
            String receipt = Mailbox.text(mail.to(f.email()).get(0));
            assertThat(receipt).contains("Visa ending 4242 is saved", "Stop charges to this card");
            Matcher stop = Pattern.compile("(https?://[^\\s\"<]+/cards/stop/([A-Za-z0-9_-]{43}))").matcher(receipt);
            assertThat(stop.find()).isTrue();
            assertThat(data.count("select count(*) from stored_card_token where token_hash = '" + LinkTokens.hash(stop.group(2)) + "'"))
                    .as("only its hash is kept").isEqualTo(1);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(stop.group(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Stop charges to this card", "<form method=\"post\"");
            assertThat(data.count("select count(*) from stored_card where removed_at is null and client_id = " + f.client()))
                    .as("a GET (a mail scanner) withdraws nothing").isEqualTo(1);

            HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(stop.group(1)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("can no longer charge this card");
            assertThat(data.count("select count(*) from stored_card where removed_reason = 'CLIENT' and client_id = " + f.client()))
                    .isEqualTo(1);
            assertThat(data.count("select count(*) from client_history where kind = 'CARD_WITHDRAWN' and client_id = " + f.client()))
                    .isEqualTo(1);
            String ref = (String) data.one("select card_ref from stored_card where client_id = " + f.client());
            assertThat(sandbox.savedCard(ref).customer()).as("detached").isNull();

            HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(System.getProperty("paylink.public.url")
                    + "/cards/stop/" + LinkTokens.newToken())).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.body()).as("the same answer for any token").contains("can no longer charge this card");
        }
    }
}
