package com.paylink.it.boundary;

import com.paylink.demo.DemoPhone;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Mailbox;
import com.paylink.it.Deployments;
import com.paylink.paymentlink.boundary.Channel;
import com.paylink.paymentlink.boundary.LinkSent;
import com.paylink.paymentlink.boundary.LinkTextSchedule;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.boundary.PaymentLinkRefused;
import com.paylink.paymentlink.boundary.PaymentLinkRefused.Reason;
import com.paylink.paymentlink.boundary.PaymentLinkService;
import com.paylink.paymentlink.boundary.SendOptions;
import com.paylink.platform.AdjustableClock;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 23, text-to-pay, through Twilio's own SDK and HTTP path to the local Twilio-compatible server (a process of
 * its own, which the build starts; the demo phone reads it and switches its faults): one link by email and text; consent checked before every send (T1); the text free of
 * PHI (T3); quiet hours hold a text and the link then lives its whole lifetime from when the text goes (T4); STOP
 * withdraws consent at once and START restores it, HELP is answered (T6); Twilio's signature is required and a replay
 * refused (T6); delivery statuses are kept (T6); a send Twilio refused for now is retried once, never twice (T5).
 */
@ExtendWith(ArquillianExtension.class)
class TextToPayIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The local Twilio's account, as the server is configured with it (arquillian.xml). */
    private static final String ACCOUNT_SID = System.getProperty("paylink.twilio.account.sid");
    private static final String AUTH_TOKEN = System.getProperty("paylink.twilio.auth.token");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/pay/([A-Za-z0-9_-]+)");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(TextToPayIT.class);
    }

    @EJB
    PaymentLinkService links;

    @EJB
    PayerLinkService payer;

    @EJB
    LinkTextSchedule schedule;

    @EJB
    DemoPhone phone;

    @Inject
    TestData data;

    private Mailbox smtp;

    @BeforeEach
    void start() {
        smtp = Mailbox.start();
    }

    @AfterEach
    void stop() {
        AdjustableClock.instance().reset();
        phone.clearFaults();
        smtp.stop();
    }

    private record Practice(long id, String biller, String dr, String service, String number) {
    }

    /** A practice with its own texting sender, registered with the local Twilio. */
    private Practice practice() {
        long id = data.practice(TestData.unique("Text"), true);
        String biller = data.staff(id, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(id, TestData.unique("dr"), true, BILLING);
        String service = "MG" + java.util.UUID.randomUUID().toString().replace("-", "");
        String number = "+1201555" + String.format("%04d", (int) (Math.random() * 100));
        phone.addService(service, number, true, webhook());
        data.texting(id, service, "Text Clinic");
        return new Practice(id, biller, dr, service, number);
    }

    private static final java.util.concurrent.atomic.AtomicInteger NUMBERS = new java.util.concurrent.atomic.AtomicInteger();

    /** A fictional mobile number (555-01xx in area 718, valid in libphonenumber, none of the demo's) of this test's own. */
    private static String mobile() {
        return "+1718555" + String.format("%04d", 100 + NUMBERS.getAndIncrement() % 100);
    }

    private static String webhook() {
        return System.getProperty("paylink.public.url") + "/webhooks/sms";
    }

    /** Moves the server's clock to today's {@code time} in New York (the test practices' zone). */
    private static void clockAt(LocalTime time) {
        AdjustableClock clock = AdjustableClock.instance();
        clock.reset();
        Instant target = ZonedDateTime.now(NEW_YORK).with(time).toInstant();
        clock.advance(Duration.between(Instant.now(), target));
    }

    private List<DemoPhone.Text> textsTo(String number) {
        return phone.messagesTo(number);
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("a link in: %s", text).isTrue();
        return m.group(1);
    }

    @Test
    void t2_oneLink_byEmailAndByText_eachOpensTheSameLink_andTheTextCarriesNoClinicalDetail() throws Exception {
        clockAt(LocalTime.of(13, 0));
        Practice p = practice();
        String to = mobile();
        String email = TestData.unique("both").toLowerCase() + "@example.com";
        long client = data.textableClient(p.id(), email, to, true);
        long invoice = data.invoice(client, p.dr(), TestData.unique("T"), "90.00");

        SendOptions options = As.staff(p.biller(), BILLING, () -> links.sendOptions(invoice));
        assertThat(options.text().available()).isTrue();
        assertThat(options.text().held()).isFalse();
        assertThat(options.text().maskedNumber()).endsWith(to.substring(to.length() - 4)).doesNotContain(to.substring(2, 8));
        assertThat(options.text().preview()).contains("Text Clinic", "$90.00", "/pay/XXXX", "STOP");
        assertThat(options.text().segments()).isEqualTo(1);

        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.EMAIL, Channel.TEXT)));
        assertThat(sent.emailed()).isTrue();
        assertThat(sent.texted()).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(to).size() == 1 && !smtp.to(email).isEmpty());
        DemoPhone.Text text = textsTo(to).get(0);
        assertThat(text.serviceSid()).as("from the practice's own sender").isEqualTo(p.service());
        assertThat(text.body()).contains("Text Clinic", "$90.00", "Reply STOP").hasSizeLessThanOrEqualTo(160);
        for (String clinical : data.clinicalWords()) {
            assertThat(text.body()).as("no service or provider in the text").doesNotContainIgnoringCase(clinical);
        }
        long byText = payer.open(token(text.body())).orElseThrow();
        long byEmail = payer.open(token(Mailbox.text(smtp.to(email).get(0)))).orElseThrow();
        assertThat(byText).as("one link, whatever the channel").isEqualTo(byEmail).isEqualTo(sent.linkId());
        assertThat(data.count("select count(*) from payment_link where invoice_id = " + invoice)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> data.texts(sent.linkId()).get(0).startsWith("DELIVERED"));
        assertThat(As.staff(p.biller(), BILLING, () -> links.current(invoice)).orElseThrow().textStatus())
                .as("the ledger shows the text beside the link").isEqualTo("DELIVERED");
        assertThat(data.texts(sent.linkId())).hasSize(1);
        assertThat(data.texts(sent.linkId()).get(0)).as("the token is kept nowhere (PL6)").doesNotContain(token(text.body()));
        assertThat(data.audit(invoice)).anyMatch(a -> a.startsWith("TEXTED "));
    }

    @Test
    void t1_withoutConsent_orWithoutANumber_noTextIsSent_andTheDialogSaysWhy() throws Exception {
        clockAt(LocalTime.of(13, 0));
        Practice p = practice();
        String to = mobile();
        long client = data.textableClient(p.id(), TestData.unique("nc").toLowerCase() + "@example.com", to, false);
        long invoice = data.invoice(client, p.dr(), TestData.unique("T"), "40.00");

        SendOptions options = As.staff(p.biller(), BILLING, () -> links.sendOptions(invoice));
        assertThat(options.text().available()).isFalse();
        assertThat(options.text().refusalCode()).isEqualTo(Reason.NO_TEXT_CONSENT.code());
        assertThatThrownBy(() -> As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT))))
                .isInstanceOfSatisfying(PaymentLinkRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_TEXT_CONSENT));
        assertThatThrownBy(() -> As.staff(p.biller(), BILLING,
                () -> links.send(List.of(invoice), null, EnumSet.of(Channel.EMAIL, Channel.TEXT))))
                .as("every channel asked for must be possible, or nothing is sent")
                .isInstanceOf(PaymentLinkRefused.class);
        assertThat(data.count("select count(*) from payment_link where invoice_id = " + invoice)).isZero();

        long noNumber = data.clientWithEmails(p.id(), TestData.unique("nn").toLowerCase() + "@example.com", null, null);
        long other = data.invoice(noNumber, p.dr(), TestData.unique("T"), "40.00");
        assertThatThrownBy(() -> As.staff(p.biller(), BILLING, () -> links.send(List.of(other), null, EnumSet.of(Channel.TEXT))))
                .isInstanceOfSatisfying(PaymentLinkRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_MOBILE_NUMBER));

        // consent withdrawn after the text was asked for, before it went: the sender checks again and sends nothing
        data.execute("update client set text_consent = 'GIVEN', text_consent_method = 'IN_PERSON' where id = " + client);
        clockAt(LocalTime.of(22, 30));
        LinkSent held = As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT)));
        data.execute("update client set text_consent = 'WITHDRAWN', text_consent_method = 'TOLD_STAFF' where id = " + client);
        clockAt(LocalTime.of(8, 0).plusMinutes(1));
        AdjustableClock.instance().advance(Duration.ofDays(1));
        schedule.requestDue(AdjustableClock.instance().instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> data.texts(held.linkId()).get(0).startsWith("REFUSED"));
        assertThat(textsTo(to)).isEmpty();
    }

    @Test
    void t4_aTextAskedForAt2230_waitsFor8_andTheLinkThenLivesItsWholeLifetime() throws Exception {
        clockAt(LocalTime.of(22, 30));
        Practice p = practice();
        String to = mobile();
        long client = data.textableClient(p.id(), null, to, true);
        long invoice = data.invoice(client, p.dr(), TestData.unique("T"), "60.00");
        SendOptions options = As.staff(p.biller(), BILLING, () -> links.sendOptions(invoice));
        assertThat(options.text().held()).as("the dialog says it waits").isTrue();
        Instant eight = ZonedDateTime.now(NEW_YORK).plusDays(1).with(LocalTime.of(8, 0)).toInstant();
        assertThat(options.text().goesAt()).isEqualTo(eight);

        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT)));
        assertThat(sent.emailed()).as("a client with no email: by text only").isFalse();
        assertThat(sent.textGoesAt()).isEqualTo(eight);
        assertThat(sent.expiresAt()).as("24 hours from when the text goes").isEqualTo(eight.plus(Duration.ofHours(24)));
        schedule.requestDue(AdjustableClock.instance().instant());
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).until(() -> textsTo(to).isEmpty()); // and stays so
        assertThat(textsTo(to)).as("nothing during quiet hours").isEmpty();

        AdjustableClock.instance().advance(Duration.between(AdjustableClock.instance().instant(), eight.plusSeconds(30)));
        schedule.requestDue(AdjustableClock.instance().instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(to).size() == 1);
        String body = textsTo(to).get(0).body();
        String expiry = java.time.format.DateTimeFormatter.ofPattern("MMM d, h:mm a", java.util.Locale.US)
                .format(eight.plus(Duration.ofHours(24)).atZone(NEW_YORK));
        assertThat(body).as("the expiry the client reads is a whole lifetime away").contains(expiry);
        assertThat(payer.open(token(body))).contains(sent.linkId());
    }

    @Test
    void t6_stopWithdrawsConsentAtOnce_aSendIsThenRefused_startRestoresIt_helpIsAnswered() throws Exception {
        clockAt(LocalTime.of(13, 0));
        Practice p = practice();
        String to = mobile();
        long client = data.textableClient(p.id(), TestData.unique("st").toLowerCase() + "@example.com", to, true);
        long invoice = data.invoice(client, p.dr(), TestData.unique("T"), "75.00");

        assertThat(phone.reply(to, p.service(), "Stop").status()).isEqualTo(200);
        assertThat(data.textConsent(client)).isEqualTo("WITHDRAWN");
        assertThat(data.count("select count(*) from client_history where client_id = " + client + " and kind = 'TEXT_OPTED_OUT'"))
                .isEqualTo(1);
        assertThatThrownBy(() -> As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT))))
                .isInstanceOfSatisfying(PaymentLinkRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.TEXT_OPTED_OUT));

        assertThat(phone.reply(to, p.service(), "START").status()).isEqualTo(200);
        assertThat(data.textConsent(client)).isEqualTo("GIVEN");
        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(to).stream().anyMatch(s -> s.body().contains("/pay/")));
        assertThat(payer.open(token(textsTo(to).stream().filter(s -> s.body().contains("/pay/")).findFirst().orElseThrow().body())))
                .contains(sent.linkId());

        DemoPhone.Reply help = phone.reply(to, p.service(), "HELP");
        assertThat(help.status()).isEqualTo(200);
        assertThat(help.response()).as("the practice's name and phone").contains("<Message>", "STOP");
    }

    @Test
    void t6_aForgedOrReplayedWebhookIsRefused_andChangesNothing() throws Exception {
        Practice p = practice();
        String to = mobile();
        long client = data.textableClient(p.id(), null, to, true);
        Map<String, String> params = new TreeMap<>(Map.of("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""),
                "AccountSid", ACCOUNT_SID, "MessagingServiceSid", p.service(), "From", to, "To", p.number(),
                "Body", "STOP"));
        String url = webhook();
        assertThat(post(url, params, "forged")).isEqualTo(403);
        assertThat(post(url, params, null)).isEqualTo(403);
        assertThat(post(url, params, sign(url, params, "not-the-auth-token"))).isEqualTo(403);
        assertThat(data.textConsent(client)).as("nothing changed").isEqualTo("GIVEN");

        String signature = sign(url, params, AUTH_TOKEN);
        assertThat(post(url, params, signature)).isEqualTo(200);
        assertThat(data.textConsent(client)).isEqualTo("WITHDRAWN");
        data.execute("update client set text_consent = 'GIVEN' where id = " + client);
        assertThat(post(url, params, signature)).as("the same signed request again").isEqualTo(403);
        assertThat(data.textConsent(client)).as("the replay changed nothing").isEqualTo("GIVEN");
    }

    @Test
    void t5_twilioSaysNotNow_theTextIsTriedAgainLater_andSentOnce_andAFilteredTextIsShownUndelivered() throws Exception {
        clockAt(LocalTime.of(13, 0));
        Practice p = practice();
        String to = mobile();
        long client = data.textableClient(p.id(), null, to, true);
        long invoice = data.invoice(client, p.dr(), TestData.unique("T"), "55.00");
        int before = phone.creates();
        phone.throttle(true);
        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> data.texts(sent.linkId()).get(0).startsWith("SCHEDULED"));
        await().during(Duration.ofMillis(2000)).atMost(Duration.ofSeconds(15)).until(() -> textsTo(to).isEmpty()); // and stays so
        assertThat(textsTo(to)).isEmpty();
        phone.throttle(false);
        AdjustableClock.instance().advance(Duration.ofSeconds(31));
        schedule.requestDue(AdjustableClock.instance().instant());
        schedule.requestDue(AdjustableClock.instance().instant()); // asked twice: still one text
        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(to).size() == 1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).until(() -> textsTo(to).size() == 1); // and stays so
        assertThat(textsTo(to)).hasSize(1);
        assertThat(phone.creates() - before).isEqualTo(1);
        assertThat(payer.open(token(textsTo(to).get(0).body()))).contains(sent.linkId());

        String filtered = mobile();
        long other = data.textableClient(p.id(), null, filtered, true);
        long otherInvoice = data.invoice(other, p.dr(), TestData.unique("T"), "55.00");
        phone.filterCarrier(filtered);
        LinkSent blocked = As.staff(p.biller(), BILLING, () -> links.send(List.of(otherInvoice), null, EnumSet.of(Channel.TEXT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> data.texts(blocked.linkId()).get(0).startsWith("UNDELIVERED 30007"));
        // T6: shown on the ledger beside the link, and the staff member who sent it hears of it, once
        var state = As.staff(p.biller(), BILLING, () -> links.current(otherInvoice)).orElseThrow();
        assertThat(state.textStatus()).isEqualTo("UNDELIVERED");
        assertThat(state.textError()).isEqualTo(30007);
        assertThat(state.isTextFailed()).isTrue();
        String toBiller = "select count(*) from notification where kind = 'TEXT_FAILED' and recipient_staff_id = "
                + "(select id from staff where username = '" + p.biller() + "')";
        await().atMost(Duration.ofSeconds(30)).until(() -> data.count(toBiller) == 1);
        await().during(Duration.ofMillis(1000)).atMost(Duration.ofSeconds(15)).until(() -> data.count(toBiller) == 1); // and stays so
        assertThat(data.count(toBiller)).isEqualTo(1);
    }

    @Test
    void t5_aSendWhoseAnswerWasLost_isFoundAtTwilioByItsToken_andNeverSentAgain() throws Exception {
        clockAt(LocalTime.of(13, 0));
        Practice p = practice();
        String to = mobile();
        long client = data.textableClient(p.id(), null, to, true);
        long invoice = data.invoice(client, p.dr(), TestData.unique("T"), "65.00");
        int before = phone.creates();
        phone.loseNextAnswers(1);
        LinkSent sent = As.staff(p.biller(), BILLING, () -> links.send(List.of(invoice), null, EnumSet.of(Channel.TEXT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> textsTo(to).size() == 1
                && data.texts(sent.linkId()).get(0).startsWith("SENDING"));
        schedule.requestDue(AdjustableClock.instance().instant()); // within the lease: left alone
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).until(() -> data.texts(sent.linkId()).get(0).startsWith("SENDING")); // and stays so
        assertThat(data.texts(sent.linkId()).get(0)).startsWith("SENDING");

        AdjustableClock.instance().advance(Duration.ofMinutes(2).plusSeconds(5));
        schedule.requestDue(AdjustableClock.instance().instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> !data.texts(sent.linkId()).get(0).startsWith("SENDING"));
        assertThat(data.texts(sent.linkId()).get(0)).matches("(?s)(ACCEPTED|SENT|DELIVERED) .*");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(15)).until(() -> phone.creates() - before == 1); // and stays so
        assertThat(phone.creates() - before).as("found at Twilio, not sent again").isEqualTo(1);
        assertThat(textsTo(to)).hasSize(1);
        assertThat(payer.open(token(textsTo(to).get(0).body()))).as("its link still opens").contains(sent.linkId());
        assertThat(data.audit(invoice)).anyMatch(a -> a.startsWith("TEXTED "));
    }

    private static int post(String url, Map<String, String> params, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Twilio's signature as its documentation gives it: HMAC-SHA1 of the URL and the sorted parameters, in base64. */
    private static String sign(String url, Map<String, String> params, String token) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
