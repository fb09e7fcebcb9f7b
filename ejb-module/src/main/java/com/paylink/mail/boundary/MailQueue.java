package com.paylink.mail.boundary;

import com.paylink.platform.Outbox;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Requests a mail in the caller's transaction (M1): a row of the outbox (ADR 0013) that the relay hands to the
 * OutboundMail queue after the commit, so a rolled-back transaction mails nothing and a committed one never loses
 * its mail. Listeners select on the {@code kind} property.
 */
@Dependent
public class MailQueue {

    public static final String KIND = "kind";

    @Inject
    Outbox outbox;

    public void enqueue(String kind, Map<String, String> properties) {
        Map<String, String> all = new java.util.LinkedHashMap<>(properties);
        all.put(KIND, kind);
        outbox.add(Outbox.Destination.OUTBOUND_MAIL, kind, all);
    }
}
