/**
 * Outgoing mail (the mail port {@code Mailer}, the OutboundMail queue {@code MailQueue}) and, later,
 * staff notifications.
 * <p>Rules:
 * <ol>
 * <li>N1. Mail is requested inside the business transaction and sent by a queue listener after commit;
 * a rolled-back transaction sends nothing.</li>
 * <li>N2. A mail with a given key is sent at most once, however often its request is delivered.</li>
 * </ol>
 */
package com.paylink.notification;
