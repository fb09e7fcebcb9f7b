package com.paylink.report.boundary;

import com.paylink.ledger.boundary.PageRequest;
import com.paylink.shared.Money;
import com.paylink.shared.SortWhitelist;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The link activity report's SQL: one practice's links sent in a range, filtered, counted, paged, sorted by a
 * whitelisted column and added up by the database (R3, R4). Reads the tables of paymentlink, ledger, payment and
 * identity; writes nothing. The caller has checked who asks and validated the filter.
 */
final class LinkActivityQueries {

    /** R3: where a link stands now. */
    private static final String OUTCOME = """
            case when l.status = 'ACTIVE' and l.expires_at <= :now then 'EXPIRED'
                 when l.status = 'ACTIVE' and l.first_viewed_at is not null then 'VIEWED'
                 when l.status = 'ACTIVE' then 'SENT'
                 else l.status end""";

    /**
     * R3: what was paid through the link, from the payment rows its attempts posted. (Should a link ever pay
     * several invoices or in parts, this stays the sum of its payments.)
     */
    private static final String PAID_THROUGH_LINK = """
            (select coalesce(sum(p.amount_minor), 0) from payment_attempt pa join payment p on p.id = pa.payment_id
             where pa.payment_link_id = l.id)""";

    /**
     * R3: the invoice's balance when the link was sent, from the ledger's history (L1 as of that moment: lines
     * less payments, completed refunds and adjustments dated before it). Per invoice of the link.
     */
    private static final String DUE_AT_SEND = """
            ((select coalesce(sum(il.quantity * il.unit_amount_minor), 0) from invoice_line il where il.invoice_id = i.id)
             - (select coalesce(sum(p.amount_minor), 0) from payment p where p.invoice_id = i.id and p.received_at < l.sent_at)
             + (select coalesce(sum(r.amount_minor), 0) from refund r
                where r.invoice_id = i.id and r.status = 'SUCCEEDED' and r.completed_at < l.sent_at)
             - (select coalesce(sum(a.amount_minor), 0) from adjustment a where a.invoice_id = i.id and a.created_at < l.sent_at))""";

    private static final String LINKS = """
            from payment_link l
            join invoice i on i.id = l.invoice_id
            join client c on c.id = i.client_id
            join staff s on s.id = l.sent_by_staff_id
            cross join lateral (select %s as outcome) x
            where l.practice_id = :practice and l.sent_at >= :from and l.sent_at < :to
            """.formatted(OUTCOME);

    private static final String CLIENT_NAME = "(c.last_name || ', ' || c.first_name)";

    /**
     * Issues 23, 24: how the link reached the client: EMAIL, TEXT, or EMAIL_AND_TEXT (a text asked for, whatever became
     * of it), or PAPER (a statement's: no email, no text).
     */
    static final String CHANNEL = "(case when exists (select 1 from text_message t where t.link_id = l.id)"
            + " then (case when l.recipient_email is null then 'TEXT' else 'EMAIL_AND_TEXT' end)"
            + " when l.recipient_email is null then 'PAPER' else 'EMAIL' end)";

    /** The columns the table may be sorted by, named as {@link LinkActivityRow}'s; newest first by default. */
    static final SortWhitelist SORT = new SortWhitelist(Map.of(
            "sentAt", "l.sent_at",
            "sentBy", "lower(s.full_name)",
            "clientName", "lower(" + CLIENT_NAME + ")",
            "invoiceNumber", "i.number",
            "outcome", "x.outcome",
            "firstViewedAt", "l.first_viewed_at",
            "expiresAt", "l.expires_at",
            "dueAtSend", DUE_AT_SEND,
            "paid", PAID_THROUGH_LINK),
            "l.sent_at desc, l.id desc");

    private static final String ROW = "select l.id, l.sent_at, s.full_name, " + CLIENT_NAME + ", i.number, x.outcome,"
            + " l.first_viewed_at, l.last_viewed_at, l.closed_at, l.expires_at, i.currency, " + DUE_AT_SEND + ", "
            + PAID_THROUGH_LINK + ", " + CHANNEL + ", l.reminder_number, l.reminder_of ";

    private final EntityManager em;
    private final long practiceId;
    private final LinkActivityFilter filter;
    private final ZoneId zone;
    private final Instant now;

    LinkActivityQueries(EntityManager em, long practiceId, LinkActivityFilter filter, ZoneId zone, Instant now) {
        this.em = em;
        this.practiceId = practiceId;
        this.filter = filter;
        this.zone = zone;
        this.now = now;
    }

    /** The filter's conditions beyond the practice and the dates. */
    private String where() {
        StringBuilder where = new StringBuilder();
        if (filter.outcome() != null) {
            where.append(" and x.outcome = :outcome");
        }
        if (filter.staffId() != null) {
            where.append(" and l.sent_by_staff_id = :staff");
        }
        if (filter.client() != null) {
            where.append(" and (lower(c.first_name || ' ' || c.last_name) like :client escape '\\'"
                    + " or lower(" + CLIENT_NAME + ") like :client escape '\\')");
        }
        return where.toString();
    }

