package com.paylink.identity.control;

import com.paylink.identity.entity.Staff;
import com.paylink.identity.entity.StaffAccessLink;
import com.paylink.mail.boundary.MailQueue;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * I5: issues and finds staff members' one-time links. Issuing replaces the person's earlier open link of the same
 * purpose and puts a mail request on the queue in the caller's transaction; the sender mints the token (256 random
 * bits) when the email goes out and keeps only its SHA-256.
 */
@Dependent
public class AccessLinks {

    /** The mail request's kind and its one property. */
    public static final String MAIL_KIND = "staff-access-link";
    public static final String LINK_ID = "accessLinkId";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    MailQueue mails;

    public StaffAccessLink issue(Staff staff, StaffAccessLink.Purpose purpose, Instant now) {
        em.createQuery("select l from StaffAccessLink l where l.staffId = :s and l.purpose = :p "
                        + "and l.usedAt is null and l.supersededAt is null", StaffAccessLink.class)
                .setParameter("s", staff.id()).setParameter("p", purpose)
                .getResultStream().forEach(l -> l.supersede(now));
        StaffAccessLink link = new StaffAccessLink(staff.id(), purpose, now);
        em.persist(link);
        em.flush();
        mails.enqueue(MAIL_KIND, Map.of(LINK_ID, String.valueOf(link.id())));
        return link;
    }

    /** Every open link of the person stops working (their password was set, or they were deactivated). */
    public void supersedeAll(long staffId, Instant now) {
        em.createQuery("select l from StaffAccessLink l where l.staffId = :s and l.usedAt is null and l.supersededAt is null",
                        StaffAccessLink.class)
                .setParameter("s", staffId)
                .getResultStream().forEach(l -> l.supersede(now));
    }

    /** The link this token opens, if it still works at {@code now}; {@code lock}: held for the caller's transaction. */
    public Optional<StaffAccessLink> usable(String token, Instant now, boolean lock) {
        if (!looksLikeToken(token)) {
            return Optional.empty();
        }
        jakarta.persistence.TypedQuery<StaffAccessLink> query = em.createQuery(
                "select l from StaffAccessLink l where l.tokenHash = :h", StaffAccessLink.class).setParameter("h", hash(token));
        if (lock) {
            query.setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst().filter(l -> l.isUsableAt(now));
    }

    /** A fresh token for {@code link}; only its hash is kept. */
    public static String mint(StaffAccessLink link) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        link.minted(hash(token));
        return token;
    }

    static boolean looksLikeToken(String token) {
        return token != null && token.length() == 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("paylink-access:" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
