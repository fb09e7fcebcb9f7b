package com.paylink.report.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.boundary.PageRequest;
import com.paylink.platform.PaylinkConfig;
import com.paylink.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The link activity report for a practice's Admins (rules R1–R5 in package-info): every link sent in a date range
 * with its outcome, times and amounts, a page at a time; the figures for its charts; its rows for the CSV export.
 */
@Stateless
@RolesAllowed(Permission.ADMIN_ROLE)
public class LinkActivityService {

    /** The currency a report shows when nothing was paid through a link in it. */
    static final String DEFAULT_CURRENCY = "USD";
    /** The most rows one export call returns. */
    public static final int EXPORT_BATCH = 500;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    /** What the page shows first: every link sent in the 12 ISO weeks up to today (in the display zone). */
    public LinkActivityFilter defaultFilter() {
        caller.requiring(Permission.ADMIN);
        LocalDate today = LocalDate.now(clock.withZone(config.displayZone()));
        return new LinkActivityFilter(LinkActivityQueries.monday(today).minusWeeks(11), today, null, null, null);
    }

    /** The report's figures over every link the filter matches (R4). */
    public LinkActivitySummary summary(LinkActivityFilter filter) {
        LinkActivityQueries queries = queries(filter);
        Object[] totals = queries.totals();
        List<Money> collected = queries.collected().stream().filter(Money::isPositive).toList();
        String currency = collected.isEmpty() ? DEFAULT_CURRENCY : collected.get(0).currency();
        return new LinkActivitySummary(filter, number(totals[0]), number(totals[1]), number(totals[2]), number(totals[3]),
                LinkActivityQueries.seconds(totals[4]), currency,
                collected.isEmpty() ? List.of(Money.zero(currency)) : collected, queries.weeks(currency));
    }

    /** How many links the filter matches. */
    public long count(LinkActivityFilter filter) {
        return queries(filter).count();
    }

    /**
     * One page of the matching links, sorted by a whitelisted column ({@code sentAt}, {@code sentBy},
     * {@code clientName}, {@code invoiceNumber}, {@code outcome}, {@code firstViewedAt}, {@code expiresAt},
     * {@code dueAtSend}, {@code paid}); newest first by default.
     */
    public List<LinkActivityRow> rows(LinkActivityFilter filter, PageRequest page) {
        return queries(filter).page(page);
    }

    /**
     * For the CSV export: up to {@link #EXPORT_BATCH} matching links sent after {@code last} (null: from the first),
     * oldest first. Each call reads one batch, so an export of any size holds one batch at a time.
     */
    public List<LinkActivityRow> exportAfter(LinkActivityFilter filter, LinkActivityRow last) {
        return queries(filter).after(last, EXPORT_BATCH);
    }

    /** R1 (an Admin, by the database too; their practice only) and R2 (a valid filter) before any query. */
    private LinkActivityQueries queries(LinkActivityFilter filter) {
        Staff admin = caller.requiring(Permission.ADMIN);
        if (filter == null) {
            throw new LinkActivityRefused(LinkActivityRefused.Reason.DATES_MISSING);
        }
        return new LinkActivityQueries(em, admin.practice().id(), filter.validated(), config.displayZone(), clock.instant());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
