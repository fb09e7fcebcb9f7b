package com.paylink.twiliolocal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drives {@link LocalTwilio} with the real Twilio SDK: its requests keep their https://api.twilio.com and
 * https://messaging.twilio.com URLs, and an Apache route planner sends every connection to the stand-in.
 */
class LocalTwilioTest {

    private static final String SERVICE = "MG" + "0123456789abcdef0123456789abcdef";
    private static final String UNREGISTERED = "MG" + "fedcba9876543210fedcba9876543210";
    private static final String PRACTICE = "+15005550006";
    private static final String OTHER_PRACTICE = "+15005550007";
    private static final String PATIENT = "+14155550101";

    private LocalTwilio twilio;
    private TwilioRestClient client;
    /** The application's side: status callbacks and the inbound webhook, as a JDK server. */
    private HttpServer app;
    private final List<Received> callbacks = new CopyOnWriteArrayList<>();
    private final List<Received> inbound = new CopyOnWriteArrayList<>();
    private volatile String twimlAnswer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    /** One request the application received: the URL Twilio used, its form parameters and its signature. */
    record Received(String url, Map<String, String> params, String signature) {
    }

    @BeforeEach
    void start() throws IOException {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/status", exchange -> receive(exchange, callbacks, ""));
        app.createContext("/sms", exchange -> receive(exchange, inbound, twimlAnswer));
        app.start();
        twilio = new LocalTwilio();
        twilio.setCallbackDelay(Duration.ofMillis(20));
        twilio.addMessagingService(SERVICE, PRACTICE, true, appUrl("/sms"));
        twilio.addMessagingService(UNREGISTERED, OTHER_PRACTICE, false, null);
        client = client(LocalTwilio.ACCOUNT_SID, LocalTwilio.AUTH_TOKEN);
    }

    @AfterEach
    void stop() {
        twilio.close();
        app.stop(0);
    }

    /** The SDK's client, every connection routed to the stand-in whatever the URL's host. */
    private TwilioRestClient client(String accountSid, String authToken) {
        int port = twilio.port();
        HttpClientBuilder routed = HttpClientBuilder.create()
                .setRoutePlanner((target, context) -> new HttpRoute(new HttpHost("http", "127.0.0.1", port)));
        return new TwilioRestClient.Builder(accountSid, authToken).httpClient(new NetworkHttpClient(routed)).build();
    }

    private String appUrl(String path) {
        return "http://127.0.0.1:" + app.getAddress().getPort() + path;
    }

    private void receive(HttpExchange exchange, List<Received> into, String answer) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        into.add(new Received(appUrl(exchange.getRequestURI().toString()), params,
                exchange.getRequestHeaders().getFirst("X-Twilio-Signature")));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static void await(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }

    private Message.Status fetchStatus(String sid) {
        return Message.fetcher(sid).fetch(client).getStatus();
    }

    private List<String> callbackStatuses(String sid) {
        return callbacks.stream().filter(c -> sid.equals(c.params().get("MessageSid")))
                .map(c -> c.params().get("MessageStatus")).toList();
    }

    // --- sending ----------------------------------------------------------------------------------------------------

