package com.paylink.collection.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.boundary.LedgerQueries;
import com.paylink.ledger.boundary.PageRequest;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.BusinessException;
import com.paylink.shared.Money;
import com.paylink.texting.control.TextGateway;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 24 (C6): Billing's "Open balances": the practice's clients who owe, filtered, sorted and paged in the database,
 * what a batch send to some or all of them would do (how many clients, emails, texts, the total), the batch started (in
 * the background, {@link BatchRunner}) and its progress. Only Billing staff (and Admins) of the practice.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class OpenBalances {

    /** Sort keys the page may ask for (anything else: the largest balance first). */
    private static final Map<String, String> SORTS = Map.of(
            "name", "lower(c.last_name), lower(c.first_name)",
            "balance", "o.balance",
            "oldest", "o.oldest",
            "lastLink", "ll.last_at");

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    Clock clock;

    @Inject
    TextGateway texting;

    @EJB
    BatchRunner runner;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext self;

    /** What a batch does for each client: send a link (email, text), or make a paper statement. */
    public enum Kind {
        LINKS, STATEMENTS
    }

    /** What the page filters by; null or blank: no filter. Channel: {@code email}, {@code text} or {@code none}. */
    public record Filter(BigDecimal minBalance, BigDecimal maxBalance, Integer oldestAtLeastDays, Integer noLinkForDays,
                         String channel, Long providerId) implements Serializable {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** One client who owes. */
    public record Row(long clientId, String name, Money balance, int invoices, LocalDate oldest, Instant lastLinkAt,
                      boolean email, boolean text) implements Serializable {
    }

    /** What sending to these clients would do. */
    public record Preview(int clients, int emails, int texts, int neither, Money total, int cap, int statementDays)
            implements Serializable {
    }

    /**
     * A batch: where it stands, and (once done) every client it did not send to, with why. {@code sent}: links sent, or
     * statements made. {@code statementsUntil}: a statements batch's PDF may be downloaded until then (null: not, or
     * no more).
     */
    public record Progress(long id, Kind kind, int total, int sent, int skipped, int failed, boolean finished,
                           List<Outcome> notSent, Instant statementsUntil) implements Serializable {

        public int done() {
            return sent + skipped + failed;
        }

        public int percent() {
            return total == 0 ? 100 : done() * 100 / total;
        }

        public boolean statements() {
            return kind == Kind.STATEMENTS;
        }

        /** The statements' PDF can be downloaded now. */
        public boolean statementsReady() {
            return statementsUntil != null;
        }
    }

    public record Outcome(long clientId, String name, String outcome, String reason) implements Serializable {
    }

    /** C6: the batch is larger than the practice allows; nothing was started. */
    public static class Refused extends BusinessException {
        private final String code;

        public Refused(String code, Object... args) {
            super("batch refused: " + code, args);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    public List<Row> page(Filter filter, PageRequest page) {
        Staff staff = billing();
        String order = page.sortKey() == null ? "o.balance" : SORTS.getOrDefault(page.sortKey(), "o.balance");
        String direction = page.sortKey() == null ? " desc" : page.descending() ? " desc" : " asc";
        Query query = em.createNativeQuery(select(staff, filter, "c.id, c.first_name, c.last_name, o.balance, o.invoices, o.oldest, "
                + "ll.last_at, " + EMAIL + " as has_email, " + TEXT + " as has_text")
                + " order by " + order + direction + " nulls last, c.id");
        bind(query, staff, filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(page.first()).setMaxResults(page.size()).getResultList();
        boolean sender = textingPossible(staff);
        List<Row> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new Row(((Number) r[0]).longValue(), r[2] + ", " + r[1], Money.ofMinor(((Number) r[3]).longValue(), "USD"),
                    ((Number) r[4]).intValue(), ((java.sql.Date) r[5]).toLocalDate(),
                    r[6] == null ? null : instant(r[6]), Boolean.TRUE.equals(r[7]), sender && Boolean.TRUE.equals(r[8])));
        }
        return result;
    }

    public long count(Filter filter) {
        Staff staff = billing();
        Query query = em.createNativeQuery(select(staff, filter, "count(*)"));
        bind(query, staff, filter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Every client id the filter matches (for "send to all"), at most the cap plus one. */
    public List<Long> all(Filter filter) {
        Staff staff = billing();
        Query query = em.createNativeQuery(select(staff, filter, "c.id") + " order by c.id");
        bind(query, staff, filter);
        @SuppressWarnings("unchecked")
        List<Number> ids = query.setMaxResults(cap(staff) + 1).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** What sending to {@code clientIds} would do now (clients who owe nothing any more are not counted). */
    public Preview preview(List<Long> clientIds) {
        Staff staff = billing();
        if (clientIds.isEmpty()) {
            return new Preview(0, 0, 0, 0, Money.zero("USD"), cap(staff), statementDays(staff));
        }
        Query query = em.createNativeQuery(select(staff, Filter.none(), "c.id, o.balance, " + EMAIL + ", " + TEXT)
                + " and c.id in (:ids)");
        bind(query, staff, Filter.none());
        query.setParameter("ids", clientIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean sender = textingPossible(staff);
        int emails = 0;
        int texts = 0;
        int neither = 0;
        long total = 0;
        for (Object[] r : rows) {
            boolean email = Boolean.TRUE.equals(r[2]);
            boolean text = sender && Boolean.TRUE.equals(r[3]);
            emails += email ? 1 : 0;
            texts += text ? 1 : 0;
            neither += email || text ? 0 : 1;
            total += ((Number) r[1]).longValue();
        }
        return new Preview(rows.size(), emails, texts, neither, Money.ofMinor(total, "USD"), cap(staff), statementDays(staff));
    }

    /**
     * C6: starts a batch send to these clients in the background and returns its id; it goes on when the page is
     * closed. A client a batch (this or another) already sent a working link to is skipped, never contacted twice.
     *
     * @throws Refused when there is no one to send to, or more clients than the practice's cap
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public long start(List<Long> clientIds) {
        return start(clientIds, Kind.LINKS);
    }

    /**
     * C5, C6: makes these clients' paper statements in the background (one PDF for the batch once done, see
     * {@link #writeStatements}); a client who holds a working statement's link already is skipped.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public long startStatements(List<Long> clientIds) {
        return start(clientIds, Kind.STATEMENTS);
    }

    private long start(List<Long> clientIds, Kind kind) {
        // the batch's rows commit first (their own transaction), then the runner starts: it never waits for them
        long id = self.getBusinessObject(OpenBalances.class).create(clientIds, kind);
        runner.run(id);
        return id;
    }

    /** The batch and its clients' rows, in a transaction of their own; see {@link #start}. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public long create(List<Long> clientIds, Kind kind) {
        Staff staff = billing();
        List<Long> unique = clientIds.stream().distinct().toList();
        if (unique.isEmpty()) {
            throw new Refused("batch-empty");
        }
        int cap = cap(staff);
        if (unique.size() > cap) {
            throw new Refused("batch-too-large", unique.size(), cap);
        }
        Number id = (Number) em.createNativeQuery("insert into batch_send (practice_id, staff_id, created_at, total, kind) "
                        + "values (?1, ?2, ?3, 0, ?4) returning id")
                .setParameter(1, staff.practice().id()).setParameter(2, staff.id())
                .setParameter(3, clock.instant().atOffset(ZoneOffset.UTC)).setParameter(4, kind.name())
                .getSingleResult();
        // a row for each of them that is the caller's practice's client, in one statement (up to 10,000 clients)
        int rows = em.createNativeQuery("insert into batch_send_client (batch_id, client_id) "
                        + "select ?1, id from client where practice_id = ?2 and id in (?3)")
                .setParameter(1, id.longValue()).setParameter(2, staff.practice().id()).setParameter(3, unique).executeUpdate();
        em.createNativeQuery("update batch_send set total = ?1 where id = ?2").setParameter(1, rows).setParameter(2, id.longValue())
                .executeUpdate();
        return id.longValue();
    }

    /**
     * C5: a finished statements batch's statements, one PDF (one client after another, by name), written to {@code out}.
     *
     * @throws Refused {@code batch-unknown} (not the practice's, not a statements batch) or {@code batch-statements-gone}
     *                 (not finished, none made, or erased 24 hours after the batch finished)
     */
    public void writeStatements(long batchId, java.io.OutputStream out) throws java.io.IOException {
        Progress progress = progress(batchId);
        if (!progress.statements()) {
            throw new Refused("batch-unknown");
        }
        if (!progress.statementsReady()) {
            throw new Refused("batch-statements-gone");
        }
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("paylink-statements");
        try {
            org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
            // each statement to a file of its own, so the merge reads them one at a time and the heap holds none of them
            try (@SuppressWarnings("unchecked") java.util.stream.Stream<Object> rows = (java.util.stream.Stream<Object>) em.createNativeQuery("select r.statement from batch_send_client r "
                            + "join client c on c.id = r.client_id where r.batch_id = ?1 and r.statement is not null "
                            + "order by lower(c.last_name), lower(c.first_name), c.id")
                    .setParameter(1, batchId).setHint("org.hibernate.fetchSize", 50).getResultStream()) {
                int n = 0;
                for (Object pdf : (Iterable<Object>) rows::iterator) {
                    java.nio.file.Path file = dir.resolve(String.format("%06d.pdf", n++));
                    java.nio.file.Files.write(file, (byte[]) pdf);
                    merger.addSource(file.toFile());
                }
            }
            merger.setDestinationStream(out);
            merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache());
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path file : (Iterable<java.nio.file.Path>) files::iterator) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    /** The file name of a statements batch's PDF. */
    public static String statementsFileName(long batchId) {
        return "statements-batch-" + batchId + ".pdf";
    }

    public Progress progress(long batchId) {
        Staff staff = billing();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("select total, sent, skipped, failed, finished_at, kind, statements_erased_at "
                        + "from batch_send where id = ?1 and practice_id = ?2")
                .setParameter(1, batchId).setParameter(2, staff.practice().id()).getResultList();
        if (found.isEmpty()) {
            throw new Refused("batch-unknown");
        }
        Object[] b = found.get(0);
        boolean finished = b[4] != null;
        List<Outcome> notSent = new ArrayList<>();
        if (finished) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select c.id, c.last_name || ', ' || c.first_name, r.outcome, r.reason "
                            + "from batch_send_client r join client c on c.id = r.client_id "
                            + "where r.batch_id = ?1 and r.outcome not in ('SENT', 'MADE') order by c.last_name, c.first_name")
                    .setParameter(1, batchId).setMaxResults(1000).getResultList();
            for (Object[] r : rows) {
                notSent.add(new Outcome(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
            }
        }
        Kind kind = Kind.valueOf((String) b[5]);
        int sent = ((Number) b[1]).intValue();
        Instant until = finished && kind == Kind.STATEMENTS && sent > 0 && b[6] == null
                ? instant(b[4]).plus(BatchRunner.STATEMENTS_KEPT) : null;
        if (until != null && !until.isAfter(clock.instant())) {
            until = null; // erased at the next run of the schedule
        }
        return new Progress(batchId, kind, ((Number) b[0]).intValue(), sent, ((Number) b[2]).intValue(),
                ((Number) b[3]).intValue(), finished, notSent, until);
    }

    /** The practice's providers, for the filter. */
    public Map<Long, String> providers() {
        Staff staff = billing();
        Map<Long, String> providers = new LinkedHashMap<>();
        em.createQuery("select s from Staff s where s.practice = :p and s.provider = true and s.active = true order by s.fullName",
                        Staff.class)
                .setParameter("p", staff.practice()).getResultStream().forEach(s -> providers.put(s.id(), s.fullName()));
        return providers;
    }

    private static final String EMAIL = "(coalesce(c.email, '') <> '' or coalesce(c.bill_to_email, '') <> '' "
            + "or exists (select 1 from household_member h where h.client_id = c.id and coalesce(h.email, '') <> ''))";
    private static final String TEXT = "(c.mobile_phone is not null and c.text_consent = 'GIVEN')";

    /** The clients who owe (unpaid, not void, not disputed), with their balance, invoices, oldest, last link. */
    private static String select(Staff staff, Filter f, String columns) {
        StringBuilder sql = new StringBuilder("with o as (select i.client_id, sum(f.total - f.paid - f.adjusted) as balance, "
                + "count(*) as invoices, min(i.issued_on) as oldest " + LedgerQueries.FIGURES
                + "where i.practice_id = :practice" + LedgerQueries.UNPAID
                + " and not exists (select 1 from dispute d where d.invoice_id = i.id and d.status = 'OPEN')");
        if (f.providerId() != null) {
            sql.append(" and exists (select 1 from appointment a where a.id = i.appointment_id and a.rendering_provider_id = :provider)");
        }
        sql.append(" group by i.client_id), ll as (select i.client_id, max(l.sent_at) as last_at from payment_link l "
                + "join invoice i on i.id = l.invoice_id where i.practice_id = :practice group by i.client_id) "
                + "select ").append(columns).append(" from o join client c on c.id = o.client_id "
                + "left join ll on ll.client_id = c.id where true");
        if (f.minBalance() != null) {
            sql.append(" and o.balance >= :min");
        }
        if (f.maxBalance() != null) {
            sql.append(" and o.balance <= :max");
        }
        if (f.oldestAtLeastDays() != null) {
            sql.append(" and o.oldest <= :oldestBy");
        }
        if (f.noLinkForDays() != null) {
            sql.append(" and (ll.last_at is null or ll.last_at < :linkBefore)");
        }
        if ("email".equals(f.channel())) {
            sql.append(" and ").append(EMAIL);
        } else if ("text".equals(f.channel())) {
            sql.append(" and ").append(TEXT);
        } else if ("none".equals(f.channel())) {
            sql.append(" and not ").append(EMAIL).append(" and not ").append(TEXT);
        }
        return sql.toString();
    }

    private void bind(Query query, Staff staff, Filter f) {
        query.setParameter("practice", staff.practice().id());
        Instant now = clock.instant();
        if (f.providerId() != null) {
            query.setParameter("provider", f.providerId());
        }
        if (f.minBalance() != null) {
            query.setParameter("min", f.minBalance().movePointRight(2).longValue());
        }
        if (f.maxBalance() != null) {
            query.setParameter("max", f.maxBalance().movePointRight(2).longValue());
        }
        if (f.oldestAtLeastDays() != null) {
            query.setParameter("oldestBy", java.sql.Date.valueOf(now.atOffset(ZoneOffset.UTC).toLocalDate()
                    .minusDays(f.oldestAtLeastDays())));
        }
        if (f.noLinkForDays() != null) {
            query.setParameter("linkBefore", now.minus(f.noLinkForDays(), ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
        }
    }

    private boolean textingPossible(Staff staff) {
        return texting.configured() && staff.practice().hasTextingSender();
    }

    private int cap(Staff staff) {
        return em.find(Practice.class, staff.practice().id()).batchSendMax();
    }

    private int statementDays(Staff staff) {
        return em.find(Practice.class, staff.practice().id()).statementLinkDays();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    private Staff billing() {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new com.paylink.shared.PermissionDeniedException(Permission.BILLING_ROLE);
        }
        return staff;
    }
}
