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
        String from = address == null || address.isBlank() ? "unknown" : address;
        Instant now = clock.instant();
        if (typed.isEmpty() || password == null || password.length == 0) {
            return new SignInResult.Refused();
        }
        Staff staff = em.createQuery("select s from Staff s where s.username = :u", Staff.class)
                .setParameter("u", typed).getResultStream().findFirst().orElse(null);
        SignInBackoff backoff = backoff();
        Optional<Duration> wait = longer(waitFor(backoff, "a.username = :v", typed, now),
                waitFor(backoff, "a.address = :v", from, now));
        if (wait.isPresent()) {
            em.persist(new SignInAttempt(typed, staff, from, channel, SignInOutcome.THROTTLED, now));
            return new SignInResult.Throttled(wait.get());
        }
        boolean matches = HASHER.verify(password, staff == null ? DECOY_HASH : staff.passwordHash());
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

    private Instant since(String where, String value, Instant now) {
        Instant memory = now.minus(SignInBackoff.MEMORY);
        Instant lastSuccess = em.createQuery("select max(a.attemptedAt) from SignInAttempt a where " + where
                        + " and a.outcome = :ok and a.attemptedAt > :memory", Instant.class)
                .setParameter("v", value)
                .setParameter("ok", SignInOutcome.SUCCEEDED)
                .setParameter("memory", memory)
                .getSingleResult();
        return lastSuccess == null ? memory : lastSuccess;
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
                .map(s -> new StaffRow(s.id(), s.username(), s.fullName(), s.isProvider(),
                        s.has(Permission.BILLING), s.has(Permission.ADMIN), s.isActive()))
                .toList();
    }
}
