package com.paylink.payment.control;

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
 * The payer's receipt, in the client's language (texts {@code receipt.*}): practice, amount, date and receipt
 * number; nothing clinical, no card data.
 */
public final class ReceiptEmail {

    private ReceiptEmail() {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String to, Money amount,
                                       Instant paidAt, String receiptNumber, ZoneId zone, Locale locale) {
        EmailTexts t = EmailTexts.in(locale, zone);
        return MailBody.in(t)
                .paragraph("receipt.thanks", practiceName)
                .facts(fact("receipt.amount", strong(t.money(amount))), fact("receipt.date", t.dateTime(paidAt)),
                        fact("receipt.number", receiptNumber))
                .paragraph("receipt.keep", practiceName)
                .signature(practiceName)
                .mail(practiceName, practiceAddress, to, t.text("receipt.subject", practiceName, receiptNumber));
    }
}
