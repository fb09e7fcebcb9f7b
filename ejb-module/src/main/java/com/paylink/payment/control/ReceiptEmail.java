package com.paylink.payment.control;

import com.paylink.mail.boundary.EmailTexts;
import com.paylink.mail.boundary.MailBody;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.paylink.mail.boundary.EmailTexts.strong;
import static com.paylink.mail.boundary.MailBody.fact;

/**
 * The payer's receipt, in the client's language (texts {@code receipt.*}): practice, amount, date, receipt
 * number and what the invoice still owes after it (PAY16: "Paid in full" when nothing does); nothing clinical,
 * no card data.
 */
public final class ReceiptEmail {

    private ReceiptEmail() {
    }

    /**
     * @param remainingBalance what the invoice owed right after the payment; null when not known (older payments)
     * @param invoiceNumbers   for a payment of several invoices (PL12), their numbers; else null
     */
    public static OutgoingMail compose(String practiceName, String practiceAddress, String to, Money amount,
                                       Instant paidAt, String receiptNumber, ZoneId zone, Locale locale,
                                       Money remainingBalance, String invoiceNumbers) {
        return compose(practiceName, practiceAddress, to, amount, paidAt, receiptNumber, zone, locale, remainingBalance,
                invoiceNumbers, null);
    }

    /** Issue 25 (PAY20): a card the payment saved, named by brand and last four, and the client's way to stop its use. */
    public record SavedCardNote(String brand, String last4, String stopUrl) {
    }

    /** As above; with {@code saved} (not null), the card this payment saved and "Stop charges to this card". */
    public static OutgoingMail compose(String practiceName, String practiceAddress, String to, Money amount,
                                       Instant paidAt, String receiptNumber, ZoneId zone, Locale locale,
                                       Money remainingBalance, String invoiceNumbers, SavedCardNote saved) {
        EmailTexts t = EmailTexts.in(locale, zone);
        List<MailBody.Fact> facts = new ArrayList<>(List.of(fact("receipt.amount", strong(t.money(amount)))));
        if (invoiceNumbers != null) {
            facts.add(fact("receipt.invoices", invoiceNumbers)); // PL12: a payment of several invoices
        }
        facts.add(fact("receipt.date", t.dateTime(paidAt)));
        facts.add(fact("receipt.number", receiptNumber));
        if (remainingBalance != null) {
            facts.add(remainingBalance.isPositive() ? fact("receipt.remaining", strong(t.money(remainingBalance)))
                    : fact("receipt.remaining", t.text("receipt.paidInFull")));
        }
        MailBody body = MailBody.in(t)
                .paragraph("receipt.thanks", practiceName)
                .facts(facts.toArray(MailBody.Fact[]::new))
                .paragraph("receipt.keep", practiceName);
        if (saved != null) {
            body = body.paragraph("receipt.cardSaved", practiceName,
                            t.text("receipt.cardName", com.paylink.shared.CardSummary.brandName(saved.brand()), saved.last4()))
                    .smallLink("receipt.cardStop", saved.stopUrl());
        }
        return body
                .signature(practiceName)
                .mail(practiceName, practiceAddress, to, t.text("receipt.subject", practiceName, receiptNumber));
    }
}
