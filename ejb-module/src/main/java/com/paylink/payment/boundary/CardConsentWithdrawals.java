package com.paylink.payment.boundary;

import com.paylink.ledger.entity.ClientHistoryEntry;
import com.paylink.payment.control.CardWithdrawalTokens;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.StoredCards;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.entity.StoredCard;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PAY20 (issue 25): the client withdraws consent for a card on file with the link in a receipt (no sign-in, one click):
 * the card is detached at the gateway, then marked withdrawn and noted in the client's history. Every token, known or
 * not, gets the same answer; a card removed already stays so.
 */
@Stateless
@PermitAll
public class CardConsentWithdrawals {

    private static final Logger LOG = Logger.getLogger(CardConsentWithdrawals.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @Inject
    CardWithdrawalTokens tokens;

    @Resource
    SessionContext self;

    @jakarta.ejb.EJB
    com.paylink.ledger.boundary.ClientCardRecords clientCards;

    /** The gateway could not detach the card: nothing changed; the client may try again. */
    public static class Unavailable extends com.paylink.shared.BusinessException {
        public Unavailable() {
            super("card gateway unavailable");
        }

        @Override
        public String code() {
            return "card-gateway-down";
        }
    }

    /**
     * Withdraws the consent of the card the token names. Returns normally for any token (nothing to tell apart).
     *
     * @throws Unavailable when the gateway could not detach the card (nothing changed; the client may try again)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void withdraw(String token) {
        CardConsentWithdrawals me = self.getBusinessObject(CardConsentWithdrawals.class);
        CardsOnFile.Detach target = me.target(token).orElse(null);
        if (target == null) {
            return;
        }
        try {
            gateways.of(target.gateway(), target.account()).detach(target.cardRef());
        } catch (GatewayUnavailable e) {
            LOG.log(Level.WARNING, e, () -> "card on file " + target.cardId() + " could not be detached; consent not withdrawn yet");
            throw new Unavailable();
        }
        me.withdrawn(target.cardId());
    }

    public Optional<CardsOnFile.Detach> target(String token) {
        return tokens.cardOf(token).map(id -> em.find(StoredCard.class, id)).filter(card -> !card.removed())
                .map(card -> new CardsOnFile.Detach(card.id(), card.gateway(), card.practice().stripeAccountId(), card.cardRef()));
    }

    public void withdrawn(long cardId) {
        StoredCard card = em.find(StoredCard.class, cardId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (card.remove(StoredCard.Removal.CLIENT, null, now)) {
            clientCards.cardEvent(card.client().id(), null, ClientHistoryEntry.Kind.CARD_WITHDRAWN, StoredCards.describe(card), now);
            LOG.info(() -> "card on file " + cardId + ": the client withdrew consent");
        }
    }
}
