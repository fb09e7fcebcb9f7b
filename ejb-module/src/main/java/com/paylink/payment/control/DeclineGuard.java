package com.paylink.payment.control;

import com.paylink.payment.entity.PaymentDecline;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.platform.PaylinkConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * PAY10, card-testing defence, in the caller's transaction: every declined card is counted per link and
 * per payer address. A link takes {@code paylink.pay.declines.per.link} (5) declines, an address
 * {@code paylink.pay.declines.per.address} (10) within an hour; the next decline past either locks the
 * link, the practice's Admins hear of it, and an address past its allowance pays on no link for the hour.
 */
@Dependent
public class DeclineGuard {

    public static final String PER_LINK = "paylink.pay.declines.per.link";
    public static final String PER_ADDRESS = "paylink.pay.declines.per.address";
    static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    PaylinkConfig config;

    @EJB
    PayerLinkService links;

    @Inject
    PaymentEvents events;

    @Inject
    jakarta.enterprise.event.Event<LinkLocked> lockedLinks;

    /** PAY10: a link locked in the current transaction (observed once it commits: LockedLinkIntents). */
    public record LinkLocked(long linkId) {
    }

    /** The address as it is counted (an IPv6 one by its /64): a SHA-256 hash, never the address itself. Null stays null. */
    public static String addressHash(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("paylink-payer:" + com.paylink.platform.ClientAddresses.bucket(address))
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this address has used up its declines for the hour: then it pays nothing, on any link. */
    public boolean addressBlocked(String addressHash, Instant now) {
        return addressHash != null && declinesFrom(addressHash, now) > config.integer(PER_ADDRESS, 10);
    }

    /**
     * Counts a decline; locks the link when it has had too many, or its payer's address has.
     *
     * @return true when the link is locked now
     */
    public boolean declined(PaymentLink link, String addressHash, String code, Instant now) {
        em.persist(new PaymentDecline(link.id(), addressHash, code, now));
        em.flush();
        long onLink = em.createQuery("select count(d) from PaymentDecline d where d.linkId = :l", Long.class)
                .setParameter("l", link.id()).getSingleResult();
        if (onLink > config.integer(PER_LINK, 5) || addressBlocked(addressHash, now)) {
            return lock(link, now);
        }
        return false;
    }

    /** Locks the link (if it still works) and tells the Admins, once. */
    public boolean lock(PaymentLink link, Instant now) {
        boolean locked = links.lock(link, now);
        if (locked) {
            events.linkLocked(link.id());
            lockedLinks.fire(new LinkLocked(link.id()));
        }
        return locked;
    }

    private long declinesFrom(String addressHash, Instant now) {
        return em.createQuery("select count(d) from PaymentDecline d where d.payerAddressHash = :a and d.occurredAt > :since",
                        Long.class)
                .setParameter("a", addressHash)
                .setParameter("since", now.minus(ADDRESS_WINDOW))
                .getSingleResult();
    }
}
