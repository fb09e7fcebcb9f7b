package com.paylink.ledger.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The client list, the Client Profile and the client's Ledger, always within the caller's practice. */
@Stateless
@RolesAllowed(Permission.STAFF_ROLE)
public class LedgerService {

    /** A search lists at most this many clients; the page says to narrow the search beyond it. */
    public static final int MAX_SEARCH_RESULTS = 100;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    /** Clients of the caller's practice whose name, email or phone contains {@code query}; all when blank. */
    public List<ClientSummary> searchClients(String query) {
        long practiceId = caller.current().practice().id();
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        List<Client> clients = em.createQuery("""
                        select c from Client c
                        where c.practice.id = :p
                          and (:q = '' or lower(c.firstName) like :like escape '\\' or lower(c.lastName) like :like escape '\\'
                               or lower(concat(c.firstName, ' ', c.lastName)) like :like escape '\\'
                               or lower(c.email) like :like escape '\\' or c.phone like :like escape '\\')
                        order by lower(c.lastName), lower(c.firstName), c.id""", Client.class)
                .setParameter("p", practiceId)
                .setParameter("q", q)
                .setParameter("like", "%" + escapeLike(q) + "%")
                .setMaxResults(MAX_SEARCH_RESULTS)
                .getResultList();
        if (clients.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Invoice>> invoices = em.createQuery(
                        "select i from Invoice i where i.client in :clients", Invoice.class)
                .setParameter("clients", clients)
                .getResultStream()
                .collect(Collectors.groupingBy(i -> i.client().id()));
        return clients.stream()
                .map(c -> LedgerAssembler.summary(c, invoices.getOrDefault(c.id(), List.of())))
                .toList();
    }

    public ClientProfile clientProfile(long clientId) {
        return LedgerAssembler.profile(client(clientId));
    }

    public Ledger ledger(long clientId) {
        Client client = client(clientId);
        List<Invoice> invoices = em.createQuery("select i from Invoice i where i.client = :c", Invoice.class)
                .setParameter("c", client)
                .getResultList();
        return LedgerAssembler.ledger(client, invoices);
    }

    public InvoiceDetails invoice(long invoiceId) {
        return LedgerAssembler.details(scope.find(caller.current(), Invoice.class, invoiceId));
    }

    /** Rule L6: another practice's client is reported exactly like a missing one. */
    private Client client(long clientId) {
        return scope.find(caller.current(), Client.class, clientId);
    }

    private static String escapeLike(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
