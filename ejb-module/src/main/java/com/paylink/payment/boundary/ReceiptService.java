package com.paylink.payment.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.ledger.entity.Payment;
import com.paylink.payment.control.ReceiptPdf;
import com.paylink.payment.control.Receipts;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Locale;
import java.util.Optional;

/**
 * Receipt PDFs to download (PAY15): for the payer, the payment made through the link their payer session
 * opened; for staff, any payment with a receipt number in their own practice. Nothing else, to nobody else.
 */
@Stateless
public class ReceiptService {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Receipts receipts;

    /**
     * The receipt of the payment made through link {@code linkId}; empty when that link has no payment. Public:
     * like {@code CheckoutService.view}, the link id held by the payer's session (made only from the emailed
     * token) is the credential, and the web tier passes no other.
     */
    @PermitAll
    public Optional<ReceiptDocument> forPayer(long linkId, Locale locale) {
        return em.createQuery("select a.payment from PaymentAttempt a where a.link.id = :l and a.status = :s", Payment.class)
                .setParameter("l", linkId)
                .setParameter("s", AttemptStatus.SUCCEEDED)
                .getResultStream().findFirst()
                .filter(p -> p.receiptNumber() != null)
                .map(p -> document(p, locale));
    }

    /**
     * The receipt of payment {@code paymentId}, for staff of its practice (L6, via {@link PracticeScope}): a
     * payment of another practice, one without a receipt number (cash, checks) and a missing one are all
     * {@link NotFoundException}.
     */
    @RolesAllowed(Permission.STAFF_ROLE)
    public ReceiptDocument forStaff(long paymentId, Locale locale) {
        Payment payment = scope.find(caller.current(), Payment.class, paymentId);
        if (payment.receiptNumber() == null) {
            throw new NotFoundException("receipt", paymentId);
        }
        return document(payment, locale);
    }

    private ReceiptDocument document(Payment payment, Locale locale) {
        return new ReceiptDocument(ReceiptPdf.fileName(payment.receiptNumber()), ReceiptPdf.CONTENT_TYPE,
                receipts.pdf(payment, locale == null ? Locale.ENGLISH : locale));
    }
}
