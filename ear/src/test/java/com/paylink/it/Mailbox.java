package com.paylink.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server (GreenMail) on the port the test server's mail session uses, and what tests ask of
 * the mail it caught. Runs in the test JVM for client tests and inside WildFly for in-container ones.
 */
public final class Mailbox implements AutoCloseable {

    /** A payment link as it appears in an email. */
    public static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<]+/pay/([A-Za-z0-9_-]{43}))");

    private final GreenMail smtp;

    private Mailbox() {
        smtp = new GreenMail(new ServerSetup(Integer.getInteger("paylink.test.smtp.port", 3025), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public static Mailbox start() {
        return new Mailbox();
    }

    /** Every mail received, oldest first. */
    public List<MimeMessage> all() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** Mail addressed to {@code address}, oldest first. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The plain-text and HTML parts of a message, one after the other (attached files left out). */
    public static String text(MimeMessage mail) {
        try {
            StringBuilder text = new StringBuilder();
            appendText(mail, text);
            return text.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static void appendText(Part part, StringBuilder text) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        Object content = part.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                appendText(parts.getBodyPart(i), text);
            }
        } else {
            text.append(content).append('\n');
        }
    }

    /** Waits for one more payment-link email to {@code address} than {@code seenBefore}; returns its link. */
    public String awaitNewLinkTo(String address, int seenBefore) {
        await().atMost(Duration.ofSeconds(30)).until(() -> linksTo(address).size() > seenBefore);
        List<String> links = linksTo(address);
        return links.get(links.size() - 1);
    }

    /** The payment links mailed to {@code address}, oldest first. */
    public List<String> linksTo(String address) {
        List<String> links = new ArrayList<>();
        for (MimeMessage mail : to(address)) {
            Matcher m = LINK.matcher(text(mail));
            if (m.find()) {
                links.add(m.group(1));
            }
        }
        return links;
    }

    public void stop() {
        smtp.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
