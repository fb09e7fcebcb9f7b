package com.paylink.paymentlink.control;

import com.paylink.mail.boundary.HtmlText;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The payment-link email. From: the staff member's name at the practice's sending address; Subject: the
 * practice's name, exactly. It carries the practice's name, the amount, the link, its expiry and that no
 * account is needed, the invoice number and the day it was sent (so two links to one payer can be told
 * apart; an invoice number is not clinical), and nothing clinical: no service, provider, appointment or
 * diagnosis, nor the client's name (rule PL6).
 */
public final class PaymentLinkEmail {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US);
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    /** The key under which a link's email is recorded as sent (once). */
    public static String mailKey(long linkId) {
        return "payment-link:" + linkId;
    }

    private PaymentLinkEmail() {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String staffName, String to,
                                       String invoiceNumber, Instant sentAt, Money amountDue, String linkUrl,
                                       Instant expiresAt, ZoneId zone) {
        String amount = amountDue.format(Locale.US);
        String expiry = EXPIRY.format(expiresAt.atZone(zone));
        String sent = SENT.format(sentAt.atZone(zone));
        String text = """
                Hello,

                %1$s has sent you a secure link to pay your balance online.

                Invoice: %5$s (link sent %6$s)
                Amount due: %2$s

                Pay now: %3$s

                The link can be used once and expires on %4$s. You do not need an account to pay.
                If it has expired, ask %1$s to send you a new one.

                If you were not expecting this email, you can ignore it.

                %1$s
                """.formatted(practiceName, amount, linkUrl, expiry, invoiceNumber, sent);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
                <p>Hello,</p>
                <p>%1$s has sent you a secure link to pay your balance online.</p>
                <p>Invoice %5$s &middot; link sent %6$s</p>
                <p style="font-size: 1.2em">Amount due: <strong>%2$s</strong></p>
                <p><a href="%3$s" style="display: inline-block; padding: 10px 18px; background: #2b6cb0; color: #ffffff; text-decoration: none; border-radius: 6px">Pay now</a></p>
                <p style="font-size: 0.9em">Or copy this address into your browser: %3$s</p>
                <p>The link can be used once and expires on %4$s. You do not need an account to pay.
                If it has expired, ask %1$s to send you a new one.</p>
                <p style="color: #5f6b7a; font-size: 0.9em">If you were not expecting this email, you can ignore it.</p>
                <p>%1$s</p>
                </body></html>
                """.formatted(HtmlText.escape(practiceName), HtmlText.escape(amount), HtmlText.escape(linkUrl),
                        HtmlText.escape(expiry), HtmlText.escape(invoiceNumber), HtmlText.escape(sent));
        return new OutgoingMail(staffName, practiceAddress, to, practiceName, text, html);
    }
}
