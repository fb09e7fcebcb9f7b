package com.paylink.paymentlink.control;

import com.paylink.paymentlink.entity.PaymentLink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * PL8: a link's view, recorded with one conditional update of its own (at most once per {@link #RESOLUTION} per
 * link), so that opening a link (PayerLinkService.open, which reads without a transaction) writes and commits only
 * when the recorded view is stale: scanners and payers may open a link many times at once, and a view must never
 * fail on a version conflict, hold up a payment, or cost a commit per request.
 */
@ApplicationScoped
public class LinkViews {

    /** How finely the last view of a link is kept. */
    public static final Duration RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    /** Whether {@code lastViewed} is stale at {@code now} (null: never viewed), so that the view is worth writing. */
    public static boolean stale(Instant lastViewed, Instant now) {
        return lastViewed == null || !lastViewed.isAfter(now.minus(RESOLUTION));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(long linkId, Instant now) {
        em.createNamedQuery(PaymentLink.RECORD_VIEW)
                .setParameter("now", now)
                .setParameter("stale", now.minus(RESOLUTION))
                .setParameter("id", linkId)
                .executeUpdate();
    }
}
