package com.paylink.payment.control;

import com.paylink.mail.boundary.HtmlText;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.util.Locale;

/**
 * PAY11: tells the payer plainly that their card was refunded because the invoice had been paid
 * meanwhile. The practice and the amount only; nothing clinical, no invoice detail, no card data.
 */
public final class RefundNoticeEmail {

    private RefundNoticeEmail() {
    }

    public static OutgoingMail compose(String practiceName, String practiceAddress, String to, Money amount) {
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
