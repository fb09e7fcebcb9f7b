package com.paylink.twiliolocal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Twilio-compatible server: the part of Twilio Programmable Messaging that Paylink reaches through the
 * official Twilio Java SDK, and the phone on the other end of it.
 * <p>
 * Paylink keeps the SDK's real requests (to {@code https://api.twilio.com} and {@code https://messaging.twilio.com})
 * and only routes the TCP connection here: this server speaks plain HTTP on the loopback address, routes by path and
 * accepts any {@code Host} header.
 *
 * <h2>What it reproduces</h2>
 * <ul>
 * <li>{@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}: sending a message (form parameters {@code To},
 * {@code Body}, {@code MessagingServiceSid} and/or {@code From}, optional {@code StatusCallback}). The answer is 201
 * with the Message resource as Twilio returns it. Sent through a Messaging Service, the message starts
 * {@code accepted} and, as Twilio documents, the 201 has {@code from} null and {@code num_segments} "0" because no
 * sender has been picked yet; once the service picks its number (the {@code queued} step) a fetch shows {@code from}
 * and the segment count. Sent with {@code From} (one of the registered services' numbers), it starts
 * {@code queued} with both filled in. Segments are counted as carriers do: GSM-7 (the extension characters
 * {@code ^ { } \ [ ~ ] | €} and form feed take two septets) 160 in one segment or 153 per segment when concatenated;
 * anything else UCS-2, 70 or 67 UTF-16 units (a surrogate pair is never split).</li>
 * <li>{@code GET .../Messages/{Sid}.json}: fetching one message, with its current status, {@code error_code},
 * {@code error_message} and {@code date_sent}.</li>
 * <li>{@code GET .../Messages.json}: the list, newest first, filtered by {@code To}, {@code From} and
 * {@code DateSent} (exact, or {@code DateSent<} on-or-before and {@code DateSent>} on-or-after as the SDK encodes
 * them; a date alone {@code YYYY-MM-DD} covers that UTC day, a date-time {@code YYYY-MM-DDTHH:MM:SS[Z]} is read as
 * UTC; messages not yet sent have no date_sent and never match), paged with {@code PageSize} (default 50, at most
 * 1000), {@code Page} and {@code PageToken} in Twilio's page JSON ({@code messages}, {@code first_page_uri},
 * {@code next_page_uri} null on the last page, {@code previous_page_uri}, {@code page}, {@code page_size},
 * {@code start}, {@code end}, {@code uri}) so that the SDK's reader pages through it. Inbound messages and replies are
 * listed too ({@code direction} inbound and outbound-reply).</li>
 * <li>{@code GET /v1/Services/{ServiceSid}} (messaging.twilio.com): the Messaging Service, with
 * {@code us_app_to_person_registered}, dates in ISO 8601, {@code url} and {@code links}.</li>
 * <li>HTTP Basic authentication with the account SID and auth token on every API request; the account in the path
 * must be the same one.</li>
 * <li>Status callbacks, asynchronously (own executor, one step every {@link #setCallbackDelay(Duration)}, 100 ms by
 * default), form-encoded POSTs with {@code MessageSid}, {@code SmsSid}, {@code AccountSid},
 * {@code MessagingServiceSid} (when sent through one), {@code From}, {@code To}, {@code MessageStatus},
 * {@code SmsStatus}, {@code ApiVersion} and {@code ErrorCode} when failed or undelivered, signed as Twilio signs them:
 * {@code X-Twilio-Signature} = Base64(HMAC-SHA1(auth token, the full callback URL followed by every POST parameter's
 * name and value, sorted by name)). A callback reports each change after the status the API answered with: through a
 * Messaging Service queued, sent, delivered; with From sent, delivered. Like Twilio it does not retry a callback that
 * fails. The stored message changes with each step, before its callback is posted.</li>
 * <li>The phone: {@link #reply} texts a Messaging Service's number. The inbound webhook (the service's
 * {@code inbound_request_url}) gets Twilio's signed form POST; a TwiML answer's {@code <Message>} texts (or their
 * {@code <Body>}) are sent back to the phone as {@code outbound-reply} messages.</li>
 * <li>Advanced Opt-Out as Twilio applies it by default to a Messaging Service: an inbound body that is, trimmed and
 * in any case, one of STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE or OPTOUT opts the number out of that
 * service, and Twilio itself texts its default confirmation; START, UNSTOP or YES opt it back in, with Twilio's
 * default re-subscription text. The webhook is still called for these, with {@code OptOutType} STOP or START; HELP
 * and INFO are forwarded with {@code OptOutType} HELP and their answer is left to the application's TwiML. A create
 * to an opted-out number is refused with 21610; TwiML answering an opted-out number is dropped, as Twilio drops it.</li>
 * </ul>
 *
 * <h2>What it refuses, with Twilio's codes (400 unless said)</h2>
 * <ul>
 * <li>20003 (401) {@code Authenticate}: missing or wrong Basic credentials, or another account in the path.</li>
 * <li>20404 (404): an unknown message, service or path. 20004 (405): a method this server does not take.</li>
 * <li>21604: no {@code To}. 21211 {@code Invalid 'To' Phone Number: ...}: {@code To} not in E.164.</li>
 * <li>21603: neither {@code From} nor {@code MessagingServiceSid}.</li>
 * <li>21705 {@code The Messaging Service is invalid}: a {@code MessagingServiceSid} that is not MG and 32 hex digits;
 * 21701 {@code The Messaging Service does not exist}: a well-formed one that this account does not have (Twilio's
 * documented code for a Messaging Service resource that does not exist or is not the account's).</li>
 * <li>21212 {@code Invalid 'From' Phone Number}: {@code From} not in E.164; 21606: {@code From} not one of the
 * account's numbers (or, with a Messaging Service too, not that service's number).</li>
 * <li>21602 {@code Message body is required.}; 21617: a body over 1600 characters (UTF-16 units, so an emoji counts
 * twice).</li>
 * <li>21609: a {@code StatusCallback} that is not an absolute http(s) URL.</li>
 * <li>21610 {@code Attempt to send to unsubscribed recipient}: the recipient replied STOP to that service.</li>
 * </ul>
 *
 * <h2>Faults for tests</h2>
 * {@link #failNextCreates} (any status and code), {@link #throttle} (429, 20429 {@code Too Many Requests}),
 * {@link #filterCarrier} (sent, then undelivered with 30007), a service that is not A2P 10DLC registered (queued, then
 * undelivered with 30034, never sent), {@link #unreachable} (queued, then failed with 30003). Each request that
 * reaches this server consumes one of {@link #failNextCreates}, and two layers of the client retry (Twilio SDK
 * 11.2.0 with Apache HttpClient 5.5, as observed by the tests): the SDK's {@code HttpClient#reliableRequest} makes up
 * to three attempts, 100 ms apart, on any 5xx (its {@code RETRY_CODES} are 5xx only); beneath it Apache's
 * {@code DefaultHttpRequestRetryStrategy}, in every {@code HttpClientBuilder} that does not replace it, repeats a 429
 * or a 503 once after one second (or {@code Retry-After}), POSTs included. So a throttled create reaches this server
 * twice, a 500 three times, and a 503 up to six times before the SDK throws its {@code ApiException}.
 *
 * <h2>Not reproduced</h2>
 * Media (MMS), scheduling, message updates, redaction and deletion (405), the Messaging Service's own status
 * callback and fallback URL, sender pools of more than one number, sticky sender, smart encoding, prices (always
 * null), Twilio's own retries of unanswered inbound webhooks, and any product other than Programmable Messaging.
 * <p>
 * It is plain Java (the JDK's {@code com.sun.net.httpserver}, {@code javax.crypto}, {@code javax.xml}) and
 * thread-safe: it runs in its unit tests' JVM and, for the demo, the integration tests and the benchmark, as a process
 * of its own ({@link #main}) that they drive through its control API ({@link #control}).
 */
public final class LocalTwilio implements AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LocalTwilio.class.getName());

    /** The stand-in's account: "AC" and 32 fixed hex digits. */
    public static final String ACCOUNT_SID = "AC" + "10ca17e5700000000000000000000001";
    /** The stand-in account's auth token. */
    public static final String AUTH_TOKEN = "10ca17e57a11700000000000000000aa";

    static final String API_VERSION = "2010-04-01";

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern ACCOUNT_SID_FORMAT = Pattern.compile("AC[0-9a-f]{32}");
    private static final Pattern SERVICE_SID_FORMAT = Pattern.compile("MG[0-9a-f]{32}");
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/2010-04-01/Accounts/([^/]+)(/.*)?");
    private static final Pattern MESSAGE_PATH = Pattern.compile("/Messages/([^/]+)\\.json");
    private static final Pattern SERVICE_PATH = Pattern.compile("/v1/Services/([^/]+)");
    /**
     * The stand-in's own control (not Twilio's API), under {@code /local/}, with the account's Basic credentials; see
     * {@link #control}. {@code POST /local/throttle?on=true|false} switches {@link #throttle}.
     */
    public static final String CONTROL_PREFIX = "/local/";
    public static final String THROTTLE_PATH = CONTROL_PREFIX + "throttle";
    private static final int MAX_BODY = 1600;
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;

    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_8601 = DateTimeFormatter.ISO_INSTANT;

    private static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    private static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP = Set.of("HELP", "INFO");
    /** Twilio's default Advanced Opt-Out confirmations. */
    static final String OPT_OUT_CONFIRMATION = "You have successfully been unsubscribed. You will not receive any more "
            + "messages from this number. Reply START to resubscribe.";
    static final String OPT_IN_CONFIRMATION = "You have successfully been re-subscribed to messages from this number. "
            + "Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.";

    /** GSM 03.38: the basic character set (one septet each) and its extension table (escape + one septet). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** A text as the phone side sees it: who sent it to whom, through which service, and how it ended. */
    public record Sms(String sid, String from, String to, String serviceSid, String body, String status,
                      Integer errorCode, int segments, Instant at, boolean outbound) {
    }

    /** The application's answer to an inbound message: its HTTP status (0: no webhook, -1: no answer) and body. */
    public record Reply(int status, String responseBody) {
    }

    private static final class Service {
        final String sid;
        final Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        volatile Instant updated = created;
        volatile String number;
        volatile boolean a2pRegistered;
        volatile String inboundUrl;
        final Set<String> optedOut = ConcurrentHashMap.newKeySet();

        Service(String sid) {
            this.sid = sid;
        }
    }

    /** A stored message. Mutable parts are changed under the message's lock. */
    private static final class Msg {
        final String sid;
        final String serviceSid;      // the Messaging Service it went through (null: sent with From)
        final String owner;           // the service whose number it uses (for opt-outs and A2P)
        final String sender;          // the number it is sent from (or, inbound, the phone)
        final String to;
        final String body;
        final String direction;
        final int segments;
        final Instant created;
        final String statusCallback;
        String status;
        boolean senderAssigned;
        Integer errorCode;
        String errorMessage;
        Instant updated;
        Instant sent;

        Msg(String sid, String serviceSid, String owner, String sender, String to, String body, String direction,
            String status, String statusCallback) {
            this.sid = sid;
            this.serviceSid = serviceSid;
            this.owner = owner;
            this.sender = sender;
            this.to = to;
            this.body = body;
            this.direction = direction;
            this.segments = segments(body);
            this.created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            this.updated = created;
            this.status = status;
            this.senderAssigned = !"accepted".equals(status);
            this.statusCallback = statusCallback;
        }

        boolean outbound() {
            return !"inbound".equals(direction);
        }

        synchronized Sms sms() {
            return new Sms(sid, sender, to, owner, body, status, errorCode, segments, created, outbound());
        }

        synchronized Instant dateSent() {
            return sent;
        }

        /** The number the message shows as its sender: an outbound one's only once its service picked it. */
        synchronized String shownFrom() {
            return senderAssigned || !outbound() ? sender : null;
        }
    }

    /** One step of a message's life after it was accepted. */
    private record Step(String status, Integer errorCode, String errorMessage) {
    }

    private record Failure(int status, int code, String message) {
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService lifecycle;
    private final String accountSid;
    private final String authToken;
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, Msg> bySid = new ConcurrentHashMap<>();
    private final List<Msg> log = new CopyOnWriteArrayList<>();
    private final Set<String> filtered = ConcurrentHashMap.newKeySet();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger answersToDrop = new AtomicInteger();

    /** Thrown to leave an exchange without any answer (see {@link #loseNextAnswers}). */
    private static final class AnswerLost extends RuntimeException {
        AnswerLost() {
            super("answer lost on purpose", null, false, false);
        }
    }
    private volatile Failure failure;
    private volatile boolean throttled;
    private volatile Duration callbackDelay = Duration.ofMillis(100);
    private volatile boolean closed;

    /** On a free port of the loopback address, for {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN}. */
    public LocalTwilio() throws IOException {
        this(0, ACCOUNT_SID, AUTH_TOKEN);
    }

    /** On {@code port} of the loopback address (0: any free port), for that account and auth token. */
    public LocalTwilio(int port, String accountSid, String authToken) throws IOException {
        if (accountSid == null || !ACCOUNT_SID_FORMAT.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("an account SID is AC and 32 lower-case hex digits: " + accountSid);
        }
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("an auth token is required");
        }
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        handlers = Executors.newFixedThreadPool(8, daemons("local-twilio-http"));
        lifecycle = Executors.newScheduledThreadPool(2, daemons("local-twilio-callbacks"));
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String accountSid() {
        return accountSid;
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        handlers.shutdownNow();
        lifecycle.shutdownNow();
    }

    // --- configuration ----------------------------------------------------------------------------------------------

    /**
     * Registers a Messaging Service of this account (or changes one already registered, keeping its opt-outs): its
     * SID (MG and 32 hex digits), its one sender number (E.164), whether its A2P 10DLC campaign is registered (if
     * not, texts are undelivered with 30034), and where Twilio POSTs the texts its number receives (null: nowhere).
     */
    public void addMessagingService(String serviceSid, String senderNumber, boolean a2pRegistered, String inboundWebhookUrl) {
        if (serviceSid == null || !SERVICE_SID_FORMAT.matcher(serviceSid).matches()) {
            throw new IllegalArgumentException("a Messaging Service SID is MG and 32 lower-case hex digits: " + serviceSid);
        }
        if (senderNumber == null || !E164.matcher(senderNumber).matches()) {
            throw new IllegalArgumentException("a sender number is in E.164 (+ and up to 15 digits): " + senderNumber);
        }
        Service service = services.computeIfAbsent(serviceSid, Service::new);
        service.number = senderNumber;
        service.a2pRegistered = a2pRegistered;
        service.inboundUrl = inboundWebhookUrl;
        service.updated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Changes where a registered service's inbound texts are POSTed (null: nowhere). */
    public void setInboundWebhook(String serviceSid, String url) {
        Service service = service(serviceSid);
        service.inboundUrl = url;
        service.updated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The pause before each step of a message's life (queued, sent, delivered...) and its status callback. */
    public void setCallbackDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a delay of zero or more is required");
        }
        callbackDelay = delay;
    }

    /** The next {@code n} creates are answered {@code httpStatus} with Twilio's error JSON of that code and message. */
    public void failNextCreates(int n, int httpStatus, int code, String message) {
        failure = new Failure(httpStatus, code, message);
        failuresLeft.set(n);
    }

    /** While on, every create is answered 429 with code 20429, as Twilio answers past the account's rate. */
    public void throttle(boolean on) {
        throttled = on;
    }

    /** Carriers filter texts to {@code number}: accepted, sent, then undelivered with 30007. */
    public void filterCarrier(String number) {
        filtered.add(number);
    }

    /** {@code number}'s handset cannot be reached: accepted, then failed with 30003. */
    public void unreachable(String number) {
        unreachable.add(number);
    }

    /**
     * The next {@code n} creates are taken (the message exists and goes out) but their answers are lost: the connection
     * closes without one, as when a response times out. The caller must find out whether the text went.
     */
    public void loseNextAnswers(int n) {
        answersToDrop.set(n);
    }

    /** Ends every fault: failing creates, throttling, carrier filtering, unreachable numbers and lost answers. */
    public void clearFaults() {
        answersToDrop.set(0);
        failuresLeft.set(0);
        throttled = false;
        filtered.clear();
        unreachable.clear();
    }

    /** Forgets every text and every opt-out, and ends every fault (the demo's reset; the services stay). */
    public void forgetEverything() {
        clearFaults();
        log.clear();
        bySid.clear();
        services.values().forEach(service -> service.optedOut.clear());
    }

    // --- what happened ----------------------------------------------------------------------------------------------

    /** Texts sent to {@code number}, oldest first, with how they ended (failed and undelivered ones too). */
    public List<Sms> messagesTo(String number) {
        return log.stream().filter(m -> m.outbound() && m.to.equals(number)).map(Msg::sms).toList();
    }

    /** Every text between {@code number} and the account's services, both ways, oldest first. */
    public List<Sms> conversation(String number) {
        return log.stream().filter(m -> m.outbound() ? m.to.equals(number) : m.sender.equals(number))
                .map(Msg::sms).toList();
    }

    /** Every text, both ways, oldest first. */
    public List<Sms> all() {
        return log.stream().map(Msg::sms).toList();
    }

    /** Creates accepted through the API. */
    public int creates() {
        return creates.get();
    }

    /** Every HTTP request this server answered. */
    public int requests() {
        return requests.get();
    }

    /** Whether {@code number} has opted out of the service (replied STOP and not START since). */
    public boolean optedOut(String serviceSid, String number) {
        return service(serviceSid).optedOut.contains(number);
    }

    private Service service(String serviceSid) {
        Service service = serviceSid == null ? null : services.get(serviceSid);
        if (service == null) {
            throw new IllegalArgumentException("no Messaging Service " + serviceSid + " is registered");
        }
        return service;
    }

    // --- the phone --------------------------------------------------------------------------------------------------

    /**
     * The phone {@code fromNumber} texts {@code body} to the service's number: Twilio records the inbound message,
     * applies Advanced Opt-Out (STOP..., START..., with its own confirmation text), POSTs the signed inbound webhook and
     * sends the texts of a TwiML answer back to the phone.
     */
    public Reply reply(String fromNumber, String serviceSid, String body) {
        Service service = service(serviceSid);
        if (fromNumber == null || !E164.matcher(fromNumber).matches()) {
            throw new IllegalArgumentException("the phone's number is in E.164: " + fromNumber);
        }
        String text = body == null ? "" : body;
        Msg inbound = new Msg(newSid("SM"), service.sid, service.sid, fromNumber, service.number, text, "inbound",
                "received", null);
        inbound.sent = inbound.created;
        record(inbound);

        String keyword = text.trim().toUpperCase(Locale.ROOT);
        String optOutType = null;
        if (OPT_OUT.contains(keyword)) {
            optOutType = "STOP";
            service.optedOut.add(fromNumber);
            sendReply(service, fromNumber, OPT_OUT_CONFIRMATION);
        } else if (OPT_IN.contains(keyword)) {
            optOutType = "START";
            service.optedOut.remove(fromNumber);
            sendReply(service, fromNumber, OPT_IN_CONFIRMATION);
        } else if (HELP.contains(keyword)) {
            optOutType = "HELP";
        }

        String url = service.inboundUrl;
        if (url == null) {
            return new Reply(0, "");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", inbound.sid);
        params.put("NumMedia", "0");
        params.put("SmsSid", inbound.sid);
        params.put("SmsStatus", "received");
        params.put("Body", text);
        params.put("FromCountry", "US");
        params.put("To", service.number);
        params.put("MessagingServiceSid", service.sid);
        params.put("NumSegments", String.valueOf(inbound.segments));
        params.put("MessageSid", inbound.sid);
        params.put("AccountSid", accountSid);
        params.put("From", fromNumber);
        params.put("ApiVersion", API_VERSION);
        if (optOutType != null) {
            params.put("OptOutType", optOutType);
        }
        Reply answer = post(url, params);
        if (answer.status() >= 200 && answer.status() < 300) {
            for (String[] message : twimlMessages(answer.responseBody())) {
                String to = message[0] == null ? fromNumber : message[0];
                if (service.optedOut.contains(to)) {
                    LOG.fine("TwiML <Message> to unsubscribed " + to + " dropped (21610)");
                } else {
                    sendReply(service, to, message[1]);
                }
            }
        }
        return answer;
    }

    /** A text Twilio sends back on an inbound one (its own confirmation, or the application's TwiML). */
    private void sendReply(Service service, String to, String body) {
        Msg reply = new Msg(newSid("SM"), service.sid, service.sid, service.number, to, body, "outbound-reply",
                "queued", null);
        record(reply);
        startLife(reply, service);
    }

    /** The {@code <Message>} verbs of a TwiML document: [to attribute or null, text]. Anything else yields none. */
    static List<String[]> twimlMessages(String twiml) {
        if (twiml == null || !twiml.trim().startsWith("<")) {
            return List.of();
        }
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            org.w3c.dom.Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.trim().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!"Response".equals(root.getTagName())) {
                return List.of();
            }
            List<String[]> messages = new ArrayList<>();
            for (org.w3c.dom.Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof org.w3c.dom.Element verb && "Message".equals(verb.getTagName())) {
                    org.w3c.dom.NodeList bodies = verb.getElementsByTagName("Body");
                    String text;
                    if (bodies.getLength() > 0) {
                        text = bodies.item(0).getTextContent();
                    } else {
                        StringBuilder direct = new StringBuilder();
                        for (org.w3c.dom.Node part = verb.getFirstChild(); part != null; part = part.getNextSibling()) {
                            if (part.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                                    || part.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                                direct.append(part.getNodeValue());
                            }
                        }
                        text = direct.toString();
                    }
                    text = text.trim();
                    if (!text.isEmpty()) {
                        String to = verb.getAttribute("to");
                        messages.add(new String[] {to.isEmpty() ? null : to, text});
                    }
                }
            }
            return messages;
        } catch (Exception e) {
            LOG.fine("the webhook's answer is not TwiML: " + e);
            return List.of();
        }
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            route(exchange);
        } catch (AnswerLost e) {
            // no answer at all: the connection closes (finally) before a status line was written
        } catch (RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "local Twilio stand-in failed on " + exchange.getRequestURI(), e);
            error(exchange, 500, 20500, "Internal Server Error");
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith(CONTROL_PREFIX)) {
            // not Twilio's: the stand-in's own control, for the demo server, the tests and the benchmark in other
            // processes, with the account's credentials like every request
            if (authorized(exchange, accountSid)) {
                control(exchange, path.substring(CONTROL_PREFIX.length()), method);
            }
            return;
        }
        Matcher account = ACCOUNT_PATH.matcher(path);
        if (account.matches()) {
            if (!authorized(exchange, account.group(1))) {
                return;
            }
            String rest = account.group(2) == null ? "" : account.group(2);
            if (rest.equals("/Messages.json")) {
                if ("POST".equals(method)) {
                    create(exchange);
                } else if ("GET".equals(method)) {
                    list(exchange);
                } else {
                    notAllowed(exchange);
                }
                return;
            }
            Matcher message = MESSAGE_PATH.matcher(rest);
            if (message.matches()) {
                if ("GET".equals(method)) {
                    Msg msg = bySid.get(message.group(1));
                    if (msg == null) {
                        notFound(exchange);
                    } else {
                        respond(exchange, 200, json(msg));
                    }
                } else {
                    notAllowed(exchange);
                }
                return;
            }
            notFound(exchange);
            return;
        }
        Matcher service = SERVICE_PATH.matcher(path);
        if (service.matches()) {
            if (!authorized(exchange, accountSid)) {
                return;
            }
            if (!"GET".equals(method)) {
                notAllowed(exchange);
                return;
            }
            Service found = services.get(service.group(1));
            if (found == null) {
                notFound(exchange);
            } else {
                respond(exchange, 200, json(found));
            }
            return;
        }
        notFound(exchange);
    }

    /**
     * The stand-in's control API, so that a process of its own can be driven from the demo server, the tests and the
     * benchmark (form-encoded POSTs; JSON answers; 400 with Twilio's error body and code 21100 on a bad value):
     * <ul>
     * <li>{@code GET /local/messages[?To=+number]}: every text both ways (or those to and from one number), oldest
     * first, as a JSON array of {@code sid, from, to, service_sid, body, status, error_code, segments, at (ISO 8601),
     * outbound}.</li>
     * <li>{@code GET /local/counts}: {@code {"creates":n,"requests":n}}.</li>
     * <li>{@code POST /local/services} {@code Sid, Number, Registered (true|false), InboundUrl (optional)}:
     * {@link #addMessagingService}.</li>
     * <li>{@code POST /local/reply} {@code From, ServiceSid, Body}: {@link #reply}; answers
     * {@code {"status":n,"response":"..."}} with the application's answer.</li>
     * <li>{@code POST /local/faults}, any of: {@code Clear=true} ({@link #clearFaults}, applied first),
     * {@code FailNext=n, Status, Code, Message} ({@link #failNextCreates}), {@code Throttle=true|false},
     * {@code FilterCarrier=+number}, {@code Unreachable=+number}, {@code LoseNextAnswers=n},
     * {@code CallbackDelayMillis=n}.</li>
     * <li>{@code POST /local/forget}: {@link #forgetEverything}.</li>
     * <li>{@code POST /local/throttle?on=true|false}: {@link #throttle}.</li>
     * </ul>
     */
    private void control(HttpExchange exchange, String action, String method) throws IOException {
        boolean post = "POST".equals(method);
        if (!post && !"GET".equals(method)) {
            notAllowed(exchange);
            return;
        }
        Map<String, String> form = post
                ? form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                : form(exchange.getRequestURI().getRawQuery());
        try {
            switch (post + " " + action) {
                case "false messages" -> {
                    String number = form.get("To");
                    List<Sms> texts = number == null ? all() : conversation(number);
                    StringBuilder out = new StringBuilder("[");
                    for (Sms sms : texts) {
                        if (out.length() > 1) {
                            out.append(',');
                        }
                        out.append(json(sms));
                    }
                    respond(exchange, 200, out.append(']').toString());
                }
                case "false counts" -> respond(exchange, 200, "{\"creates\":" + creates() + ",\"requests\":" + requests() + "}");
                case "true services" -> {
                    addMessagingService(form.get("Sid"), form.get("Number"), Boolean.parseBoolean(form.get("Registered")),
                            blankToNull(form.get("InboundUrl")));
                    respond(exchange, 200, json(service(form.get("Sid"))));
                }
                case "true reply" -> {
                    Reply answer = reply(form.get("From"), form.get("ServiceSid"), form.get("Body"));
                    respond(exchange, 200, "{\"status\":" + answer.status() + ",\"response\":" + text(answer.responseBody()) + "}");
                }
                case "true faults" -> {
                    faults(form);
                    respond(exchange, 200, "{\"throttled\":" + throttled + "}");
                }
                case "true forget" -> {
                    forgetEverything();
                    respond(exchange, 200, "{}");
                }
                case "true throttle" -> {
                    String query = exchange.getRequestURI().getQuery();
                    throttle(query != null && query.contains("on=true"));
                    respond(exchange, 200, "{\"throttled\":" + throttled + "}");
                }
                default -> notFound(exchange);
            }
        } catch (IllegalArgumentException e) {
            error(exchange, 400, 21100, e.getMessage());
        }
    }

    private void faults(Map<String, String> form) {
        if (Boolean.parseBoolean(form.get("Clear"))) {
            clearFaults();
        }
        if (form.containsKey("FailNext")) {
            failNextCreates(number(form, "FailNext"), number(form, "Status"), number(form, "Code"),
                    form.getOrDefault("Message", "Internal Server Error"));
        }
        if (form.containsKey("Throttle")) {
            throttle(Boolean.parseBoolean(form.get("Throttle")));
        }
        if (form.containsKey("FilterCarrier")) {
            filterCarrier(e164(form.get("FilterCarrier")));
        }
        if (form.containsKey("Unreachable")) {
            unreachable(e164(form.get("Unreachable")));
        }
        if (form.containsKey("LoseNextAnswers")) {
            loseNextAnswers(number(form, "LoseNextAnswers"));
        }
        if (form.containsKey("CallbackDelayMillis")) {
            setCallbackDelay(Duration.ofMillis(number(form, "CallbackDelayMillis")));
        }
    }

    private static int number(Map<String, String> form, String name) {
        try {
            return Integer.parseInt(form.getOrDefault(name, ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number: " + form.get(name));
        }
    }

    private static String e164(String number) {
        if (number == null || !E164.matcher(number).matches()) {
            throw new IllegalArgumentException("a number is in E.164 (+ and up to 15 digits): " + number);
        }
        return number;
    }

    /** Basic authentication with this account's SID and auth token, for this account's resources only. */
    private boolean authorized(HttpExchange exchange, String pathAccount) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        boolean ok = false;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                ok = colon > 0
                        && same(credentials.substring(0, colon), accountSid)
                        && same(credentials.substring(colon + 1), authToken)
                        && accountSid.equals(pathAccount);
            } catch (IllegalArgumentException e) {
                ok = false;
            }
        }
        if (!ok) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Twilio API\"");
            error(exchange, 401, 20003, "Authenticate");
        }
        return ok;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private void create(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (throttled) {
            error(exchange, 429, 20429, "Too Many Requests");
            return;
        }
        Failure planned = failure;
        if (planned != null && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            error(exchange, planned.status(), planned.code(), planned.message());
            return;
        }
        String to = form.get("To");
        if (to == null || to.isEmpty()) {
            error(exchange, 400, 21604, "A 'To' phone number is required.");
            return;
        }
        if (!E164.matcher(to).matches()) {
            error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + to);
            return;
        }
        String serviceSid = blankToNull(form.get("MessagingServiceSid"));
        String from = blankToNull(form.get("From"));
        if (serviceSid == null && from == null) {
            error(exchange, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message");
            return;
        }
        Service service;
        if (serviceSid != null) {
            if (!SERVICE_SID_FORMAT.matcher(serviceSid).matches()) {
                error(exchange, 400, 21705, "The Messaging Service is invalid");
                return;
            }
            service = services.get(serviceSid);
            if (service == null) {
                error(exchange, 400, 21701, "The Messaging Service does not exist");
                return;
            }
            if (from != null && !from.equals(service.number)) {
                error(exchange, 400, 21606, "The 'From' phone number provided (" + from
                        + ") is not a valid message-capable Twilio phone number for this destination/account");
                return;
            }
        } else {
            if (!E164.matcher(from).matches()) {
                error(exchange, 400, 21212, "Invalid 'From' Phone Number: " + from);
                return;
            }
            service = services.values().stream().filter(s -> from.equals(s.number)).findFirst().orElse(null);
            if (service == null) {
                error(exchange, 400, 21606, "The 'From' phone number provided (" + from
                        + ") is not a valid message-capable Twilio phone number for this destination/account");
                return;
            }
        }
        String body = form.get("Body");
        if (body == null || body.isEmpty()) {
            error(exchange, 400, 21602, "Message body is required.");
            return;
        }
        if (body.length() > MAX_BODY) {
            error(exchange, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
            return;
        }
        String callback = blankToNull(form.get("StatusCallback"));
        if (callback != null && !httpUrl(callback)) {
            error(exchange, 400, 21609, "Invalid StatusCallback url: " + callback);
            return;
        }
        if (service.optedOut.contains(to)) {
            error(exchange, 400, 21610, "Attempt to send to unsubscribed recipient");
            return;
        }
        Msg msg = new Msg(newSid("SM"), serviceSid, service.sid, service.number, to, body, "outbound-api",
                serviceSid != null ? "accepted" : "queued", callback);
        record(msg);
        creates.incrementAndGet();
        if (answersToDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            // the message is taken, but its answer is lost on the way (the connection closes without one): the caller
            // cannot tell whether it went, as after a timeout
            startLife(msg, service);
            throw new AnswerLost();
        }
        respond(exchange, 201, json(msg));
        startLife(msg, service);
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private void record(Msg msg) {
        bySid.put(msg.sid, msg);
        log.add(msg);
    }

    // --- a message's life -------------------------------------------------------------------------------------------

    private void startLife(Msg msg, Service service) {
        List<Step> steps = new ArrayList<>();
        if ("accepted".equals(msg.status)) {
            steps.add(new Step("queued", null, null));
        }
        if (unreachable.contains(msg.to)) {
            steps.add(new Step("failed", 30003, "Unreachable destination handset"));
        } else if (!service.a2pRegistered) {
            steps.add(new Step("undelivered", 30034, "US A2P 10DLC - Message from an Unregistered Number"));
        } else if (filtered.contains(msg.to)) {
            steps.add(new Step("sent", null, null));
            steps.add(new Step("undelivered", 30007, "Message filtered"));
        } else {
            steps.add(new Step("sent", null, null));
            steps.add(new Step("delivered", null, null));
        }
        schedule(msg, steps, 0);
    }

    private void schedule(Msg msg, List<Step> steps, int index) {
        if (closed || index >= steps.size()) {
            return;
        }
        try {
            lifecycle.schedule(() -> advance(msg, steps, index), callbackDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void advance(Msg msg, List<Step> steps, int index) {
        Step step = steps.get(index);
        Map<String, String> params = new LinkedHashMap<>();
        synchronized (msg) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            msg.status = step.status();
            msg.senderAssigned = true;
            msg.errorCode = step.errorCode();
            msg.errorMessage = step.errorMessage();
            msg.updated = now;
            if ("sent".equals(step.status())) {
                msg.sent = now;
            }
            params.put("SmsSid", msg.sid);
            params.put("SmsStatus", msg.status);
            params.put("MessageStatus", msg.status);
            params.put("To", msg.to);
            if (msg.serviceSid != null) {
                params.put("MessagingServiceSid", msg.serviceSid);
            }
            params.put("MessageSid", msg.sid);
            params.put("AccountSid", accountSid);
            params.put("From", msg.sender);
            params.put("ApiVersion", API_VERSION);
            if (msg.errorCode != null) {
                params.put("ErrorCode", String.valueOf(msg.errorCode));
            }
        }
        if (msg.statusCallback != null) {
            Reply answer = post(msg.statusCallback, params);
            if (answer.status() < 200 || answer.status() >= 300) {
                LOG.fine("status callback " + msg.statusCallback + " answered " + answer.status() + " (not retried)");
            }
        }
        schedule(msg, steps, index + 1);
    }

    /** A form POST signed as Twilio signs its webhooks. */
    private Reply post(String url, Map<String, String> params) {
        StringBuilder formBody = new StringBuilder();
        params.forEach((name, value) -> formBody.append(formBody.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        try {
            HttpURLConnection post = (HttpURLConnection) URI.create(url).toURL().openConnection();
            post.setConnectTimeout(5_000);
            post.setReadTimeout(15_000);
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            post.setInstanceFollowRedirects(false);
            post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            post.setRequestProperty("User-Agent", "TwilioProxy/1.1");
            post.setRequestProperty("Accept", "*/*");
            post.setRequestProperty("X-Twilio-Signature", signature(authToken, url, params));
            post.setRequestProperty("I-Twilio-Idempotency-Token", UUID.randomUUID().toString());
            post.getOutputStream().write(formBody.toString().getBytes(StandardCharsets.UTF_8));
            int status = post.getResponseCode();
            InputStream stream = status >= 400 ? post.getErrorStream() : post.getInputStream();
            String answer = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            post.disconnect();
            return new Reply(status, answer);
        } catch (IOException | IllegalArgumentException e) {
            LOG.fine("no answer from " + url + ": " + e);
            return new Reply(-1, String.valueOf(e.getMessage()));
        }
    }

    /** Twilio's request signature: Base64(HMAC-SHA1(auth token, url + each parameter's name and value, by name)). */
    static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    // --- segments ---------------------------------------------------------------------------------------------------

    /** How many SMS segments carry {@code body}: GSM-7 160, or 153 each concatenated; else UCS-2 70, or 67 each. */
    static int segments(String body) {
        if (body == null || body.isEmpty()) {
            return 1;
        }
        boolean gsm = body.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        if (gsm) {
            int septets = body.chars().map(c -> GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
            if (septets <= 160) {
                return 1;
            }
            int segments = 1;
            int used = 0;
            for (char c : body.toCharArray()) {
                int cost = GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 1; // an escape and its character stay together
                if (used + cost > 153) {
                    segments++;
                    used = 0;
                }
                used += cost;
            }
            return segments;
        }
        if (body.length() <= 70) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < body.length(); ) {
            int cost = Character.charCount(body.codePointAt(i)); // a surrogate pair stays in one segment
            if (used + cost > 67) {
                segments++;
                used = 0;
            }
            used += cost;
            i += cost;
        }
        return segments;
    }

    // --- list -------------------------------------------------------------------------------------------------------

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        List<String[]> filters = new ArrayList<>(); // name, value: kept for the page URIs
        List<java.util.function.Predicate<Msg>> tests = new ArrayList<>();
        for (Map.Entry<String, String> entry : query.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            switch (name) {
                case "To" -> tests.add(m -> m.to.equals(value));
                case "From" -> tests.add(m -> value.equals(m.shownFrom()));
                case "DateSent", "DateSent<", "DateSent>" -> {
                    java.util.function.Predicate<Instant> range = dateRange(name, value);
                    if (range == null) {
                        error(exchange, 400, 20001, "Invalid " + name + ": " + value);
                        return;
                    }
                    tests.add(m -> {
                        Instant sent = m.dateSent();
                        return sent != null && range.test(sent);
                    });
                }
                default -> {
                    continue; // PageSize, Page, PageToken and parameters this server does not filter on
                }
            }
            filters.add(new String[] {name, value});
        }
        int pageSize;
        int page;
        try {
            pageSize = query.containsKey("PageSize") ? Integer.parseInt(query.get("PageSize")) : DEFAULT_PAGE_SIZE;
            page = query.containsKey("Page") ? Integer.parseInt(query.get("Page")) : 0;
        } catch (NumberFormatException e) {
            error(exchange, 400, 20001, "Invalid paging parameter");
            return;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 0) {
            error(exchange, 400, 20001, "PageSize must be between 1 and " + MAX_PAGE_SIZE + " and Page 0 or more");
            return;
        }
        List<Msg> matching = new ArrayList<>();
        for (Msg msg : log) {
            if (tests.stream().allMatch(t -> t.test(msg))) {
                matching.add(msg);
            }
        }
        Collections.reverse(matching); // newest first, as Twilio lists them
        int start = page * pageSize;
        String token = query.get("PageToken");
        if (token != null && token.length() > 2) {
            int at = indexOf(matching, token.substring(2));
            if (at >= 0) {
                start = token.startsWith("PB") ? Math.max(0, at - pageSize) : at + 1;
            }
        }
        start = Math.min(start, matching.size());
        int end = Math.min(start + pageSize, matching.size());
        List<Msg> onPage = matching.subList(start, end);

        String base = "/2010-04-01/Accounts/" + accountSid + "/Messages.json?";
        StringBuilder filterQuery = new StringBuilder();
        for (String[] f : filters) {
            filterQuery.append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(f[1], StandardCharsets.UTF_8)).append('&');
        }
        String pageQuery = base + filterQuery + "PageSize=" + pageSize + "&Page=";
        String uri = pageQuery + page + (token == null ? "" : "&PageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        String next = end < matching.size() && !onPage.isEmpty()
                ? pageQuery + (page + 1) + "&PageToken=PA" + onPage.get(onPage.size() - 1).sid : null;
        String previous = page > 0 && !onPage.isEmpty()
                ? pageQuery + (page - 1) + "&PageToken=PB" + onPage.get(0).sid : null;
        StringBuilder json = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < onPage.size(); i++) {
            json.append(i == 0 ? "" : ",").append(json(onPage.get(i)));
        }
        json.append("],\"end\":").append(onPage.isEmpty() ? 0 : end - 1)
                .append(",\"first_page_uri\":").append(text(pageQuery + 0))
                .append(",\"next_page_uri\":").append(text(next))
                .append(",\"page\":").append(page)
                .append(",\"page_size\":").append(pageSize)
                .append(",\"previous_page_uri\":").append(text(previous))
                .append(",\"start\":").append(start)
                .append(",\"uri\":").append(text(uri)).append('}');
        respond(exchange, 200, json.toString());
    }

    private static int indexOf(List<Msg> messages, String sid) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).sid.equals(sid)) {
                return i;
            }
        }
        return -1;
    }

    /** DateSent, DateSent&lt; (on or before) and DateSent&gt; (on or after): a UTC date or date-time; null if invalid. */
    private static java.util.function.Predicate<Instant> dateRange(String name, String value) {
        Instant from;
        Instant until; // exclusive
        try {
            if (value.length() == 10) {
                from = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                until = from.plus(1, ChronoUnit.DAYS);
            } else {
                String local = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
                from = LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
                until = from.plusSeconds(1);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return switch (name) {
            case "DateSent<" -> sent -> sent.isBefore(until);
            case "DateSent>" -> sent -> !sent.isBefore(from);
            default -> sent -> !sent.isBefore(from) && sent.isBefore(until);
        };
    }

    // --- JSON -------------------------------------------------------------------------------------------------------

    private String json(Msg msg) {
        synchronized (msg) {
            String uri = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + msg.sid;
            return "{\"account_sid\":" + text(accountSid)
                    + ",\"api_version\":\"" + API_VERSION + "\""
                    + ",\"body\":" + text(msg.body)
                    + ",\"date_created\":" + text(RFC_2822.format(msg.created))
                    + ",\"date_sent\":" + text(msg.sent == null ? null : RFC_2822.format(msg.sent))
                    + ",\"date_updated\":" + text(RFC_2822.format(msg.updated))
                    + ",\"direction\":" + text(msg.direction)
                    + ",\"error_code\":" + (msg.errorCode == null ? "null" : msg.errorCode)
                    + ",\"error_message\":" + text(msg.errorMessage)
                    + ",\"from\":" + text(msg.senderAssigned ? msg.sender : null)
                    + ",\"messaging_service_sid\":" + text(msg.serviceSid)
                    + ",\"num_media\":\"0\""
                    + ",\"num_segments\":" + text(msg.senderAssigned ? String.valueOf(msg.segments) : "0")
                    + ",\"price\":null"
                    + ",\"price_unit\":\"USD\""
                    + ",\"sid\":" + text(msg.sid)
                    + ",\"status\":" + text(msg.status)
                    + ",\"subresource_uris\":{\"media\":" + text(uri + "/Media.json") + "}"
                    + ",\"to\":" + text(msg.to)
                    + ",\"uri\":" + text(uri + ".json") + "}";
        }
    }

    private String json(Service service) {
        String url = "https://messaging.twilio.com/v1/Services/" + service.sid;
        return "{\"account_sid\":" + text(accountSid)
                + ",\"sid\":" + text(service.sid)
                + ",\"date_created\":" + text(ISO_8601.format(service.created))
                + ",\"date_updated\":" + text(ISO_8601.format(service.updated))
                + ",\"friendly_name\":" + text("Messaging Service " + service.number)
                + ",\"inbound_request_url\":" + text(service.inboundUrl)
                + ",\"inbound_method\":\"POST\""
                + ",\"fallback_url\":null,\"fallback_method\":\"POST\",\"status_callback\":null"
                + ",\"sticky_sender\":true,\"mms_converter\":true,\"smart_encoding\":false"
                + ",\"scan_message_content\":\"inherit\",\"fallback_to_long_code\":false,\"area_code_geomatch\":true"
                + ",\"synchronous_validation\":false,\"validity_period\":36000"
                + ",\"usecase\":" + text(service.a2pRegistered ? "mixed" : "undeclared")
                + ",\"us_app_to_person_registered\":" + service.a2pRegistered
                + ",\"use_inbound_webhook_on_number\":false"
                + ",\"url\":" + text(url)
                + ",\"links\":{\"phone_numbers\":" + text(url + "/PhoneNumbers")
                + ",\"short_codes\":" + text(url + "/ShortCodes")
                + ",\"alpha_senders\":" + text(url + "/AlphaSenders")
                + ",\"channel_senders\":" + text(url + "/ChannelSenders")
                + ",\"us_app_to_person\":" + text(url + "/Compliance/Usa2p")
                + ",\"us_app_to_person_usecases\":" + text(url + "/Compliance/Usa2p/Usecases")
                + ",\"destination_alpha_senders\":" + text(url + "/DestinationAlphaSenders") + "}}";
    }

    private static String json(Sms sms) {
        return "{\"sid\":" + text(sms.sid())
                + ",\"from\":" + text(sms.from())
                + ",\"to\":" + text(sms.to())
                + ",\"service_sid\":" + text(sms.serviceSid())
                + ",\"body\":" + text(sms.body())
                + ",\"status\":" + text(sms.status())
                + ",\"error_code\":" + (sms.errorCode() == null ? "null" : sms.errorCode())
                + ",\"segments\":" + sms.segments()
                + ",\"at\":" + text(ISO_8601.format(sms.at()))
                + ",\"outbound\":" + sms.outbound() + "}";
    }

    /** A JSON string (or null). */
    static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        error(exchange, 404, 20404, "The requested resource " + exchange.getRequestURI().getPath() + " was not found");
    }

    private static void notAllowed(HttpExchange exchange) throws IOException {
        error(exchange, 405, 20004, "Method not allowed");
    }

    /** Twilio's error body: code, message, more_info and status. */
    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        respond(exchange, status, "{\"code\":" + code + ",\"message\":" + text(message)
                + ",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Twilio-Request-Id", newSid("RQ"));
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String newSid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    // --- its own process --------------------------------------------------------------------------------------------

    /**
     * {@code java -cp twilio-local.jar com.paylink.twiliolocal.LocalTwilio <port>
     * [--service=MGsid,+1number,true|false,inboundUrl]... [--callback-delay=millis]}: the server as a process of its
     * own, for {@link #ACCOUNT_SID} and {@link #AUTH_TOKEN}; each {@code --service} registers a Messaging Service (its
     * SID, its sender number, whether it is A2P 10DLC registered, where its inbound texts go; the URL may be left
     * empty). Prints the base URL and runs until killed.
     */
    public static void main(String[] args) throws IOException {
        List<String> plain = new ArrayList<>();
        List<String[]> serviceArgs = new ArrayList<>();
        Duration delay = null;
        for (String arg : args) {
            if (arg.startsWith("--service=")) {
                String[] parts = arg.substring("--service=".length()).split(",", 4);
                if (parts.length < 3) {
                    usage("a service is --service=MGsid,+number,registered[,inboundUrl]: " + arg);
                }
                serviceArgs.add(parts);
            } else if (arg.startsWith("--callback-delay=")) {
                delay = Duration.ofMillis(Long.parseLong(arg.substring("--callback-delay=".length())));
            } else if (arg.startsWith("--")) {
                usage("unknown option " + arg);
            } else {
                plain.add(arg);
            }
        }
        if (plain.size() != 1) {
            usage("the port is required");
        }
        LocalTwilio twilio;
        try {
            twilio = new LocalTwilio(Integer.parseInt(plain.get(0)), ACCOUNT_SID, AUTH_TOKEN);
        } catch (java.net.BindException e) {
            // the run command's wildfly:run forks the package phase and starts this a second time: one is enough
            LOG.info("The local Twilio stand-in already listens on port " + plain.get(0) + " (or another program does)");
            return;
        }
        for (String[] s : serviceArgs) {
            twilio.addMessagingService(s[0], s[1], Boolean.parseBoolean(s[2]),
                    s.length > 3 && !s[3].isBlank() ? s[3] : null);
        }
        if (delay != null) {
            twilio.setCallbackDelay(delay);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(twilio::close, "local-twilio-shutdown"));
        LOG.info(() -> "local Twilio-compatible server listening at " + twilio.baseUrl());
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: LocalTwilio <port> [--service=MGsid,+number,true|false,inboundUrl]... "
                + "[--callback-delay=millis]");
        System.exit(2);
    }

    @Override
    public String toString() {
        return "LocalTwilio[" + baseUrl() + ", " + accountSid + ", services " + services.keySet() + "]";
    }
}
