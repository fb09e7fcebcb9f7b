package com.paylink.payment.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.ClientHistoryEntry;
import com.paylink.payment.control.Gateways;
import com.paylink.payment.control.StoredCards;
import com.paylink.payment.control.gateway.GatewayUnavailable;
import com.paylink.payment.entity.StoredCard;
import com.paylink.shared.BusinessException;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issue 25 (PAY20): a client's cards on file, for Billing (and Admins) of the client's practice: each with what the
 * gateway reported of it, when and with whose consent it was saved, and whether it has expired or was removed. Billing
 * removes one: it is detached at the gateway first (outside any transaction), then marked removed and noted in the
 * client's history; if the gateway cannot be reached nothing changes.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class CardsOnFile {

    private static final Logger LOG = Logger.getLogger(CardsOnFile.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    @Inject
    Gateways gateways;

    @Resource
    SessionContext self;

    @jakarta.ejb.EJB
    com.paylink.ledger.boundary.ClientCardRecords clientCards;

    /** One card as staff see it. {@code consentText}: the words the payer agreed to when saving it. */
    public record CardOnFile(long id, String brand, String last4, Integer expMonth, Integer expYear, String funding,
                             Instant savedAt, String consentName, String consentText, Instant consentAt, boolean expired,
                             Instant removedAt, String removedBy) implements Serializable {

        public boolean usable() {
            return removedAt == null && !expired;
        }
    }

    /** The card could not be removed; nothing changed. */
    public static class Refused extends BusinessException {
        private final String code;

        public Refused(String code) {
            super("card on file refused: " + code);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** A card to detach: where it lives. */
    public record Detach(long cardId, com.paylink.payment.entity.Gateway gateway, String account, String cardRef) {
    }

    /** The client's cards: those that can be used first, newest first, then the removed ones. */
    public List<CardOnFile> of(long clientId) {
        Staff staff = billingOrAdmin();
        Client client = scope.find(staff, Client.class, clientId);
        Instant now = clock.instant();
        return em.createQuery("select c from StoredCard c where c.client = :c order by c.removedAt nulls first, c.savedAt desc, c.id desc",
                        StoredCard.class).setParameter("c", client).getResultStream()
                .map(c -> new CardOnFile(c.id(), c.brand(), c.last4(), c.expMonth(), c.expYear(), c.funding(), c.savedAt(),
                        c.consentName(), c.consentText(), c.consentAt(), c.expiredAt(now), c.removedAt(),
                        c.removedReason() == null ? null : c.removedReason().name()))
                .toList();
    }

    /**
     * PAY20: Billing removes a card: detached at the gateway, then marked removed (never charged again) and noted in the
     * client's history. Removing it again changes nothing.
     *
     * @throws Refused {@code card-gateway-down} when the gateway could not detach it (nothing changed)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void remove(long cardId) {
        CardsOnFile me = self.getBusinessObject(CardsOnFile.class);
        Detach detach = me.toDetach(cardId);
        if (detach == null) {
            return; // removed already
        }
        try {
            gateways.of(detach.gateway(), detach.account()).detach(detach.cardRef());
        } catch (GatewayUnavailable e) {
            LOG.log(Level.WARNING, e, () -> "card on file " + cardId + " could not be detached; not removed");
            throw new Refused("card-gateway-down");
        }
        me.markRemoved(cardId);
    }

    /** The card of the caller's practice, if not removed yet; Billing only. */
    public Detach toDetach(long cardId) {
        Staff staff = billing();
        StoredCard card = scope.find(staff, StoredCard.class, cardId);
        return card.removed() ? null : new Detach(card.id(), card.gateway(), card.practice().stripeAccountId(), card.cardRef());
    }

    public void markRemoved(long cardId) {
        Staff staff = billing();
        StoredCard card = scope.findLocked(staff, StoredCard.class, cardId);
        Instant now = clock.instant();
        if (card.remove(StoredCard.Removal.STAFF, staff.id(), now)) {
            clientCards.cardEvent(card.client().id(), staff.id(), ClientHistoryEntry.Kind.CARD_REMOVED, StoredCards.describe(card), now);
            LOG.info(() -> "card on file " + cardId + " removed by staff " + staff.id());
        }
    }

    private Staff billing() {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        return staff;
    }

    private Staff billingOrAdmin() {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        return staff;
    }
}
