package com.paylink.ledger.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.ledger.entity.Client;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Invoice;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/** The client list, the Client Profile and the client's Ledger, always within the caller's practice. */
@Stateless
@RolesAllowed(Permission.STAFF_ROLE)
public class LedgerService {

    /** A search lists at most this many clients; the page says to narrow the search beyond it. */
    public static final int MAX_SEARCH_RESULTS = 100;
    private static final Logger LOG = Logger.getLogger(LedgerService.class.getName());

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
        Map<Long, Money> balances = queries().balances(clients.stream().map(Client::id).toList());
        return clients.stream()
                .map(c -> LedgerAssembler.summary(c,
                        balances.getOrDefault(c.id(), Money.zero(LedgerAssembler.DEFAULT_CURRENCY))))
                .toList();
    }

    public ClientProfile clientProfile(long clientId) {
        return LedgerAssembler.profile(client(clientId));
    }

    /**
     * L11: the language the client's emails and payment pages are in: the tag of an offered language
     * ({@code Languages.offered()}), or blank for "not chosen". Billing staff and Admins only, checked here
     * against the database whatever the session's roles say. Returns the profile as it is now.
     */
    @RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
    public ClientProfile changeLanguage(long clientId, String tag) {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        String wanted = tag == null || tag.isBlank() ? null : tag.trim();
        if (wanted != null && !Languages.isOffered(wanted)) {
            throw new LanguageNotOffered(wanted);
        }
        Client client = scope.find(staff, Client.class, clientId);
        client.preferLanguage(wanted);
        LOG.info(() -> "client " + client.id() + ": preferred language " + (wanted == null ? "not chosen" : wanted)
                + ", set by staff " + staff.id());
        return LedgerAssembler.profile(client);
    }

    /** The Ledger's totals and list sizes; the rows come a page at a time from the methods below. */
    public LedgerSummary ledgerSummary(long clientId) {
        Client client = client(clientId);
        LedgerQueries queries = queries();
        String currency = queries.currency(client.id());
        Money[] totals = queries.totals(client.id(), currency);
        return new LedgerSummary(client.id(), client.fullName(), currency, totals[0], totals[1], totals[2],
                totals[0].minus(totals[1]).minus(totals[2]),
                queries.count(client.id(), LedgerList.INVOICES), queries.count(client.id(), LedgerList.UNPAID_INVOICES),
                queries.count(client.id(), LedgerList.PAYMENTS), queries.count(client.id(), LedgerList.REFUNDS),
                queries.count(client.id(), LedgerList.ADJUSTMENTS));
    }

    /** How many rows one of the Ledger's lists has now. */
    public long count(long clientId, LedgerList list) {
        return queries().count(client(clientId).id(), list);
    }

    /**
     * One page of the client's invoices (all, or only the unpaid ones), in a whitelisted order
     * ({@code issuedOn}, {@code number}, {@code total}, {@code paid}, {@code adjusted}, {@code balance},
     * {@code status}); newest first by default.
     */
    public List<InvoiceRow> invoices(long clientId, boolean unpaidOnly, PageRequest page) {
        return queries().invoices(client(clientId).id(), unpaidOnly, page).stream().map(LedgerAssembler::row).toList();
    }

    /** One page of the client's payments ({@code receivedAt}, {@code invoiceNumber}, {@code amount}); newest first by default. */
    public List<PaymentRow> payments(long clientId, PageRequest page) {
        return queries().payments(client(clientId).id(), page).stream().map(LedgerAssembler::paymentRow).toList();
    }

    /** One page of the client's refunds ({@code requestedAt}, {@code invoiceNumber}, {@code amount}); newest first by default. */
    public List<RefundRow> refunds(long clientId, PageRequest page) {
        return queries().refunds(client(clientId).id(), page).stream().map(LedgerAssembler::refundRow).toList();
    }

    /** One page of the client's adjustments ({@code createdAt}, {@code invoiceNumber}, {@code amount}); newest first by default. */
    public List<AdjustmentRow> adjustments(long clientId, PageRequest page) {
        return queries().adjustments(client(clientId).id(), page).stream().map(LedgerAssembler::adjustmentRow).toList();
    }

    public InvoiceDetails invoice(long invoiceId) {
        return LedgerAssembler.details(scope.find(caller.current(), Invoice.class, invoiceId));
    }

    /** Rule L6: another practice's client is reported exactly like a missing one. */
    private Client client(long clientId) {
        return scope.find(caller.current(), Client.class, clientId);
    }

    private LedgerQueries queries() {
        return new LedgerQueries(em);
    }

    private static String escapeLike(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
