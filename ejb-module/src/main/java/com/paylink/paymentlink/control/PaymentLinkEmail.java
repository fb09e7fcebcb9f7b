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
 * The payment-link email, in the client's language (L11; texts {@code link.*} of the emails bundle). From: the
 * staff member's name at the practice's sending address; Subject: the practice's name, exactly. It carries the
 * practice's name, the amount, the link, its expiry and that no account is needed, the invoice number and the
 * day it was sent (so two links to one payer can be told apart; an invoice number is not clinical), and
 * nothing clinical: no service, provider, appointment or diagnosis, nor the client's name (rule PL6).
 */
public final class PaymentLinkEmail {

    /** The key under which a link's email is recorded as sent (once). */
    public static String mailKey(long linkId) {
        return "payment-link:" + linkId;
    }

    private PaymentLinkEmail() {
    }

    /** PAY18: the link replaces one whose bank debit of {@code amount} the bank returned, for {@code code}. */
    public record BankReturned(Money amount, String code) {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String staffName, String to,
                                       String invoiceNumber, Instant sentAt, Money amountDue, String linkUrl,
                                       Instant expiresAt, ZoneId zone, Locale locale) {
        return compose(practiceName, practiceAddress, staffName, to, invoiceNumber, sentAt, amountDue, linkUrl, expiresAt,
                zone, locale, null);
    }

    /** As above; with {@code returned}, the email first says why a new link was sent (PAY18). */
    public static OutgoingMail compose(String practiceName, String practiceAddress, String staffName, String to,
                                       String invoiceNumber, Instant sentAt, Money amountDue, String linkUrl,
                                       Instant expiresAt, ZoneId zone, Locale locale, BankReturned returned) {
        return compose(new LinkEmailFacts(practiceName, practiceAddress, staffName, to, invoiceNumber, sentAt, amountDue,
                expiresAt, zone, locale), linkUrl, returned);
    }

    /** C2 (issue 24): the link is balance reminder {@code number} of {@code of}; {@code stopUrl} stops them, one click. */
    public record ReminderNote(int number, int of, String stopUrl) {
    }

    /** The link's email from its facts (the same the reminder is made of). */
    public static OutgoingMail compose(LinkEmailFacts f, String linkUrl, BankReturned returned) {
        return compose(f, linkUrl, returned, null);
    }

    /** As above; a balance reminder ({@code reminder} not null) says which it is and how to stop them. */
    public static OutgoingMail compose(LinkEmailFacts f, String linkUrl, BankReturned returned, ReminderNote reminder) {
        String practiceName = f.practiceName();
        EmailTexts t = EmailTexts.in(f.locale(), f.zone());
        MailBody body = MailBody.in(t).paragraph("common.greeting");
        if (returned != null) {
            String reason;
            try {
                reason = t.text("bank.reason." + returned.code());
            } catch (java.util.MissingResourceException e) {
                reason = t.text("bank.reason.bank_returned");
            }
            body = body.paragraph("link.bankReturned", strong(t.money(returned.amount())), reason);
        }
        if (reminder != null) {
            body = body.paragraph("balanceReminder.intro", reminder.number(), reminder.of(), practiceName);
        }
        body = body
                .paragraph("link.intro", practiceName)
                .facts(fact("link.invoice", t.text("link.invoiceValue", f.invoiceNumbers(), t.date(f.sentAt()))),
                        fact("link.amountDue", strong(t.money(f.amountDue()))))
                .button("link.payNow", linkUrl)
                .paragraph("link.terms", t.dateTime(f.expiresAt()))
                .paragraph("link.expired", practiceName)
                .note("common.notExpecting");
        if (reminder != null) {
            body = body.smallLink("balanceReminder.stop", reminder.stopUrl()).note("balanceReminder.stopNote", practiceName);
        }
        OutgoingMail mail = body
                .signature(practiceName)
                .mail(f.fromName(), f.practiceAddress(), f.to(), practiceName);
        return reminder == null ? mail : mail.withUnsubscribe(reminder.stopUrl());
    }
}
