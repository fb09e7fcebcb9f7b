package com.paylink.payment.boundary;

import com.paylink.ledger.entity.Payment;
import com.paylink.mail.boundary.MailAttachment;
import com.paylink.mail.boundary.Mailer;
import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.payment.control.ReceiptEmail;
import com.paylink.payment.control.ReceiptPdf;
import com.paylink.payment.control.Receipts;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.StoredCard;
import com.paylink.platform.PaylinkConfig;
import com.paylink.identity.entity.Permission;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;

/** Sends the payer's receipt, with its PDF, after the payment committed; once per charge. */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE) // only its queue listener, which runs as the system role
public class ReceiptMailService {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    PaylinkConfig config;

    @Inject
    Receipts receipts;

    @Inject
    com.paylink.payment.control.CardWithdrawalTokens withdrawals;

    /**
     * @return false when the payment does not exist: the outbox relays a request only after its
     * transaction committed (ADR 0013), so it was removed since (a demo reset, a restored database); the listener drops it
     */
    public boolean deliver(long paymentId) {
        PaymentAttempt attempt = em.createQuery("select a from PaymentAttempt a where a.payment.id = :p", PaymentAttempt.class)
                .setParameter("p", paymentId)
                .getResultStream().findFirst().orElse(null);
        if (attempt == null) {
            return em.find(Payment.class, paymentId) != null; // not a link payment: nothing to send
        }
        if (!attempt.link().hasEmailRecipient()) {
            return true; // a link sent by text only: the receipt is on the payment page (and its PDF), not mailed
        }
        Payment payment = attempt.payment();
        var practice = attempt.link().practice();
        Locale language = Languages.resolve(attempt.link().invoice().client().preferredLanguage()); // L11
        // one receipt for the whole charge: for a link for several invoices, their total and their numbers (PL12),
        // paid in full; for one invoice what it still owed right after (PAY16)
        List<String> numbers = attempt.link().invoiceNumbers();
        // PAY20: a card this payment saved (and not removed since) is named, with the client's way to stop its use: a
        // token minted now, only its hash kept, as a link's is (PL6)
        ReceiptEmail.SavedCardNote saved = em.createQuery("select c from StoredCard c where c.attempt = :a and c.removedAt is null",
                        StoredCard.class).setParameter("a", attempt).getResultStream().findFirst()
                .map(card -> new ReceiptEmail.SavedCardNote(card.brand(), card.last4(),
                        config.publicUrl() + "/cards/stop/" + withdrawals.mint(card)))
                .orElse(null);
        OutgoingMail receipt = ReceiptEmail.compose(practice.name(), practice.senderEmail(),
                attempt.link().recipientEmail(), attempt.amount(), payment.receivedAt(), payment.receiptNumber(),
                config.displayZone(), language,
                numbers.size() > 1 ? Money.zero(attempt.amount().currency()) : payment.balanceAfter().orElse(null),
                numbers.size() > 1 ? String.join(", ", numbers) : null, saved);
        // PAY15: the same receipt as a PDF, in the client's language like the email
        OutgoingMail withPdf = receipt.withAttachment(new MailAttachment(
                ReceiptPdf.fileName(payment.receiptNumber()), ReceiptPdf.CONTENT_TYPE, receipts.pdf(payment, language)));
        if (saved == null) {
            mailer.sendOnce("receipt:" + paymentId, withPdf);
        } else {
            // its stop link differs per attempt: each attempt its own Message-ID, so a copy never hides the one that works
            mailer.sendOnceFreshEachAttempt("receipt:" + paymentId, withPdf);
        }
        return true;
    }
}
