package com.paylink.payment.control;

import com.paylink.mail.boundary.HtmlText;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The payer's receipt: practice, amount, date and receipt number; nothing clinical, no card data. */
public final class ReceiptEmail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US);

    private ReceiptEmail() {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String to, Money amount,
                                       Instant paidAt, String receiptNumber, ZoneId zone) {
        String paid = amount.format(Locale.US);
        String when = WHEN.format(paidAt.atZone(zone));
        String text = """
                Thank you. %1$s received your payment.

                Amount paid: %2$s
                Date: %3$s
                Receipt number: %4$s

                Keep this email as your receipt. If you have a question about it, contact %1$s and quote the receipt number.

                %1$s
                """.formatted(practiceName, paid, when, receiptNumber);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
                <p>Thank you. %1$s received your payment.</p>
                <table style="border-collapse: collapse">
                <tr><td style="padding: 2px 12px 2px 0">Amount paid</td><td><strong>%2$s</strong></td></tr>
                <tr><td style="padding: 2px 12px 2px 0">Date</td><td>%3$s</td></tr>
                <tr><td style="padding: 2px 12px 2px 0">Receipt number</td><td>%4$s</td></tr>
                </table>
                <p>Keep this email as your receipt. If you have a question about it, contact %1$s and quote the receipt number.</p>
                <p>%1$s</p>
                </body></html>
                """.formatted(HtmlText.escape(practiceName), HtmlText.escape(paid), HtmlText.escape(when),
                        HtmlText.escape(receiptNumber));
        return new OutgoingMail(practiceName, practiceAddress, to, practiceName + " receipt " + receiptNumber, text, html);
    }
}
