package com.paylink.demo;

import java.time.Instant;

/** One message caught by the demo mail catcher, as the demo mailbox page shows it (attachments by file name). */
public record CaughtMail(int index, String from, String to, String subject, Instant receivedAt, String text,
                         String html, java.util.List<String> attachments) {
}
