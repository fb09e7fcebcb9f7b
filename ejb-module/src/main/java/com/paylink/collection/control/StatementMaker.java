package com.paylink.collection.control;

import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import com.paylink.platform.PaymentsConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * C5: makes one client's paper statement in the caller's transaction, for the ledger (one client) and a batch (many):
 * the client's owing invoices are locked, the link the statement carries is issued (replacing the client's links for
 * those invoices) and the PDF is drawn with its QR code. The caller checks who may ask.
 */
@Dependent
public class StatementMaker {

    private static final Logger LOG = Logger.getLogger(StatementMaker.class.getName());
    /** At most this many invoices on one statement's or reminder's link (the oldest first). */
    public static final int MAX_INVOICES = 100;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    LinkIssuer issuer;

    @Inject
    PaymentsConfig payments;

    @Inject
    PaylinkConfig config;

    @Inject
    Owing owingOf;

    /** A statement made ({@code refusal} null), or why none was (then nothing was issued). */
    public record Result(String refusal, String fileName, byte[] pdf, Long linkId) {

        static Result refused(String code) {
            return new Result(code, null, null, null);
        }

        public boolean made() {
            return refusal == null;
        }
    }

    /**
     * The client's statement, made by {@code staff} at {@code now}. Refused with {@code statement-not-enrolled} (the
     * practice takes no cards), {@code statement-nothing-owed}, or, when {@code keepPrinted} (a batch), with
     * {@code statement-active} where the client already holds a working statement's link (a batch pressed twice makes
     * no second statement whose link would kill the first's printed one).
     */
    public Result make(Client client, Staff staff, Instant now, boolean keepPrinted) {
        Practice practice = client.practice();
        if (!practice.isCardProcessingEnrolled() || !payments.ready()) {
            return Result.refused("statement-not-enrolled");
        }
        List<Invoice> owing = owingOf.lockedOwing(client);
        if (owing.isEmpty()) {
            return Result.refused("statement-nothing-owed");
        }
        if (keepPrinted && owing.stream().anyMatch(i -> issuer.activeLink(i).filter(l -> l.isUsableAt(now)).filter(this::printed)
                .isPresent())) {
            return Result.refused("statement-active");
        }
        String currency = owing.stream().min(Invoice.OLDEST_FIRST).orElseThrow().currency();
        List<Invoice> covered = issuer.reminderSet(owing.stream().filter(i -> i.currency().equals(currency))
                .sorted(Invoice.OLDEST_FIRST).limit(MAX_INVOICES).toList(), now);
        if (covered.isEmpty()) {
            return Result.refused("statement-nothing-owed");
        }
        LinkIssuer.PaperLink paper = issuer.issueForStatement(covered, staff, now, Duration.ofDays(practice.statementLinkDays()));
        List<StatementPdf.Line> lines = covered.stream().sorted(Invoice.OLDEST_FIRST)
                .map(i -> new StatementPdf.Line(i.number(), i.issuedOn(), i.total(), i.total().minus(i.balance()), i.balance()))
                .toList();
        Money total = covered.stream().map(Invoice::balance).reduce(Money.zero(currency), Money::plus);
        PracticeContact contact = practice.contact();
        String reach = contact == null ? null : Stream.of(contact.phone(), contact.email())
                .filter(v -> v != null && !v.isBlank()).collect(Collectors.joining(" · "));
        String payer = client.billTo().name() != null && !client.billTo().name().isBlank() ? client.billTo().name() : client.fullName();
        byte[] pdf = StatementPdf.render(new StatementPdf.Facts(practice.name(), reach, now, payer, lines, total,
                        config.publicUrl() + "/pay/" + paper.token(), paper.link().expiresAt()),
                config.displayZone(), Languages.resolve(client.preferredLanguage()));
        LOG.info(() -> "client " + client.id() + ": statement made by staff " + staff.id() + " with link " + paper.link().id());
        return new Result(null, StatementPdf.fileName(client.fullName(), now.atZone(config.displayZone()).toLocalDate()), pdf,
                paper.link().id());
    }

    /** Whether the link was issued for a paper statement. */
    private boolean printed(PaymentLink link) {
        return ((Number) em.createNativeQuery("select count(*) from payment_link_audit where payment_link_id = ?1 and action = 'STATEMENT'")
                .setParameter(1, Objects.requireNonNull(link.id())).getSingleResult()).longValue() > 0;
    }
}
