package com.paylink.payment.control;

import com.paylink.mail.boundary.EmailTexts;
import com.paylink.mail.boundary.MailBody;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.ZoneId;
import java.util.Locale;

import static com.paylink.mail.boundary.EmailTexts.strong;

/**
 * The payer's refund emails, in the client's language: a charge refunded because the invoice had been paid
 * meanwhile (PAY11, texts {@code unpostable.*}), and a refund the practice made (PAY12, {@code refund.*}). The
 * practice, the amounts and the receipt number only; nothing clinical, no invoice detail, no card data.
 */
public final class RefundNoticeEmail {

    private RefundNoticeEmail() {
    }

    public static OutgoingMail refunded(String practiceName, String practiceAddress, String to, Money refunded,
                                        Money paid, String receiptNumber, Locale locale) {
        EmailTexts t = texts(locale);
        String amount = t.money(refunded);
        return MailBody.in(t)
                .paragraph("refund.done", practiceName, strong(amount), t.money(paid), receiptNumber)
                .paragraph("refund.bank")
                .paragraph("refund.question", practiceName)
                .signature(practiceName)
                .mail(practiceName, practiceAddress, to, t.text("refund.subject", practiceName, amount));
    }

    public static OutgoingMail unpostable(String practiceName, String practiceAddress, String to, Money amount,
                                          Locale locale) {
        EmailTexts t = texts(locale);
        String refunded = t.money(amount);
        return MailBody.in(t)
                .paragraph("unpostable.charged", strong(refunded), practiceName)
                .paragraph("unpostable.refunded", refunded)
                .paragraph("refund.bank")
                .paragraph("unpostable.question", practiceName)
                .signature(practiceName)
                .mail(practiceName, practiceAddress, to, t.text("unpostable.subject", practiceName));
    }

    /** Refund emails show no time, so the zone is never used. */
    private static EmailTexts texts(Locale locale) {
        return EmailTexts.in(locale, ZoneId.of("UTC"));
    }
}