    @Test
    void aLostAnswer_leavesTheCallerNotKnowing_butTheMessageWentOnce_andTheListShowsIt() throws Exception {
        twilio.loseNextAnswers(1);
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "lost answer").create(client))
                .as("no answer: the SDK cannot tell whether it went (an ApiException without a status)")
                .isInstanceOfSatisfying(com.twilio.exception.ApiException.class, e -> assertThat(e.getStatusCode()).isNull());
        assertThat(twilio.creates()).as("the POST was not sent again by the HTTP client").isEqualTo(1);
        List<Message> found = new java.util.ArrayList<>();
        Message.reader().setTo(new PhoneNumber(PATIENT)).read(client).forEach(found::add);
        assertThat(found).singleElement().satisfies(m -> assertThat(m.getBody()).isEqualTo("lost answer"));
        Message.creator(new PhoneNumber(PATIENT), SERVICE, "answered").create(client);
        assertThat(twilio.creates()).isEqualTo(2);
    }

    @Test
    void aMessageThroughTheServiceIsAcceptedThenGetsItsSenderAndSegments() throws Exception {
        String body = "x".repeat(161); // GSM-7, one over a single segment
        Message created = Message.creator(new PhoneNumber(PATIENT), SERVICE, body).create(client);

        assertThat(created.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Message.Status.ACCEPTED);
        assertThat(created.getAccountSid()).isEqualTo(LocalTwilio.ACCOUNT_SID);
        assertThat(created.getMessagingServiceSid()).isEqualTo(SERVICE);
        assertThat(created.getTo()).isEqualTo(PATIENT);
        assertThat(created.getBody()).isEqualTo(body);
        // as Twilio documents: no sender picked yet, so no From and num_segments "0" in the answer to the create
        assertThat(created.getFrom()).isNull();
        assertThat(created.getNumSegments()).isEqualTo("0");
        assertThat(created.getNumMedia()).isEqualTo("0");
        assertThat(created.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);
        assertThat(created.getApiVersion()).isEqualTo("2010-04-01");
        assertThat(created.getDateCreated()).isNotNull();
        assertThat(created.getDateSent()).isNull();
        assertThat(created.getPrice()).isNull();
        assertThat(created.getPriceUnit()).hasToString("USD");
        assertThat(created.getErrorCode()).isNull();
        assertThat(created.getUri()).isEqualTo("/2010-04-01/Accounts/" + LocalTwilio.ACCOUNT_SID + "/Messages/"
                + created.getSid() + ".json");
        assertThat(created.getSubresourceUris()).containsKey("media");
        assertThat(twilio.creates()).isEqualTo(1);

        await(() -> fetchStatus(created.getSid()) == Message.Status.DELIVERED);
        Message fetched = Message.fetcher(created.getSid()).fetch(client);
        assertThat(fetched.getFrom()).hasToString(PRACTICE);
        assertThat(fetched.getNumSegments()).isEqualTo("2");
        assertThat(fetched.getDateSent()).isNotNull();
        assertThat(twilio.messagesTo(PATIENT)).singleElement().satisfies(sms -> {
            assertThat(sms.from()).isEqualTo(PRACTICE);
            assertThat(sms.serviceSid()).isEqualTo(SERVICE);
            assertThat(sms.status()).isEqualTo("delivered");
            assertThat(sms.segments()).isEqualTo(2);
            assertThat(sms.outbound()).isTrue();
        });
    }

    @Test
    void aMessageWithFromIsQueuedWithItsSegments() throws Exception {
        Message created = Message.creator(new PhoneNumber(PATIENT), new PhoneNumber(PRACTICE), "Your receipt: €12 ✓")
                .create(client);
        assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(created.getFrom()).hasToString(PRACTICE);
        assertThat(created.getMessagingServiceSid()).isNull();
        assertThat(created.getNumSegments()).isEqualTo("1");
        await(() -> fetchStatus(created.getSid()) == Message.Status.DELIVERED);
    }

    @Test
    void segmentsAreCountedAsCarriersCountThem() {
        assertThat(LocalTwilio.segments("a".repeat(160))).isEqualTo(1);
        assertThat(LocalTwilio.segments("a".repeat(161))).isEqualTo(2);
        assertThat(LocalTwilio.segments("a".repeat(306))).isEqualTo(2);
        assertThat(LocalTwilio.segments("a".repeat(307))).isEqualTo(3);
        assertThat(LocalTwilio.segments("€".repeat(80))).isEqualTo(1);  // extension characters: two septets each
        assertThat(LocalTwilio.segments("€".repeat(81))).isEqualTo(2);
        assertThat(LocalTwilio.segments("ç".repeat(70))).isEqualTo(1);  // not GSM-7 (only Ç is): UCS-2
        assertThat(LocalTwilio.segments("ç".repeat(71))).isEqualTo(2);
        assertThat(LocalTwilio.segments("a".repeat(68) + "😀")).isEqualTo(1); // 70 UTF-16 units
        assertThat(LocalTwilio.segments("a".repeat(69) + "😀")).isEqualTo(2);
        // 134 units fit two segments of 67, but the pair is not split across segments 1 and 2: three
        assertThat(LocalTwilio.segments("a".repeat(66) + "😀" + "a".repeat(66))).isEqualTo(3);
    }

    @Test
    void fetchOfAnUnknownMessageIs20404() {
        assertThatThrownBy(() -> Message.fetcher("SM" + "0".repeat(32)).fetch(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo(20404);
                });
    }

    // --- listing ----------------------------------------------------------------------------------------------------

    @Test
    void theSdksReaderPagesThroughTheListFilteredByTo() throws Exception {
        List<String> toPatient = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            toPatient.add(Message.creator(new PhoneNumber(PATIENT), SERVICE, "reminder " + i).create(client).getSid());
        }
        Message.creator(new PhoneNumber("+14155550199"), SERVICE, "someone else").create(client);

        int before = twilio.requests();
        ResourceSet<Message> read = Message.reader().setTo(new PhoneNumber(PATIENT)).setPageSize(2L).read(client);
        List<String> listed = StreamSupport.stream(read.spliterator(), false).map(Message::getSid).toList();
        List<String> newestFirst = new ArrayList<>(toPatient);
        java.util.Collections.reverse(newestFirst);
        assertThat(listed).isEqualTo(newestFirst); // newest first, over three pages
        assertThat(twilio.requests() - before).isEqualTo(3);

        await(() -> twilio.all().stream().allMatch(s -> s.status().equals("delivered")));
        ZonedDateTime now = ZonedDateTime.now();
        assertThat(Message.reader().setTo(PATIENT).setDateSentAfter(now.minusHours(1)).read(client))
                .extracting(Message::getSid).containsExactlyInAnyOrderElementsOf(toPatient);
        assertThat(Message.reader().setTo(PATIENT).setDateSentBefore(now.minusDays(1)).read(client)).isEmpty();
        assertThat(Message.reader().setFrom(PRACTICE).read(client)).hasSize(6);
    }

    // --- refusals ---------------------------------------------------------------------------------------------------

    @Test
    void wrongCredentialsOrAnotherAccountAreRefusedWith20003() {
        TwilioRestClient wrongToken = client(LocalTwilio.ACCOUNT_SID, "0".repeat(32));
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(wrongToken))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getCode()).isEqualTo(20003);
                    assertThat(e.getMessage()).isEqualTo("Authenticate");
                    assertThat(e.getMoreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20003");
                });
        String otherAccount = "AC" + "f".repeat(32);
        assertThatThrownBy(() -> Message.creator(otherAccount, new PhoneNumber(PATIENT), SERVICE, "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20003));
        assertThatThrownBy(() -> Service.fetcher(SERVICE).fetch(wrongToken))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20003));
        assertThat(twilio.creates()).isZero();
    }

    @Test
    void invalidRequestsAreRefusedWithTwiliosCodes() {
        assertThatThrownBy(() -> Message.creator(new PhoneNumber("555-0101"), SERVICE, "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(21211);
                    assertThat(e.getMessage()).startsWith("Invalid 'To' Phone Number");
                });
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(21602);
                    assertThat(e.getMessage()).isEqualTo("Message body is required.");
                });
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "x".repeat(1601)).create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21617));
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), "MG" + "1".repeat(32), "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21701));
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), "MGnope", "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21705));
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), new PhoneNumber("+15005550999"), "hi")
                .create(client)).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21606));
        assertThat(twilio.creates()).isZero();
        assertThat(twilio.all()).isEmpty();
    }

    // --- faults -----------------------------------------------------------------------------------------------------

    @Test
    void throttledCreatesAre429AndOnlyApacheRetriesThemOnce() {
        twilio.throttle(true);
        int before = twilio.requests();
        long started = System.nanoTime();
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getCode()).isEqualTo(20429);
                    assertThat(e.getMessage()).isEqualTo("Too Many Requests");
                });
        // the SDK's own retries (HttpClient.RETRY_CODES) are for 5xx only; the second request is Apache HttpClient 5's
        // DefaultHttpRequestRetryStrategy, which retries a 429 or 503 once, after a second, whatever the method
        assertThat(twilio.requests() - before).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        twilio.throttle(false);
        assertThat(Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(client).getStatus())
                .isEqualTo(Message.Status.ACCEPTED);
        assertThat(twilio.creates()).isEqualTo(1);
    }

    @Test
    void theSdkRetriesA5xxCreateUpToThreeAttempts() {
        twilio.failNextCreates(1, 500, 20500, "Internal Server Error");
        int before = twilio.requests();
        Message created = Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(client);
        assertThat(created.getStatus()).isEqualTo(Message.Status.ACCEPTED);
        assertThat(twilio.requests() - before).as("one failure, then the SDK's retry").isEqualTo(2);
        assertThat(twilio.creates()).isEqualTo(1);

        twilio.failNextCreates(3, 500, 20500, "Internal Server Error");
        int again = twilio.requests();
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(500);
                    assertThat(e.getCode()).isEqualTo(20500);
                });
        assertThat(twilio.requests() - again).as("the SDK's three attempts, 100 ms apart").isEqualTo(3);
        assertThat(twilio.creates()).isEqualTo(1);

        // a 503 is retried by Apache first (once, after a second), the SDK's loop only sees the second answer
        twilio.failNextCreates(1, 503, 20503, "Service Unavailable");
        int third = twilio.requests();
        assertThat(Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(client).getStatus())
                .isEqualTo(Message.Status.ACCEPTED);
        assertThat(twilio.requests() - third).isEqualTo(2);

        twilio.failNextCreates(1, 400, 21612, "The 'To' phone number is not currently reachable via SMS");
        int fourth = twilio.requests();
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "hi").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21612));
        assertThat(twilio.requests() - fourth).as("a 4xx is never retried").isEqualTo(1);
        assertThat(twilio.creates()).isEqualTo(2);
    }

    @Test
    void statusCallbacksArriveInOrderSignedAsTwilioSignsThem() throws Exception {
        String url = appUrl("/status?practice=7");
        Message created = Message.creator(new PhoneNumber(PATIENT), SERVICE, "Your payment link").setStatusCallback(url)
                .create(client);
        await(() -> callbackStatuses(created.getSid()).size() == 3);
        assertThat(callbackStatuses(created.getSid())).containsExactly("queued", "sent", "delivered");

        RequestValidator validator = new RequestValidator(LocalTwilio.AUTH_TOKEN);
        RequestValidator wrongToken = new RequestValidator("0".repeat(32));
        for (Received callback : callbacks) {
            assertThat(callback.url()).isEqualTo(url);
            assertThat(validator.validate(callback.url(), callback.params(), callback.signature())).isTrue();
            assertThat(wrongToken.validate(callback.url(), callback.params(), callback.signature())).isFalse();
            assertThat(callback.params()).containsEntry("MessageSid", created.getSid())
                    .containsEntry("SmsSid", created.getSid())
                    .containsEntry("AccountSid", LocalTwilio.ACCOUNT_SID)
                    .containsEntry("MessagingServiceSid", SERVICE)
                    .containsEntry("From", PRACTICE)
                    .containsEntry("To", PATIENT)
                    .containsEntry("ApiVersion", "2010-04-01")
                    .doesNotContainKey("ErrorCode");
            assertThat(callback.params().get("SmsStatus")).isEqualTo(callback.params().get("MessageStatus"));
        }
        Map<String, String> tampered = new LinkedHashMap<>(callbacks.get(2).params());
        tampered.put("MessageStatus", "failed");
        assertThat(validator.validate(url, tampered, callbacks.get(2).signature())).isFalse();
    }

    @Test
    void carrierFilteringEndsUndeliveredWith30007() throws Exception {
        twilio.filterCarrier(PATIENT);
        Message created = Message.creator(new PhoneNumber(PATIENT), SERVICE, "Pay here: https://example.test/p/1")
                .setStatusCallback(appUrl("/status")).create(client);
        assertThat(created.getStatus()).isEqualTo(Message.Status.ACCEPTED);
        await(() -> callbackStatuses(created.getSid()).size() == 3);
        assertThat(callbackStatuses(created.getSid())).containsExactly("queued", "sent", "undelivered");
        assertThat(callbacks.get(2).params()).containsEntry("ErrorCode", "30007");
        Message fetched = Message.fetcher(created.getSid()).fetch(client);
        assertThat(fetched.getStatus()).isEqualTo(Message.Status.UNDELIVERED);
        assertThat(fetched.getErrorCode()).isEqualTo(30007);
        assertThat(fetched.getErrorMessage()).isNotBlank();
        assertThat(twilio.messagesTo(PATIENT)).singleElement()
                .satisfies(sms -> assertThat(sms.errorCode()).isEqualTo(30007));
    }

    @Test
    void anUnregisteredServiceEndsUndeliveredWith30034AndAnUnreachablePhoneFailsWith30003() throws Exception {
        Message unregistered = Message.creator(new PhoneNumber(PATIENT), UNREGISTERED, "hi")
                .setStatusCallback(appUrl("/status")).create(client);
        assertThat(unregistered.getStatus()).isEqualTo(Message.Status.ACCEPTED);
        await(() -> callbackStatuses(unregistered.getSid()).contains("undelivered"));
        assertThat(callbackStatuses(unregistered.getSid())).containsExactly("queued", "undelivered");
        assertThat(Message.fetcher(unregistered.getSid()).fetch(client).getErrorCode()).isEqualTo(30034);

        String lost = "+14155550123";
        twilio.unreachable(lost);
        Message failed = Message.creator(new PhoneNumber(lost), SERVICE, "hi").setStatusCallback(appUrl("/status"))
                .create(client);
        await(() -> callbackStatuses(failed.getSid()).contains("failed"));
        assertThat(callbackStatuses(failed.getSid())).containsExactly("queued", "failed");
        Message fetched = Message.fetcher(failed.getSid()).fetch(client);
        assertThat(fetched.getStatus()).isEqualTo(Message.Status.FAILED);
        assertThat(fetched.getErrorCode()).isEqualTo(30003);
        assertThat(fetched.getDateSent()).isNull();
        assertThat(twilio.messagesTo(lost)).singleElement().satisfies(sms -> assertThat(sms.status()).isEqualTo("failed"));
    }

    // --- the phone --------------------------------------------------------------------------------------------------

    @Test
    void stopOptsOutUntilStart() throws Exception {
        LocalTwilio.Reply stop = twilio.reply(PATIENT, SERVICE, "  Stop ");
        assertThat(stop.status()).isEqualTo(200);
        assertThat(twilio.optedOut(SERVICE, PATIENT)).isTrue();
        assertThat(inbound).singleElement().satisfies(r -> assertThat(r.params()).containsEntry("OptOutType", "STOP")
                .containsEntry("Body", "  Stop "));
        assertThat(twilio.conversation(PATIENT)).extracting(LocalTwilio.Sms::body)
                .containsExactly("  Stop ", LocalTwilio.OPT_OUT_CONFIRMATION);

        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "Your link").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo(21610);
                    assertThat(e.getMessage()).isEqualTo("Attempt to send to unsubscribed recipient");
                });
        // another service's number is another sender: its opt-outs are its own
        assertThat(Message.creator(new PhoneNumber(PATIENT), UNREGISTERED, "hi").create(client).getStatus())
                .isEqualTo(Message.Status.ACCEPTED);

        twilio.reply(PATIENT, SERVICE, "START");
        assertThat(twilio.optedOut(SERVICE, PATIENT)).isFalse();
        assertThat(inbound.get(1).params()).containsEntry("OptOutType", "START");
        assertThat(twilio.conversation(PATIENT)).extracting(LocalTwilio.Sms::body).contains(LocalTwilio.OPT_IN_CONFIRMATION);
        assertThat(Message.creator(new PhoneNumber(PATIENT), SERVICE, "Your link").create(client).getStatus())
                .isEqualTo(Message.Status.ACCEPTED);

        twilio.reply(PATIENT, SERVICE, "help");
        assertThat(inbound.get(2).params()).containsEntry("OptOutType", "HELP");
        twilio.reply(PATIENT, SERVICE, "stop sending me the wrong amount");
        assertThat(inbound.get(3).params()).doesNotContainKey("OptOutType");
        assertThat(twilio.optedOut(SERVICE, PATIENT)).isFalse();
    }

    @Test
    void aReplyReachesTheSignedWebhookAndTheTwimlAnswerIsTextedBack() throws Exception {
        twimlAnswer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>Thanks, we got it &amp; "
                + "will call you.</Message></Response>";
        LocalTwilio.Reply reply = twilio.reply(PATIENT, SERVICE, "Can I pay on Friday?");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.responseBody()).contains("<Message>");

        Received webhook = inbound.get(0);
        assertThat(webhook.url()).isEqualTo(appUrl("/sms"));
        assertThat(new RequestValidator(LocalTwilio.AUTH_TOKEN).validate(webhook.url(), webhook.params(),
                webhook.signature())).isTrue();
        assertThat(webhook.params()).containsEntry("From", PATIENT).containsEntry("To", PRACTICE)
                .containsEntry("Body", "Can I pay on Friday?").containsEntry("MessagingServiceSid", SERVICE)
                .containsEntry("AccountSid", LocalTwilio.ACCOUNT_SID).containsEntry("NumMedia", "0")
                .containsEntry("NumSegments", "1").containsEntry("SmsStatus", "received")
                .containsEntry("ApiVersion", "2010-04-01").doesNotContainKey("OptOutType");
        assertThat(webhook.params().get("MessageSid")).matches("SM[0-9a-f]{32}")
                .isEqualTo(webhook.params().get("SmsSid"));

        assertThat(twilio.messagesTo(PATIENT)).singleElement().satisfies(sms -> {
            assertThat(sms.body()).isEqualTo("Thanks, we got it & will call you.");
            assertThat(sms.from()).isEqualTo(PRACTICE);
            assertThat(sms.outbound()).isTrue();
        });
        assertThat(twilio.conversation(PATIENT)).extracting(LocalTwilio.Sms::outbound).containsExactly(false, true);
        await(() -> twilio.messagesTo(PATIENT).get(0).status().equals("delivered"));
        // the reply is not an API create; both show in the API's list
        assertThat(twilio.creates()).isZero();
        assertThat(Message.reader().read(client)).extracting(Message::getDirection)
                .containsExactly(Message.Direction.OUTBOUND_REPLY, Message.Direction.INBOUND);
    }

    // --- the control API (a process of its own, driven from another) -------------------------------------------------

    private java.net.http.HttpResponse<String> control(String method, String path, String form, String user, String password)
            throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(twilio.baseUrl() + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.GET();
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private java.net.http.HttpResponse<String> control(String method, String path, String form) throws Exception {
        return control(method, path, form, LocalTwilio.ACCOUNT_SID, LocalTwilio.AUTH_TOKEN);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theControlApiDrivesEveryFaultAndThePhoneFromAnotherProcess_withTheAccountsCredentials() throws Exception {
        assertThat(control("GET", "/local/messages", "", LocalTwilio.ACCOUNT_SID, "wrong").statusCode()).isEqualTo(401);
        assertThat(control("POST", "/local/forget", "", LocalTwilio.ACCOUNT_SID, "wrong").statusCode()).isEqualTo(401);

        String third = "MG" + "00000000000000000000000000000abc";
        assertThat(control("POST", "/local/services", "Sid=" + third + "&Number=" + enc("+15005550009")
                + "&Registered=false&InboundUrl=").statusCode()).isEqualTo(200);
        assertThat(Service.fetcher(third).fetch(client).getUsAppToPersonRegistered()).isFalse();
        java.net.http.HttpResponse<String> badService = control("POST", "/local/services", "Sid=MGnope&Number=1");
        assertThat(badService.statusCode()).isEqualTo(400);
        assertThat(badService.body()).contains("21100", "MG and 32");

        control("POST", "/local/faults", "FailNext=1&Status=400&Code=21211&Message=" + enc("Invalid 'To' Phone Number"));
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "x").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(21211));
        control("POST", "/local/faults", "Throttle=true");
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "x").create(client))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getStatusCode()).isEqualTo(429));
        control("POST", "/local/faults", "Clear=true&FilterCarrier=" + enc(PATIENT) + "&CallbackDelayMillis=5");
        String sid = Message.creator(new PhoneNumber(PATIENT), SERVICE, "Your link").create(client).getSid();
        await(() -> fetchStatus(sid) == Message.Status.UNDELIVERED);
        assertThat(control("POST", "/local/faults", "Unreachable=12345").statusCode()).isEqualTo(400);
        control("POST", "/local/faults", "Clear=true&LoseNextAnswers=1");
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(PATIENT), SERVICE, "lost").create(client))
                .isInstanceOf(RuntimeException.class);
        assertThat(control("GET", "/local/counts", "").body()).contains("\"creates\":2");

        java.net.http.HttpResponse<String> reply = control("POST", "/local/reply",
                "From=" + enc(PATIENT) + "&ServiceSid=" + SERVICE + "&Body=STOP");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).startsWith("{\"status\":200,");
        assertThat(twilio.optedOut(SERVICE, PATIENT)).isTrue();
        assertThat(control("POST", "/local/reply", "From=12&ServiceSid=" + SERVICE + "&Body=hi").statusCode())
                .isEqualTo(400);

        String texts = control("GET", "/local/messages?To=" + enc(PATIENT), "").body();
        assertThat(texts).startsWith("[{").contains("\"body\":\"Your link\"", "\"status\":\"undelivered\"",
                "\"error_code\":30007", "\"body\":\"STOP\"", "\"outbound\":false", "\"segments\":1");

        assertThat(control("POST", "/local/forget", "").statusCode()).isEqualTo(200);
        assertThat(control("GET", "/local/messages", "").body()).isEqualTo("[]");
        assertThat(twilio.optedOut(SERVICE, PATIENT)).as("opt-outs forgotten").isFalse();
        assertThat(control("POST", "/local/nothing", "").statusCode()).isEqualTo(404);
    }

    // --- the Messaging Service --------------------------------------------------------------------------------------

    @Test
    void theServiceShowsItsA2pRegistration() {
        Service registered = Service.fetcher(SERVICE).fetch(client);
        assertThat(registered.getSid()).isEqualTo(SERVICE);
        assertThat(registered.getAccountSid()).isEqualTo(LocalTwilio.ACCOUNT_SID);
        assertThat(registered.getUsAppToPersonRegistered()).isTrue();
        assertThat(registered.getInboundRequestUrl()).hasToString(appUrl("/sms"));
        assertThat(registered.getUrl()).hasToString("https://messaging.twilio.com/v1/Services/" + SERVICE);
        assertThat(registered.getDateCreated()).isNotNull();
        assertThat(registered.getLinks()).containsKey("phone_numbers");
        assertThat(Service.fetcher(UNREGISTERED).fetch(client).getUsAppToPersonRegistered()).isFalse();

        assertThatThrownBy(() -> Service.fetcher("MG" + "2".repeat(32)).fetch(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo(20404);
                });
    }
}
