package com.paylink.collection.boundary;

import com.paylink.collection.control.StatementPdf;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.platform.PaylinkConfig;
import com.paylink.platform.PaymentsConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.shared.BusinessException;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Issue 24 (C5): a client's paper statement with a QR code, made by staff with Billing (or an Admin) from the ledger.
 * Making it issues the link it carries (for every unpaid invoice of the oldest one's currency, disputed ones left out,
 * replacing the links the client holds for them), working the practice's statement lifetime; the link's state is on the
 * ledger like any other. The PDF is returned to the caller and kept nowhere.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class Statements {

    private static final Logger LOG = Logger.getLogger(Statements.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    @Inject
    LinkIssuer issuer;

    @Inject
    PaymentsConfig payments;

    @Inject
    PaylinkConfig config;

    @Inject
    com.paylink.collection.control.Owing owingOf;

    /** The statement's file. */
    public record Document(String fileName, String contentType, byte[] content) {
    }

    /** C5: the statement could not be made (nothing owed, or the practice takes no cards); nothing was issued. */
    public static class Refused extends BusinessException {
        private final String code;

        public Refused(String code) {
            super("statement refused: " + code);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** @throws Refused when the client owes nothing a link can take, or the practice does not take cards */
    public Document statement(long clientId) {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        Client client = scope.find(staff, Client.class, clientId);
        Practice practice = client.practice();
        if (!practice.isCardProcessingEnrolled() || !payments.ready()) {
            throw new Refused("statement-not-enrolled");
        }
        List<Invoice> owing = owingOf.lockedOwing(client);
        if (owing.isEmpty()) {
            throw new Refused("statement-nothing-owed");
        }
        Instant now = clock.instant();
        String currency = owing.stream().min(Invoice.OLDEST_FIRST).orElseThrow().currency();
        List<Invoice> covered = issuer.reminderSet(owing.stream().filter(i -> i.currency().equals(currency))
                .sorted(Invoice.OLDEST_FIRST).limit(BalanceReminders.MAX_INVOICES).toList(), now);
        if (covered.isEmpty()) {
            throw new Refused("statement-nothing-owed");
        }
        LinkIssuer.PaperLink paper = issuer.issueForStatement(covered, staff, now, Duration.ofDays(practice.statementLinkDays()));
        List<StatementPdf.Line> lines = covered.stream().sorted(Invoice.OLDEST_FIRST)
                .map(i -> new StatementPdf.Line(i.number(), i.issuedOn(), i.total(), i.total().minus(i.balance()), i.balance()))
                .toList();
        Money total = covered.stream().map(Invoice::balance).reduce(Money.zero(currency), Money::plus);
        PracticeContact contact = practice.contact();
        String reach = contact == null ? null : java.util.stream.Stream.of(contact.phone(), contact.email())
                .filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" · "));
        String payer = client.billTo().name() != null && !client.billTo().name().isBlank() ? client.billTo().name() : client.fullName();
        byte[] pdf = StatementPdf.render(new StatementPdf.Facts(practice.name(), reach, now, payer, lines, total,
                        config.publicUrl() + "/pay/" + paper.token(), paper.link().expiresAt()),
                config.displayZone(), Languages.resolve(client.preferredLanguage()));
        LOG.info(() -> "client " + clientId + ": statement made by staff " + staff.id() + " with link " + paper.link().id());
        return new Document(StatementPdf.fileName(client.fullName(), now.atZone(config.displayZone()).toLocalDate()),
                StatementPdf.CONTENT_TYPE, pdf);
    }
}
