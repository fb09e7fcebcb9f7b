package com.paylink.demo;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Demo only ({@code paylink.demo.mailbox=true}): a real SMTP server on 127.0.0.1 that catches every
 * mail Paylink sends, so a person trying the demo can read it at /demo/mailbox.xhtml. The WildFly mail
 * session of the demo server points at it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class DemoMailCatcher {

    public static final int DEFAULT_PORT = 2525;
    private static final Logger LOG = Logger.getLogger(DemoMailCatcher.class.getName());

    @Inject
    PaylinkConfig config;

    volatile GreenMail server;

    @PostConstruct
    void start() {
        if (!config.flag(PaylinkConfig.DEMO_MAILBOX)) {
            return;
        }
        int port = config.integer(PaylinkConfig.DEMO_SMTP_PORT, DEFAULT_PORT);
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        server = greenMail;
        LOG.info(() -> "Demo mail catcher listening on 127.0.0.1:" + port);
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    /**
     * Every mail caught, newest first, across all recipients. A mail's number is its place in the order of
     * arrival (1 is the first mail), so numbers never shift when more mail comes in.
     */
    public List<CaughtMail> messages() {
        GreenMail greenMail = server;
        if (greenMail == null) {
            return List.of();
        }
        List<StoredMessage> received = new ArrayList<>(greenMail.getManagers().getImapHostManager().getAllMessages());
        received.sort(Comparator.comparing(StoredMessage::getReceivedDate).thenComparing(DemoMailCatcher::messageId));
        List<CaughtMail> mails = new ArrayList<>();
        for (int i = received.size() - 1; i >= 0; i--) {
            mails.add(toMail(i + 1, received.get(i)));
        }
        return mails;
    }

    private static String messageId(StoredMessage stored) {
        try {
            String id = stored.getMimeMessage().getMessageID();
            return id == null ? "" : id;
        } catch (MessagingException e) {
            return "";
        }
    }

    private static CaughtMail toMail(int index, StoredMessage stored) {
        MimeMessage message = stored.getMimeMessage();
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            java.util.List<String> attachments = new java.util.ArrayList<>();
            collect(message, text, html, attachments);
            return new CaughtMail(index, addresses(message.getFrom()),
                    addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(),
                    stored.getReceivedDate().toInstant(),
                    text.toString(), html.toString(), attachments);
        } catch (MessagingException | IOException e) {
            return new CaughtMail(index, "", "", "(unreadable message)", null, "", "", java.util.List.of());
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, java.util.List<String> attachments)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part.getFileName());
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html, attachments);
            }
        }
    }

    private static String addresses(jakarta.mail.Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
                .collect(Collectors.joining(", "));
    }
}