    private Query query(String sql) {
        Query query = em.createNativeQuery(sql)
                .setParameter("practice", practiceId)
                .setParameter("from", filter.from().atStartOfDay(zone).toInstant())
                .setParameter("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant())
                .setParameter("now", now);
        if (filter.outcome() != null) {
            query.setParameter("outcome", filter.outcome().name());
        }
        if (filter.staffId() != null) {
            query.setParameter("staff", filter.staffId());
        }
        if (filter.client() != null) {
            String text = filter.client().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.setParameter("client", "%" + text + "%");
        }
        return query;
    }

    long count() {
        return ((Number) query("select count(*) " + LINKS + where()).getSingleResult()).longValue();
    }

    List<LinkActivityRow> page(PageRequest page) {
        return rows(query(ROW + LINKS + where() + " order by " + SORT.orderBy(page.sortKey(), page.descending()))
                .setFirstResult(page.first())
                .setMaxResults(page.size()));
    }

    /** Up to {@code size} rows after the given one (null: from the start), oldest first: keyset paging for exports. */
    List<LinkActivityRow> after(LinkActivityRow last, int size) {
        Query query = query(ROW + LINKS + where() + (last == null ? "" : " and (l.sent_at, l.id) > (:afterSent, :afterId)")
                + " order by l.sent_at, l.id");
        if (last != null) {
            query.setParameter("afterSent", last.sentAt()).setParameter("afterId", last.linkId());
        }
        return rows(query.setMaxResults(size));
    }

    @SuppressWarnings("unchecked")
    private static List<LinkActivityRow> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream().map(LinkActivityQueries::row).toList();
    }

    private static LinkActivityRow row(Object[] r) {
        LinkOutcome outcome = LinkOutcome.valueOf((String) r[5]);
        Instant closedAt = instant(r[8]);
        String currency = (String) r[10];
        return new LinkActivityRow(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], outcome, instant(r[6]), instant(r[7]),
                outcome == LinkOutcome.PAID ? closedAt : null,
                outcome == LinkOutcome.REVOKED ? closedAt : null,
                outcome == LinkOutcome.LOCKED ? closedAt : null,
                instant(r[9]),
                Money.ofMinor(((Number) r[11]).longValue(), currency),
                Money.ofMinor(((Number) r[12]).longValue(), currency),
                LinkChannel.valueOf((String) r[13]),
                r[14] == null ? null : ((Number) r[14]).intValue(), r[15] == null ? null : ((Number) r[15]).intValue());
    }

    /** Links, viewed, paid, paid within 24 hours, median seconds from sending to payment (null if none paid). */
    Object[] totals() {
        return (Object[]) query("""
                select count(*), count(l.first_viewed_at), count(*) filter (where x.outcome = 'PAID'),
                       count(*) filter (where x.outcome = 'PAID' and l.closed_at <= l.sent_at + interval '24 hours'),
                       percentile_cont(0.5) within group (order by extract(epoch from (l.closed_at - l.sent_at)))
                           filter (where x.outcome = 'PAID')
                """ + LINKS + where()).getSingleResult();
    }

    /** The amount paid through the links, per currency, largest first. */
    @SuppressWarnings("unchecked")
    List<Money> collected() {
        List<Object[]> sums = query("select i.currency, sum(" + PAID_THROUGH_LINK + ") as paid " + LINKS + where()
                + " group by i.currency order by paid desc, i.currency").getResultList();
        return sums.stream().map(r -> Money.ofMinor(((Number) r[1]).longValue(), (String) r[0])).toList();
    }

    /**
     * Every ISO week (Monday, in the display zone) from the filter's first day to its last, with the links sent in
     * it: how many, how many opened, how many paid, and what was paid through them in {@code currency}.
     */
    @SuppressWarnings("unchecked")
    List<WeekFigures> weeks(String currency) {
        String week = "cast(date_trunc('week', l.sent_at at time zone :zone) as date)";
        List<Object[]> sums = query("select " + week + " as week, count(*), count(l.first_viewed_at),"
                + " count(*) filter (where x.outcome = 'PAID'),"
                + " coalesce(sum(" + PAID_THROUGH_LINK + ") filter (where i.currency = :currency), 0),"
                + " count(*) filter (where " + CHANNEL + " in ('TEXT', 'EMAIL_AND_TEXT')) "
                + LINKS + where() + " group by 1") // (the week's expression binds :zone anew each time it is written)
                .setParameter("zone", zone.getId())
                .setParameter("currency", currency)
                .getResultList();
        Map<LocalDate, Object[]> byWeek = new HashMap<>();
        sums.forEach(r -> byWeek.put(localDate(r[0]), r));
        Map<LocalDate, WeekFigures> weeks = new LinkedHashMap<>();
        for (LocalDate monday = monday(filter.from()); !monday.isAfter(filter.to()); monday = monday.plusWeeks(1)) {
            Object[] r = byWeek.get(monday);
            weeks.put(monday, r == null ? new WeekFigures(monday, 0, 0, 0, Money.zero(currency), 0)
                    : new WeekFigures(monday, ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(), Money.ofMinor(((Number) r[4]).longValue(), currency),
                    ((Number) r[5]).longValue()));
        }
        return new ArrayList<>(weeks.values());
    }

    /** The Monday of the ISO week {@code day} is in. */
    static LocalDate monday(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    static Duration seconds(Object value) {
        return value == null ? null : Duration.ofSeconds(Math.round(((Number) value).doubleValue()));
    }

    /** A timestamp as the JDBC driver or Hibernate hands it over (the session's JDBC time zone is UTC). */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass());
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalArgumentException("not a date: " + value.getClass());
    }
}
