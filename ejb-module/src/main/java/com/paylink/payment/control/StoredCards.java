package com.paylink.payment.control;

import com.paylink.payment.control.gateway.GatewayIntent;
import com.paylink.payment.control.gateway.GatewaySavedCard;
import com.paylink.payment.entity.AttemptStatus;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.payment.entity.StoredCard;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * PAY19 (issue 25): keeps the card a payment saved, in the payment's transaction: only when the attempt carries the
 * payer's consent, the payment was posted, and the gateway reports the card saved on the client's customer; once per
 * card, however often the payment's outcome is applied (the return page, the webhook, a retry).
 */
@Dependent
public class StoredCards {

    private static final Logger LOG = Logger.getLogger(StoredCards.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @jakarta.ejb.EJB
    com.paylink.ledger.boundary.ClientCardRecords clientCards;

    public Optional<StoredCard> keep(PaymentAttempt attempt, GatewayIntent intent, Instant now) {
        GatewaySavedCard saved = intent.saved();
        if (!attempt.savesCard() || saved == null || attempt.status() != AttemptStatus.SUCCEEDED || saved.customer() == null) {
            return Optional.empty();
        }
        Optional<StoredCard> known = em.createQuery("select c from StoredCard c where c.gateway = :g and c.cardRef = :r",
                        StoredCard.class)
                .setParameter("g", attempt.gateway()).setParameter("r", saved.reference()).getResultStream().findFirst();
        if (known.isPresent()) {
            return known;
        }
        StoredCard card = new StoredCard(attempt, attempt.invoice().client(), saved.customer(), saved.reference(), saved.brand(),
                saved.last4(), saved.expMonth(), saved.expYear(), saved.funding(), now);
        em.persist(card);
        em.flush();
        clientCards.cardEvent(card.client().id(), null, com.paylink.ledger.entity.ClientHistoryEntry.Kind.CARD_SAVED, describe(card), now);
        LOG.info(() -> "client " + card.client().id() + ": card " + saved.brand() + " ending " + saved.last4()
                + " saved with consent by payment attempt " + attempt.id());
        return Optional.of(card);
    }

    /** How a card is named in the client's history: brand and last four, nothing more. */
    public static String describe(StoredCard card) {
        return (card.brand() == null ? "card" : card.brand()) + " ending " + card.last4();
    }
}
