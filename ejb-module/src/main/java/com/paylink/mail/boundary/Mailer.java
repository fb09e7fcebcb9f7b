package com.paylink.mail.boundary;

import com.paylink.mail.entity.SentMail;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

/**
 * The mail port: sends through the WildFly mail session {@code java:jboss/mail/Paylink} (jakarta.mail).
 * Must run inside the caller's transaction, which records the mail's key so it is sent once.
 */
@Dependent
public class Mailer {

    /** Fail fast when SMTP is down; the message broker retries later. */
    private static final String TIMEOUT_MILLIS = "15000";

    @Resource(lookup = "java:jboss/mail/Paylink")
    Session session;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    com.paylink.platform.PaylinkConfig config;

    /**
     * Issue 28: mail to the relay goes over STARTTLS, required, unless this says {@code off} (a relay on the same host or
     * network, without TLS) or the server is the demo (its mail never leaves the machine).
     */
    public static final String SMTP_STARTTLS = "paylink.smtp.starttls";

    /**
     * Sends {@code mail} unless a mail with {@code key} was sent before. The key is written (and locked)
     * before the mail goes out; if sending fails, the caller's transaction rolls back and the key with it.
     *
     * @return false when it had been sent already
     */
    /**
     * For readiness: whether the mail server accepts a connection now (connect, then quit; nothing is
     * sent). Empty when it does; otherwise what went wrong, in words, without credentials.
     */
    public java.util.Optional<String> serverProblem() {
        boundTimeouts();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            return java.util.Optional.empty();
        } catch (MessagingException e) {
            if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
                return java.util.Optional.of("the mail server does not offer STARTTLS, which " + SMTP_STARTTLS
                        + " requires: no mail is sent to it in the clear");
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return java.util.Optional.of("the mail server does not accept connections ("
                    + cause.getClass().getSimpleName() + ")");
        }
    }

    /** Whether the mail with this key has gone out (in a committed transaction, or in the caller's). */
    public boolean wasSent(String key) {
        return em.find(SentMail.class, key) != null;
    }

    /**
     * For a mail that is the same on every attempt (a receipt, a refund notice). SMTP has no transactions: if the
     * server dies after the mail server accepted the mail but before this transaction commits, the redelivered
     * request sends it again. Both copies then carry the same Message-ID ({@link #stableMessageId}), so mail
     * providers and clients that drop duplicate Message-IDs show it once.
     */
    public boolean sendOnce(String key, OutgoingMail mail) {
        return sendOnce(key, mail, stableMessageId(key, mail));
    }

    /**
     * For a mail whose content differs per attempt (a link email carries the token minted for that attempt): each
     * attempt gets its own Message-ID, so a duplicate can never hide the newer copy, the one whose link works.
     */
    public boolean sendOnceFreshEachAttempt(String key, OutgoingMail mail) {
        return sendOnce(key, mail, null);
    }

    private boolean sendOnce(String key, OutgoingMail mail, String messageId) {
        if (em.find(SentMail.class, key) != null) {
            return false;
        }
        em.persist(new SentMail(key, clock.instant()));
        em.flush(); // a concurrent duplicate blocks here, then fails and is redelivered to find the key
        send(mail, messageId);
        return true;
    }

    /** The Message-ID every attempt of the mail with this key gets: a digest of key, sender and recipient. */
    public static String stableMessageId(String key, OutgoingMail mail) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key + "|" + mail.fromAddress() + "|" + mail.to()).getBytes(StandardCharsets.UTF_8));
            String domain = mail.fromAddress().substring(mail.fromAddress().lastIndexOf('@') + 1);
            return "<" + HexFormat.of().formatHex(digest, 0, 20) + ".paylink@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The one place the (shared) mail session's timeouts and TLS are set, for sends and readiness alike: STARTTLS is
     * required (a relay that does not offer it is refused, and readiness says so) unless {@link #SMTP_STARTTLS} is
     * {@code off}, or the server is the demo and the setting does not say {@code required} itself.
     */
    private void boundTimeouts() {
        session.getProperties().putIfAbsent("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        session.getProperties().putIfAbsent("mail.smtp.timeout", TIMEOUT_MILLIS);
        java.util.Optional<String> setting = config.get(SMTP_STARTTLS);
        // said explicitly, "required" holds in the demo too (a demo or test server pointed at a real relay)
        boolean tls = setting.map("required"::equalsIgnoreCase).orElse(false)
                || (!config.flag(com.paylink.platform.PaylinkConfig.DEMO) && !"off".equalsIgnoreCase(setting.orElse("required")));
        session.getProperties().put("mail.smtp.starttls.enable", String.valueOf(tls));
        session.getProperties().put("mail.smtp.starttls.required", String.valueOf(tls));
    }

    private void send(OutgoingMail mail, String messageId) {
        boundTimeouts();
        try {
            MimeMessage message = messageId == null ? new MimeMessage(session) : new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), StandardCharsets.UTF_8.name()));
            message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            if (mail.unsubscribe() != null) {
                // RFC 2369 and RFC 8058: the mail client's own "Unsubscribe" makes one POST there, without a page
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            if (mail.attachments().isEmpty()) {
                message.setContent(alternative);
            } else {
                // multipart/mixed: the text (plain and HTML) first, then each file
                MimeBodyPart body = new MimeBodyPart();
                body.setContent(alternative);
                MimeMultipart mixed = new MimeMultipart("mixed", body);
                for (MailAttachment attachment : mail.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                    file.setFileName(attachment.fileName());
                    file.setDisposition(Part.ATTACHMENT);
                    mixed.addBodyPart(file);
                }
                message.setContent(mixed);
            }
            Transport.send(message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailNotSent(e);
        }
    }

    /** SMTP refused or could not be reached; the transaction rolls back and the broker redelivers. */
    public static class MailNotSent extends RuntimeException {
        MailNotSent(Exception cause) {
            super("mail not sent: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
