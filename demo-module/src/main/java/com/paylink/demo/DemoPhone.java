package com.paylink.demo;

import com.paylink.platform.PaylinkConfig;
import com.paylink.twiliolocal.LocalTwilio;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Demo only ({@code paylink.demo.phone=true}), issue 23 (T7): the local Twilio-compatible server (twilio-local) inside the
 * demo server, so that texts go through Twilio's real SDK and HTTP path and arrive somewhere a person can read them: the
 * demo phone page, /demo/phone.xhtml, which also sends replies (STOP, START, HELP) to Paylink's webhook, signed as Twilio
 * signs them. The demo's {@code paylink.twilio.*} settings point at it; Riverside Counseling's sender is registered.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DemoPhone {

    public static final int DEFAULT_PORT = 2526;
    /** Riverside Counseling's Messaging Service in the demo (DemoDataSeeder sets it), and its number. */
    public static final String RIVERSIDE_SERVICE = "MG" + "5e1d0c0ffee0000000000000000000a1";
    public static final String RIVERSIDE_NUMBER = "+12015550100";
    private static final Logger LOG = Logger.getLogger(DemoPhone.class.getName());

    @Inject
    PaylinkConfig config;

    private volatile LocalTwilio twilio;

    @PostConstruct
    void start() {
        if (!config.flag(PaylinkConfig.DEMO) || !config.flag(PaylinkConfig.DEMO_PHONE)) {
            return;
        }
        int port = config.integer(PaylinkConfig.DEMO_TWILIO_PORT, DEFAULT_PORT);
        String sid = config.get(com.paylink.texting.control.TextGateway.ACCOUNT_SID).orElse(LocalTwilio.ACCOUNT_SID);
        String token = config.get(com.paylink.texting.control.TextGateway.AUTH_TOKEN).orElse(LocalTwilio.AUTH_TOKEN);
        try {
            LocalTwilio server = new LocalTwilio(port, sid, token);
            server.addMessagingService(RIVERSIDE_SERVICE, RIVERSIDE_NUMBER, true, config.publicUrl() + "/webhooks/sms");
            twilio = server;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo phone's local Twilio could not listen on " + port, e);
        }
        LOG.info(() -> "Demo phone: a local Twilio-compatible server on 127.0.0.1:" + port);
    }

    @PreDestroy
    void stop() {
        if (twilio != null) {
            twilio.close();
        }
    }

    public boolean isRunning() {
        return twilio != null;
    }

    /** Every text, both ways, newest first. */
    public List<LocalTwilio.Sms> messages() {
        LocalTwilio server = twilio;
        if (server == null) {
            return List.of();
        }
        List<LocalTwilio.Sms> all = new java.util.ArrayList<>(server.all());
        java.util.Collections.reverse(all);
        return all;
    }

    /** The phone at {@code from} texts the practice: delivered to Paylink's webhook, signed; returns Paylink's status. */
    public int reply(String from, String body) {
        LocalTwilio server = twilio;
        if (server == null) {
            throw new IllegalStateException("the demo phone is off");
        }
        return server.reply(from, RIVERSIDE_SERVICE, body).status();
    }

    /** The demo's reset: every text and opt-out forgotten. */
    public void forgetEverything() {
        LocalTwilio server = twilio;
        if (server != null) {
            server.forgetEverything();
        }
    }

    /** T7 for tests and demos: make the next sends fail, or the carrier filter a number. */
    public LocalTwilio server() {
        return twilio;
    }
}
