package com.paylink.paymentlink.control;

import com.paylink.mail.boundary.HtmlText;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * PL11: the reminder that an unpaid link expires soon. From and Subject as the link's own email (PL6); the
 * practice's name, the invoice number, the amount, the link (its own token, opening the same link), when it
 * expires and that no account is needed; nothing clinical.
 */
public final class ReminderEmail {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US);

    /** The key under which a link's reminder is recorded as sent (once). */
    public static String mailKey(long linkId) {
        return "payment-link-reminder:" + linkId;
    }

    private ReminderEmail() {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String fromName, String to,
                                       String invoiceNumber, Money amountDue, String linkUrl, Instant expiresAt,
                                       ZoneId zone) {
        String amount = amountDue.format(Locale.US);
        String expiry = EXPIRY.format(expiresAt.atZone(zone));
        String text = """
                Hello,

                A reminder from %1$s: your secure link to pay online expires on %4$s.

                Invoice: %5$s
                Amount due: %2$s

                Pay now: %3$s

                You do not need an account to pay. If you have paid already, you can ignore this email.
                After the link expires, ask %1$s to send you a new one.

                %1$s
                """.formatted(practiceName, amount, linkUrl, expiry, invoiceNumber);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
                <p>Hello,</p>
                <p>A reminder from %1$s: your secure link to pay online expires on <strong>%4$s</strong>.</p>
                <p>Invoice %5$s</p>
                <p style="font-size: 1.2em">Amount due: <strong>%2$s</strong></p>
                <p><a href="%3$s" style="display: inline-block; padding: 10px 18px; background: #2b6cb0; color: #ffffff; text-decoration: none; border-radius: 6px">Pay now</a></p>
                <p style="font-size: 0.9em">Or copy this address into your browser: %3$s</p>
                <p>You do not need an account to pay. If you have paid already, you can ignore this email.
                After the link expires, ask %1$s to send you a new one.</p>
                <p>%1$s</p>
                </body></html>
                """.formatted(HtmlText.escape(practiceName), HtmlText.escape(amount), HtmlText.escape(linkUrl),
                        HtmlText.escape(expiry), HtmlText.escape(invoiceNumber));
        return new OutgoingMail(fromName, practiceAddress, to, practiceName, text, html);
    }
}
