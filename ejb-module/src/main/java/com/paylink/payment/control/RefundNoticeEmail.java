package com.paylink.payment.control;

import com.paylink.mail.boundary.HtmlText;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.util.Locale;

/**
 * The payer's refund emails: a charge refunded because the invoice had been paid meanwhile (PAY11), and a
 * refund the practice made (PAY12). The practice, the amounts and the receipt number only; nothing
 * clinical, no invoice detail, no card data.
 */
public final class RefundNoticeEmail {

    private RefundNoticeEmail() {
    }

    public static OutgoingMail refunded(String practiceName, String practiceAddress, String to, Money refunded,
                                        Money paid, String receiptNumber) {
        String amount = refunded.format(Locale.US);
        String of = paid.format(Locale.US);
        String text = """
                %1$s refunded %2$s of your payment of %3$s (receipt number %4$s) to your card.

                Depending on your bank, it shows on your statement within 5 to 10 business days. You do not need to do anything.

                If you have a question, contact %1$s and quote the receipt number.

                %1$s
                """.formatted(practiceName, amount, of, receiptNumber);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
                <p>%1$s refunded <strong>%2$s</strong> of your payment of %3$s (receipt number %4$s) to your card.</p>
                <p>Depending on your bank, it shows on your statement within 5 to 10 business days. You do not need to do anything.</p>
                <p>If you have a question, contact %1$s and quote the receipt number.</p>
                <p>%1$s</p>
                </body></html>
                """.formatted(HtmlText.escape(practiceName), HtmlText.escape(amount), HtmlText.escape(of),
                        HtmlText.escape(receiptNumber));
        return new OutgoingMail(practiceName, practiceAddress, to, practiceName + ": refund of " + amount, text, html);
    }

    public static OutgoingMail unpostable(String practiceName, String practiceAddress, String to, Money amount) {
        String refunded = amount.format(Locale.US);
        String text = """
                Your card was charged %2$s for a payment to %1$s, but the invoice had already been paid by then.

                We have refunded the full %2$s to your card. Depending on your bank, it shows on your statement within 5 to 10 business days. You do not need to do anything.

                If you have a question, contact %1$s.

                %1$s
                """.formatted(practiceName, refunded);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: Arial, sans-serif; color: #1f2933; line-height: 1.5">
                <p>Your card was charged <strong>%2$s</strong> for a payment to %1$s, but the invoice had already been paid by then.</p>
                <p>We have refunded the full %2$s to your card. Depending on your bank, it shows on your statement within 5 to 10 business days. You do not need to do anything.</p>
                <p>If you have a question, contact %1$s.</p>
                <p>%1$s</p>
                </body></html>
                """.formatted(HtmlText.escape(practiceName), HtmlText.escape(refunded));
        return new OutgoingMail(practiceName, practiceAddress, to, practiceName + ": your payment was refunded", text, html);
    }
}
