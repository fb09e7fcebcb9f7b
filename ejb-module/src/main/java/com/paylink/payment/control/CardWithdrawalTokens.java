package com.paylink.payment.control;

import com.paylink.payment.entity.StoredCard;
import com.paylink.paymentlink.control.LinkTokens;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * PAY20 (issue 25): the tokens of the "Stop charges to this card" links in receipts: 256 random bits, minted when the
 * receipt goes, only their hash kept (as a link's, PL6), each naming one card.
 */
@Dependent
public class CardWithdrawalTokens {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    Clock clock;

    /** A new token for the card, in the caller's transaction; the raw token goes into the receipt and nowhere else. */
    public String mint(StoredCard card) {
        String token = LinkTokens.newToken();
        em.createNativeQuery("insert into stored_card_token (token_hash, card_id, minted_at) values (?1, ?2, ?3)")
                .setParameter(1, LinkTokens.hash(token)).setParameter(2, card.id())
                .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate();
        return token;
    }

    /** The card a token names; empty for anything that is not one of ours (shape checked before any lookup). */
    public Optional<Long> cardOf(String token) {
        if (!LinkTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return em.createNativeQuery("select card_id from stored_card_token where token_hash = ?1")
                .setParameter(1, LinkTokens.hash(token)).getResultStream().findFirst()
                .map(id -> ((Number) id).longValue());
    }
}
