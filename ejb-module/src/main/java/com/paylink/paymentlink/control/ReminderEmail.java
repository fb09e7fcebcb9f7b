package com.paylink.paymentlink.control;

import com.paylink.mail.boundary.EmailTexts;
import com.paylink.mail.boundary.MailBody;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static com.paylink.mail.boundary.EmailTexts.strong;
import static com.paylink.mail.boundary.MailBody.fact;

/**
 * PL11: the reminder that an unpaid link expires soon, in the client's language (L11; texts {@code reminder.*}
 * of the emails bundle). From and Subject as the link's own email (PL6, P6); the practice's name, the invoice
 * number, the amount, the link (its own token, opening the same link), when it expires and that no account is
 * needed; nothing clinical.
 */
public final class ReminderEmail {

    /** The key under which a link's reminder is recorded as sent (once). */
    public static String mailKey(long linkId) {
        return "payment-link-reminder:" + linkId;
    }

    private ReminderEmail() {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String fromName, String to,
                                       String invoiceNumber, Money amountDue, String linkUrl, Instant expiresAt,
                                       ZoneId zone, Locale locale) {
        return compose(new LinkEmailFacts(practiceName, practiceAddress, fromName, to, invoiceNumber, null, amountDue,
                expiresAt, zone, locale), linkUrl);
    }

    /**
     * The reminder from the link's facts, the same its own email is made of: for a link for several invoices, every
     * number and their total (PL12), as the link asks for.
     */
    public static OutgoingMail compose(LinkEmailFacts f, String linkUrl) {
        String practiceName = f.practiceName();
        EmailTexts t = EmailTexts.in(f.locale(), f.zone());
        return MailBody.in(t)
                .paragraph("common.greeting")
                .paragraph("reminder.intro", practiceName)
                .facts(fact("reminder.invoice", f.invoiceNumbers()), fact("reminder.amountDue", strong(t.money(f.amountDue()))))
                .button("reminder.payNow", linkUrl)
                .paragraph("reminder.expires", t.dateTime(f.expiresAt()))
                .paragraph("link.expired", practiceName)
                .note("reminder.alreadyPaid")
                .signature(practiceName)
                .mail(f.fromName(), f.practiceAddress(), f.to(), practiceName);
    }
}
