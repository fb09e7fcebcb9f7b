package com.paylink.texting.control;

import com.paylink.platform.PaylinkConfig;
import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.type.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issue 23 (T5, T7): Twilio through its own Java SDK, the only class that knows it. Requests are the SDK's own (to
 * api.twilio.com and messaging.twilio.com, with the account's credentials); with {@value #API_BASE} set (tests, the
 * demo) every connection is routed to that local Twilio-compatible server instead, the requests unchanged.
 * <p>
 * What Twilio answers is sorted three ways: taken ({@link Sent}); refused for good ({@link Refused}: a bad number, an
 * opted-out recipient, a bad sender), which no retry changes; or not known ({@link Unavailable}: 429, 5xx, no answer),
 * after which the caller must find out whether the text went before sending it again.
 */
@ApplicationScoped
public class TextGateway {

    public static final String ACCOUNT_SID = "paylink.twilio.account.sid";
    public static final String AUTH_TOKEN = "paylink.twilio.auth.token";
    /** Where Twilio's API is reached (http://host:port of a local Twilio-compatible server); unset: Twilio itself. */
    public static final String API_BASE = "paylink.twilio.api.base";
    /** Twilio's error code for a recipient who replied STOP to this sender. */
    public static final int UNSUBSCRIBED = 21610;
    private static final Logger LOG = Logger.getLogger(TextGateway.class.getName());

    @Inject
    PaylinkConfig config;

    private volatile TwilioRestClient client;

    /** Twilio took the text: its id and first status (Twilio's word, e.g. "accepted"). */
    public record Sent(String sid, String status) {
    }

    /** A text Twilio has for a number: to find out whether an unanswered request went through. */
    public record Found(String sid, String body, String status) {
    }

    /** Twilio refused the text for good: its error code and message. */
    public static class Refused extends RuntimeException {
        private final int code;

        public Refused(int code, String message) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** No answer to act on (429, a server error, the network): the text may or may not have gone. */
    public static class Unavailable extends RuntimeException {
        private final boolean certainlyNotSent;

        public Unavailable(String message, boolean certainlyNotSent, Throwable cause) {
            super(message, cause);
            this.certainlyNotSent = certainlyNotSent;
        }

        /** Twilio answered with a refusal to take it now (429, 503): nothing was sent. */
        public boolean certainlyNotSent() {
            return certainlyNotSent;
        }
    }

    /** Whether this server has Twilio credentials at all. */
    public boolean configured() {
        return config.get(ACCOUNT_SID).filter(s -> !s.isBlank()).isPresent()
                && config.get(AUTH_TOKEN).filter(s -> !s.isBlank()).isPresent();
    }

    /** The auth token Twilio signs its webhooks with (empty when texting is not configured). */
    public Optional<String> authToken() {
        return config.get(AUTH_TOKEN).filter(s -> !s.isBlank());
    }

    /** T6: whether Twilio signed this webhook request for {@code url} (the SDK's own validator, with the auth token). */
    public boolean signedByTwilio(String url, java.util.Map<String, String> params, String signature) {
        Optional<String> token = authToken();
        return token.isPresent() && signature != null && !signature.isBlank()
                && new com.twilio.security.RequestValidator(token.get()).validate(url, params, signature);
    }

    /** Sends {@code body} to {@code to} from the practice's Messaging Service; Twilio reports on it to {@code callback}. */
    public Sent send(String serviceSid, String to, String body, String callback) {
        try {
            Message message = Message.creator(new PhoneNumber(to), serviceSid, body)
                    .setStatusCallback(URI.create(callback))
                    .create(client());
            return new Sent(message.getSid(), message.getStatus() == null ? "accepted" : message.getStatus().toString());
        } catch (ApiException e) {
            throw sorted(e);
        } catch (ApiConnectionException e) {
            throw new Unavailable("Twilio did not answer: " + e.getMessage(), false, e);
        }
    }

    /** The texts Twilio has for {@code to}, newest first (at most {@code max}). */
    public List<Found> sentTo(String to, int max) {
        try {
            ResourceSet<Message> messages = Message.reader().setTo(new PhoneNumber(to)).setPageSize((long) Math.min(max, 100))
                    .limit(max).read(client());
            List<Found> found = new ArrayList<>();
            for (Message m : messages) {
                found.add(new Found(m.getSid(), m.getBody(), m.getStatus() == null ? null : m.getStatus().toString()));
            }
            return found;
        } catch (ApiException e) {
            throw sorted(e);
        } catch (ApiConnectionException e) {
            throw new Unavailable("Twilio did not answer: " + e.getMessage(), false, e);
        }
    }

    /** T5: whether US carriers accept the sender's texts (its A2P 10DLC registration), as Twilio reports it. */
    public boolean registered(String serviceSid) {
        try {
            return Boolean.TRUE.equals(Service.fetcher(serviceSid).fetch(client()).getUsAppToPersonRegistered());
        } catch (ApiException e) {
            throw sorted(e);
        } catch (ApiConnectionException e) {
            throw new Unavailable("Twilio did not answer: " + e.getMessage(), false, e);
        }
    }

    private static RuntimeException sorted(ApiException e) {
        Integer status = e.getStatusCode();
        if (status == null) {
            // no answer at all (the SDK says "failed to respond"): the request may have been taken
            return new Unavailable("Twilio did not answer: " + e.getMessage(), false, e);
        }
        if (status != null && (status == 429 || status >= 500)) {
            return new Unavailable("Twilio answered " + status + ": " + e.getMessage(), status == 429 || status == 503, e);
        }
        return new Refused(e.getCode() == null ? (status == null ? 0 : status) : e.getCode(), e.getMessage());
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            String sid = config.get(ACCOUNT_SID).filter(s -> !s.isBlank())
                    .orElseThrow(() -> new Unavailable("texting is not configured (" + ACCOUNT_SID + ")", true, null));
            String token = authToken().orElseThrow(() -> new Unavailable("texting is not configured (" + AUTH_TOKEN + ")", true, null));
            HttpClientBuilder http = HttpClientBuilder.create().useSystemProperties()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(20).setMaxConnPerRoute(20).build());
            config.get(API_BASE).filter(s -> !s.isBlank()).ifPresent(base -> {
                URI local = URI.create(base);
                HttpHost target = new HttpHost(local.getScheme(), local.getHost(), local.getPort());
                // the SDK's own requests, for api.twilio.com and messaging.twilio.com, over a connection to the local server
                http.setRoutePlanner((host, context) -> new HttpRoute(target));
                LOG.info(() -> "Twilio requests go to " + base);
            });
            current = new TwilioRestClient.Builder(sid, token).httpClient(new NetworkHttpClient(http)).build();
            client = current;
        }
        return current;
    }
}
