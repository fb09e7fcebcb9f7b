package com.paylink.outbound.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * P9: the facts of practices with a working endpoint that have no event yet: links sent and expired, payments,
 * refunds done, disputes opened and closed, each since the endpoint was registered. Read from the ledger's and the
 * links' own tables (read only), a bounded batch at a time, in the order they happened.
 */
@Dependent
public class WebhookFacts {

    static final int BATCH = 200;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** One fact: which endpoint, its type and source (unique per endpoint), its invoice, when, and its figures. */
    public record Fact(long endpointId, long practiceId, String type, String source, long invoiceId, Instant at, int rank,
                       Long amountMinor, String currency, String receiptNumber, Long linkId, Instant linkExpiresAt) {
    }

    private static final String NOT_YET = " and not exists (select 1 from webhook_event w where w.endpoint_id = e.id and w.source = ";
    /** Facts committed a little after their moment (a long transaction) are still seen: the window reaches back this far. */
    static final String MARGIN = "interval '10 minutes'";
    /** A link expires within its lifetime (at most 720 hours, 30 days) of being sent, renewed or not: expired links are looked for among those sent since. */
    static final String SENT_WITHIN = "interval '32 days'";

    /** Whether any practice has a working endpoint (else there is nothing to look at). */
    public boolean anyEndpoint() {
        return !em.createNativeQuery("select 1 from webhook_endpoint where active").setMaxResults(1).getResultList().isEmpty();
    }

    /** Every working endpoint has seen the facts up to {@code until}. */
    public void seenUntil(Instant until) {
        em.createNativeQuery("update webhook_endpoint set facts_seen_until = greatest(facts_seen_until, ?1) where active")
                .setParameter(1, until).executeUpdate();
    }

    /** The facts found, and up to when every fact has been looked at (earlier than now when a batch was full). */
    public record Found(List<Fact> facts, Instant complete) {
    }

    public Found unreported(Instant now) {
        List<Fact> facts = new ArrayList<>();
        Instant[] complete = {now};
        add(facts, complete, "link.sent", 0, """
                select e.id, e.practice_id, 'link-sent:' || l.id, l.invoice_id, l.sent_at, null, null, null, l.id, l.expires_at
                from payment_link l join webhook_endpoint e on e.practice_id = l.practice_id and e.active
                where l.sent_at >= e.created_at and l.sent_at > e.facts_seen_until - """ + MARGIN + NOT_YET + "'link-sent:' || l.id) order by l.sent_at, l.id");
        add(facts, complete, "payment.succeeded", 1, """
                select e.id, e.practice_id, 'payment:' || p.id, p.invoice_id, p.received_at, p.amount_minor, p.currency,
                       p.receipt_number, null, null
                from payment p join invoice i on i.id = p.invoice_id
                join webhook_endpoint e on e.practice_id = i.practice_id and e.active
                where p.received_at >= e.created_at and p.received_at > e.facts_seen_until - """ + MARGIN + NOT_YET + "'payment:' || p.id) order by p.received_at, p.id");
        add(facts, complete, "payment.refunded", 2, """
                select e.id, e.practice_id, 'refund:' || r.id, r.invoice_id, r.completed_at, r.amount_minor, r.currency,
                       null, null, null
                from refund r join invoice i on i.id = r.invoice_id
                join webhook_endpoint e on e.practice_id = i.practice_id and e.active
                where r.status = 'SUCCEEDED' and r.completed_at >= e.created_at and r.completed_at > e.facts_seen_until - """ + MARGIN + NOT_YET + "'refund:' || r.id) order by r.completed_at, r.id");
        add(facts, complete, "dispute.created", 3, """
                select e.id, e.practice_id, 'dispute-created:' || d.id, d.invoice_id, d.opened_at, d.amount_minor, d.currency,
                       null, null, null
                from dispute d join invoice i on i.id = d.invoice_id
                join webhook_endpoint e on e.practice_id = i.practice_id and e.active
                where d.opened_at >= e.created_at and d.opened_at > e.facts_seen_until - """ + MARGIN + NOT_YET + "'dispute-created:' || d.id) order by d.opened_at, d.id");
        for (String outcome : new String[]{"WON", "LOST"}) {
            String kind = "dispute-" + outcome.toLowerCase();
            add(facts, complete, "dispute." + outcome.toLowerCase(), 4, """
                    select e.id, e.practice_id, '%1$s:' || d.id, d.invoice_id, d.closed_at, d.amount_minor,
                           d.currency, null, null, null
                    from dispute d join invoice i on i.id = d.invoice_id
                    join webhook_endpoint e on e.practice_id = i.practice_id and e.active
                    where d.status = '%2$s' and d.closed_at >= e.created_at and d.closed_at > e.facts_seen_until - %3$s"""
                    .formatted(kind, outcome, MARGIN) + NOT_YET + "'" + kind + ":' || d.id) order by d.closed_at, d.id");
        }
        add(facts, complete, "link.expired", 5, """
                select e.id, e.practice_id, 'link-expired:' || l.id, l.invoice_id, l.closed_at, null, null,
                       null, l.id, l.expires_at
                from payment_link l join webhook_endpoint e on e.practice_id = l.practice_id and e.active
                where l.status = 'EXPIRED' and l.sent_at >= e.created_at and l.sent_at > e.facts_seen_until - """ + SENT_WITHIN
                + " and l.closed_at > e.facts_seen_until - " + MARGIN + NOT_YET + "'link-expired:' || l.id) order by l.closed_at, l.id");
        facts.sort(Comparator.comparing(Fact::at).thenComparing(Fact::rank));
        return new Found(facts, complete[0]);
    }

    /** Adds one kind's facts; a full batch moves {@code complete[0]} back to its last moment (the rest is read next time). */
    private void add(List<Fact> facts, Instant[] complete, String type, int rank, String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setMaxResults(BATCH).getResultList();
        if (rows.size() == BATCH) {
            Instant last = instant(rows.get(rows.size() - 1)[4]);
            if (last.isBefore(complete[0])) {
                complete[0] = last;
            }
        }
        for (Object[] r : rows) {
            facts.add(new Fact(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), type, (String) r[2],
                    ((Number) r[3]).longValue(), instant(r[4]), rank, r[5] == null ? null : ((Number) r[5]).longValue(),
                    (String) r[6], (String) r[7], r[8] == null ? null : ((Number) r[8]).longValue(), instant(r[9])));
        }
    }

    /** What an event says of its invoice: Paylink's id, the practice's ids and the number; nothing clinical. */
    public record InvoiceFacts(long id, String externalId, String number, String clientExternalId, long clientId) {
    }

    public InvoiceFacts invoice(long invoiceId) {
        Object[] r = (Object[]) em.createNativeQuery("""
                        select i.id, i.external_id, i.number, c.external_id, c.id from invoice i join client c on c.id = i.client_id
                        where i.id = ?1""")
                .setParameter(1, invoiceId).getSingleResult();
        return new InvoiceFacts(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue());
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a moment: " + value.getClass());
    }
}
