/**
 * Outgoing mail, the port every capability sends through: {@code MailQueue} (a request, an outbox row of the
 * caller's transaction that the relay puts on the OutboundMail queue after the commit, ADR 0013) and {@code Mailer} (jakarta.mail through the WildFly
 * mail session {@code java:jboss/mail/Paylink}). Each kind of mail has its listener in its own capability.
 * <p>Rules:
 * <ol>
 * <li>M1. Mail is requested inside the business transaction (an outbox row) and sent by a queue
 * listener after commit; a rolled-back transaction sends nothing.</li>
 * <li>M2. A mail key is recorded (and locked) before the mail goes out, so a redelivered request whose
 * mail went out sends nothing. The one window left: SMTP accepted the mail and the transaction recording
 * the key then failed; the request is redelivered and that mail goes out twice. Mail is at least once,
 * duplicates only in that window.</li>
 * <li>M3. While SMTP refuses or cannot be reached, the request is redelivered with a growing delay and,
 * after the configured attempts, moved to the dead-letter queue, from which operators replay it.</li>
 * </ol>
 */
package com.paylink.mail;
