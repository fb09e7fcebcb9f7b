package com.paylink.mail.boundary;

/** A mail ready to send: the one shape the mail port takes. */
public record OutgoingMail(String fromName, String fromAddress, String to, String subject, String text, String html) {
}
