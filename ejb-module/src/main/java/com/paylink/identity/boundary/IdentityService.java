package com.paylink.identity.boundary;

import com.paylink.identity.entity.SignInChannel;
import com.paylink.identity.entity.SignInOutcome;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PasswordHasher;
import com.paylink.identity.control.SignInBackoff;
import com.paylink.identity.entity.SignInAttempt;
import com.paylink.platform.PaylinkConfig;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Sign-in and the signed-in staff member: the identity capability's entry point. */
@Stateless
public class IdentityService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(IdentityService.class.getName());

    /** The activity page shows at most this many attempts. */
    public static final int SIGN_IN_ACTIVITY_SIZE = 200;
    private static final PasswordHasher HASHER = new PasswordHasher();
    /** Verified when the username is unknown, so that a wrong username costs as long as a wrong password. */
    private static final String DECOY_HASH = HASHER.hash("decoy-password".toCharArray());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    /**
     * Rule I1: only an active staff member with the right password signs in; every failure looks the same.
     * S2: too many recent failures for the username or the address answer "wait" without checking the password;
     * a wrong username costs as long as a wrong password; every attempt is recorded; a hash weaker than
     * today's is replaced at the successful sign-in.
     */
    @PermitAll
    public SignInResult signIn(String username, char[] password, String address, SignInChannel channel) {
        String typed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        // stored and compared alike: an IPv6 client by its /64, any address cut to the stored length
        String from = address == null || address.isBlank() ? "unknown" : com.paylink.platform.ClientAddresses.bucket(address);
        Instant now = clock.instant();
        if (typed.isEmpty() || password == null || password.length == 0) {
            return new SignInResult.Refused();
        }
        // S2: attempts for one username, and from one address, run one at a time (until this transaction ends), so
        // parallel guesses each see the failures recorded before them; always the username first, so two attempts can
        // never wait on each other's locks
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1)), pg_advisory_xact_lock(hashtext(?2))) locked")
                .setParameter(1, "signin-user:" + typed).setParameter(2, "signin-address:" + from).getSingleResult();
        Staff staff = em.createQuery("select s from Staff s where s.username = :u", Staff.class)
                .setParameter("u", typed).getResultStream().findFirst().orElse(null);
        SignInBackoff backoff = backoff();
        SignInBackoff addressBackoff = new SignInBackoff(Math.max(backoff.freeFailures(),
                config.integer(PaylinkConfig.SIGN_IN_ADDRESS_FREE_FAILURES, 20)), backoff.base(), backoff.max());
        Optional<Duration> wait = longer(waitFor(backoff, "a.username = :v", typed, now),
                waitFor(addressBackoff, "a.address = :v", from, now));
        if (wait.isPresent()) {
            em.persist(new SignInAttempt(typed, staff, from, channel, SignInOutcome.THROTTLED, now));
            return new SignInResult.Throttled(wait.get());
        }
        // an invited person without a password yet (I5) costs the same as a wrong password, and fails like one
        boolean matches = HASHER.verify(password, staff == null || !staff.hasPassword() ? DECOY_HASH : staff.passwordHash())
                && staff != null && staff.hasPassword();
        if (staff == null || !matches || !staff.isActive()) {
            em.persist(new SignInAttempt(typed, staff, from, channel, SignInOutcome.FAILED, now));
            return new SignInResult.Refused();
        }
        if (HASHER.needsUpgrade(staff.passwordHash())) {
            staff.passwordRehashed(HASHER.hash(password));
        }
        em.persist(new SignInAttempt(typed, staff, from, channel, SignInOutcome.SUCCEEDED, now));
        return new SignInResult.SignedIn(new SignedInStaff(staff.username(), staff.fullName(), staff.roles()));
    }

    /** S2: the latest sign-in attempts for the Admin's practice's staff, newest first. */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public List<SignInRow> signInActivity() {
        Staff admin = caller.requiring(Permission.ADMIN);
        return em.createQuery("select a, s.fullName from SignInAttempt a, Staff s where s.id = a.staffId "
                        + "and a.practiceId = :p order by a.attemptedAt desc, a.id desc", Object[].class)
                .setParameter("p", admin.practice().id())
                .setMaxResults(SIGN_IN_ACTIVITY_SIZE)
                .getResultStream()
                .map(r -> {
                    SignInAttempt a = (SignInAttempt) r[0];
                    return new SignInRow(a.attemptedAt(), a.username(), (String) r[1], a.address(), a.channel(), a.outcome());
                })
                .toList();
    }

    private SignInBackoff backoff() {
        return new SignInBackoff(config.integer(PaylinkConfig.SIGN_IN_FREE_FAILURES, 5),
                config.duration(PaylinkConfig.SIGN_IN_BACKOFF, Duration.ofSeconds(1)),
                config.duration(PaylinkConfig.SIGN_IN_BACKOFF_MAX, Duration.ofMinutes(15)));
    }

    /**
     * How long attempts matching {@code where} must still wait: from the failures matching it since the last
     * success matching it (within the back-off's memory) and the time of the latest of them.
     */
    private Optional<Duration> waitFor(SignInBackoff backoff, String where, String value, Instant now) {
        Object[] failures = em.createQuery("select count(a), max(a.attemptedAt) from SignInAttempt a where " + where
                        + " and a.outcome = :failed and a.attemptedAt > :since", Object[].class)
                .setParameter("v", value)
                .setParameter("failed", SignInOutcome.FAILED)
                .setParameter("since", since(where, value, now))
                .getSingleResult();
        return backoff.remaining((Long) failures[0], (Instant) failures[1], now);
    }

    /**
     * Failures count from the latest reset: for a username, its last success or an Admin's clearing; for an address,
     * an Admin's clearing only (a success from an address never resets it, or one account of the attacker's own would
     * reset the count of guesses sprayed across every other username from the same address).
     */
    private Instant since(String where, String value, Instant now) {
        Instant memory = now.minus(SignInBackoff.MEMORY);
        List<SignInOutcome> resets = where.startsWith("a.username")
                ? List.of(SignInOutcome.SUCCEEDED, SignInOutcome.CLEARED) : List.of(SignInOutcome.CLEARED);
        Instant lastReset = em.createQuery("select max(a.attemptedAt) from SignInAttempt a where " + where
                        + " and a.outcome in :resets and a.attemptedAt > :memory", Instant.class)
                .setParameter("v", value)
                .setParameter("resets", resets)
                .setParameter("memory", memory)
                .getSingleResult();
        return lastReset == null ? memory : lastReset;
    }

    /**
     * S2: an Admin clears the lock-out of one of the practice's staff, and of the address the lock-out was met from:
     * their earlier failures no longer count. Recorded (who cleared it is the Admin signed in; the row names the
     * username and address), and shown on Sign-ins.
     *
     * @throws com.paylink.shared.NotFoundException when the username is not the Admin's practice's
     */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public void clearLockout(String username, String address) {
        Staff admin = caller.requiring(Permission.ADMIN);
        String typed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Staff staff = em.createQuery("select s from Staff s where s.username = :u and s.practice = :p", Staff.class)
                .setParameter("u", typed).setParameter("p", admin.practice())
                .getResultStream().findFirst()
                .orElseThrow(() -> new com.paylink.shared.NotFoundException("staff member", typed));
        String from = address == null || address.isBlank() ? "unknown" : com.paylink.platform.ClientAddresses.bucket(address);
        em.persist(new SignInAttempt(staff.username(), staff, from, SignInChannel.CLEARED_BY_ADMIN, SignInOutcome.CLEARED,
                clock.instant()));
        LOG.info(() -> "sign-in lock-out of " + staff.username() + " cleared by staff " + admin.id());
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    @RolesAllowed(Permission.STAFF_ROLE)
    public CurrentStaff currentStaff() {
        return CurrentStaff.of(caller.current());
    }

    /** Rule I2: the staff list is for Admins, and shows only their own practice. */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public List<StaffRow> practiceStaff() {
        Staff admin = caller.requiring(Permission.ADMIN);
        return em.createQuery("select s from Staff s where s.practice.id = :p order by s.fullName", Staff.class)
                .setParameter("p", admin.practice().id())
                .getResultStream()
                .map(IdentityService::row)
                .toList();
    }

    static StaffRow row(Staff s) {
        return new StaffRow(s.id(), s.username(), s.fullName(), s.isProvider(), s.has(Permission.BILLING),
                s.has(Permission.ADMIN), s.isActive(), !s.hasPassword());
    }

    /**
     * I4: the roles a signed-in staff member holds now (a session is refreshed with them at each protected request, so
     * an Admin's change applies at the person's next request); empty when they are no longer active.
     */
    @PermitAll
    public Optional<Set<String>> currentRoles(String username) {
        return em.createQuery("select s from Staff s where s.username = :u and s.active = true", Staff.class)
                .setParameter("u", Staff.normalizeUsername(username))
                .getResultStream().findFirst().map(Staff::roles);
    }
}
