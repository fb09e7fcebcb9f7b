package com.paylink.ledger.boundary;

import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.ClientHistoryEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Set;

/**
 * Issue 25: what the payment capability records on a client, inside the caller's transaction (MANDATORY: the payment
 * boundaries that checked who asks call it; never the web tier): the client's customer at the card gateway, and the
 * history of their cards on file (saved, removed by staff, withdrawn by the client).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClientCardRecords {

    private static final Set<ClientHistoryEntry.Kind> CARD_KINDS = Set.of(ClientHistoryEntry.Kind.CARD_SAVED,
            ClientHistoryEntry.Kind.CARD_REMOVED, ClientHistoryEntry.Kind.CARD_WITHDRAWN);

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** Keeps {@code customer} as the client's unless they have one already; returns the one kept. */
    public String keepCustomer(long clientId, String customer) {
        Client client = em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client.gatewayCustomer() == null) {
            client.gatewayCustomer(customer);
        }
        return client.gatewayCustomer();
    }

    /** A card event in the client's history ({@code staffId} null: the client or the payer did it). */
    public void cardEvent(long clientId, Long staffId, ClientHistoryEntry.Kind kind, String card, Instant at) {
        if (!CARD_KINDS.contains(kind)) {
            throw new IllegalArgumentException("not a card event: " + kind);
        }
        em.persist(new ClientHistoryEntry(em.find(Client.class, clientId), at, staffId, kind, card));
    }
}
