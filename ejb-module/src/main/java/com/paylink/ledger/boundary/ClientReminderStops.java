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

/**
 * Issue 24 (C2): the client stopped balance reminders ("Stop these reminders", no sign-in), recorded on the client and
 * in the client's history, inside the caller's transaction (MANDATORY: the collection boundary that found the client
 * from the reminder's own token calls it; never the web tier).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClientReminderStops {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** @return whether this stopped them now (false: stopped before, or no such client) */
    public boolean stop(long clientId, Instant at) {
        Client client = em.find(Client.class, clientId, LockModeType.PESSIMISTIC_WRITE);
        if (client == null || !client.stopReminders(at)) {
            return false;
        }
        em.persist(new ClientHistoryEntry(client, at, null, ClientHistoryEntry.Kind.REMINDERS_STOPPED, null));
        return true;
    }
}
