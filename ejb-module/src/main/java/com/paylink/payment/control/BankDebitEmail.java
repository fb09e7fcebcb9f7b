package com.paylink.payment.control;

import com.paylink.mail.boundary.EmailTexts;
import com.paylink.mail.boundary.MailBody;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static com.paylink.mail.boundary.EmailTexts.strong;

/**
 * PAY18, the payer's bank-debit emails, in the client's language (texts {@code bank.*}): the payment is on its way
 * and when to expect it; or the bank returned it and no new link could be sent (otherwise the new link's email says
 * so). The practice, the amount, the invoice number and the account's last four digits; nothing clinical.
 */
public final class BankDebitEmail {

    private BankDebitEmail() {
    }

    public static OutgoingMail processing(String practiceName, String practiceAddress, String to, Money amount,
                                          String invoiceNumbers, String last4, LocalDate expectedBy, ZoneId zone,
                                          Locale locale) {
        EmailTexts t = EmailTexts.in(locale, zone);
        String money = t.money(amount);
        return MailBody.in(t)
                .paragraph("common.greeting")
                .paragraph("bank.processing.intro", strong(money), practiceName, invoiceNumbers)
                .paragraph("bank.processing.when", t.date(expectedBy.atTime(12, 0).atZone(zone).toInstant()))
                .paragraph(last4 == null ? "bank.processing.account" : "bank.processing.accountEnding", last4)
                .paragraph("bank.processing.noAction")
                .signature(practiceName)
                .mail(practiceName, practiceAddress, to, t.text("bank.processing.subject", practiceName, money));
    }

    public static OutgoingMail returned(String practiceName, String practiceAddress, String to, Money amount,
                                        String invoiceNumbers, String code, Locale locale) {
        EmailTexts t = EmailTexts.in(locale, ZoneId.of("UTC"));
        String money = t.money(amount);
        return MailBody.in(t)
                .paragraph("common.greeting")
                .paragraph("bank.returned.intro", strong(money), practiceName, invoiceNumbers)
                .paragraph("bank.returned.reason", reason(t, code))
                .paragraph("bank.returned.contact", practiceName)
                .signature(practiceName)
                .mail(practiceName, practiceAddress, to, t.text("bank.returned.subject", practiceName));
    }

    /** The bank's reason as the payer reads it; an unlisted code reads as the generic one. */
    public static String reason(EmailTexts t, String code) {
        try {
            return t.text("bank.reason." + code);
        } catch (java.util.MissingResourceException e) {
            return t.text("bank.reason.bank_returned");
        }
    }
}
