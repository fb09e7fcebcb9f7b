package com.paylink.mail.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A mail ready to send: the one shape the mail port takes. Attachments go after the text, in order. */
public record OutgoingMail(String fromName, String fromAddress, String to, String subject, String text, String html,
                           List<MailAttachment> attachments) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(String fromName, String fromAddress, String to, String subject, String text, String html) {
        this(fromName, fromAddress, to, subject, text, html, List.of());
    }

    /** The same mail with {@code attachment} added after any it has. */
    public OutgoingMail withAttachment(MailAttachment attachment) {
        List<MailAttachment> all = new ArrayList<>(attachments);
        all.add(Objects.requireNonNull(attachment, "attachment"));
        return new OutgoingMail(fromName, fromAddress, to, subject, text, html, all);
    }
}
