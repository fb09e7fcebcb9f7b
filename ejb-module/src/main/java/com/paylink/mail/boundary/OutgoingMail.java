package com.paylink.mail.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mail ready to send: the one shape the mail port takes. Attachments go after the text, in order. {@code unsubscribe}
 * (null for most mail): an https address that stops this kind of mail with one POST, sent as RFC 2369's
 * {@code List-Unsubscribe} with RFC 8058's {@code List-Unsubscribe-Post}, so a mail client's own "Unsubscribe" works.
 */
public record OutgoingMail(String fromName, String fromAddress, String to, String subject, String text, String html,
                           List<MailAttachment> attachments, String unsubscribe) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(String fromName, String fromAddress, String to, String subject, String text, String html) {
        this(fromName, fromAddress, to, subject, text, html, List.of(), null);
    }

    /** The same mail with {@code attachment} added after any it has. */
    public OutgoingMail withAttachment(MailAttachment attachment) {
        List<MailAttachment> all = new ArrayList<>(attachments);
        all.add(Objects.requireNonNull(attachment, "attachment"));
        return new OutgoingMail(fromName, fromAddress, to, subject, text, html, all, unsubscribe);
    }

    /** The same mail, which a one-click POST to {@code url} unsubscribes from. */
    public OutgoingMail withUnsubscribe(String url) {
        return new OutgoingMail(fromName, fromAddress, to, subject, text, html, attachments, Objects.requireNonNull(url, "url"));
    }
}
