package com.paylink.identity.boundary;

import com.paylink.identity.control.AccessLinkEmail;
import com.paylink.identity.control.AccessLinks;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PasswordHasher;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.identity.entity.StaffAccessLink;
import com.paylink.identity.entity.StaffChange;
import com.paylink.mail.boundary.Mailer;
import com.paylink.platform.ClientAddresses;
import com.paylink.platform.PaylinkConfig;
import com.paylink.platform.RateWindows;
import com.paylink.shared.EmailAddresses;
import com.paylink.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * I5 (issue 27): one-time links that let a staff member set a password. A practice's Admins invite a person (who
 * then sets their own password) and send the invitation again; anyone may ask for a new password by email address
 * ("Forgot password?"), with the same answer whether an account uses it or not; the link sets the password once,
 * within 24 hours, and only the newest link of its purpose works.
 */
@Stateless
public class StaffAccessService {

    private static final Logger LOG = Logger.getLogger(StaffAccessService.class.getName());
    private static final PasswordHasher HASHER = new PasswordHasher();
    public static final int PASSWORD_MIN = 12;
    public static final int PASSWORD_MAX = 128;
    public static final int NAME_MAX = 200;
    /** "Forgot password?" from one network: at most this many requests an hour. */
    static final int RESETS_PER_ADDRESS_HOUR = 10;
    /** Reset emails to one address: at most this many an hour (more requests get the same answer and no email). */
    static final int RESETS_PER_EMAIL_HOUR = 3;
    /** The set-password page, under the public address; the token follows in {@code t}. */
    public static final String PAGE = "/account/password.xhtml?t=";

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    AccessLinks links;

    @Inject
    Mailer mailer;

    @Inject
    PaylinkConfig config;

    @EJB
    RateWindows rates;

    @EJB
    StaffAdminService staffAdmin;

    @Inject
    Clock clock;

    /**
     * An Admin invites a person to the practice's staff: their username is their email address; they set a password
     * from the emailed invitation.
     *
     * @throws AccountRefused a missing name, a malformed address, or an address another account already uses
     */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public StaffAdminPage invite(String fullName, String email, boolean provider, boolean billing, boolean admin) {
        Staff me = caller.requiring(Permission.ADMIN);
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (billing) {
            permissions.add(Permission.BILLING);
        }
        if (admin) {
            permissions.add(Permission.ADMIN);
        }
        Staff invited = newStaff(em, me.practice(), fullName, email, provider, permissions);
        Instant now = clock.instant();
        em.persist(new StaffChange(me.practice().id(), invited.id(), me.id(), now, StaffChange.Kind.INVITED));
        links.issue(invited, StaffAccessLink.Purpose.INVITATION, now);
        LOG.info(() -> "practice " + me.practice().id() + ": staff " + invited.id() + " invited by staff " + me.id());
        return staffPage();
    }

    /**
     * An Admin sends a person's invitation again: a fresh link, and the earlier one stops working.
     *
     * @throws AccountRefused when the person has set a password already, or is deactivated
     */
    @RolesAllowed(Permission.ADMIN_ROLE)
    public StaffAdminPage resendInvitation(long staffId) {
        Staff me = caller.requiring(Permission.ADMIN);
        Staff staff = em.find(Staff.class, staffId, LockModeType.PESSIMISTIC_WRITE);
        if (staff == null || !staff.practice().id().equals(me.practice().id())) {
            throw new NotFoundException("staff", staffId);
        }
        if (staff.hasPassword()) {
            throw new AccountRefused("invitation-accepted", staff.fullName());
        }
        if (!staff.isActive()) {
            throw new AccountRefused("invitation-inactive", staff.fullName());
        }
        Instant now = clock.instant();
        em.persist(new StaffChange(me.practice().id(), staff.id(), me.id(), now, StaffChange.Kind.INVITATION_RESENT));
        links.issue(staff, StaffAccessLink.Purpose.INVITATION, now);
        return staffPage();
    }

    /**
     * "Forgot password?": each active account with this email address gets a link to set a new password. The answer
     * does not say whether any account uses the address; a network that asks too often is told to wait, and an
     * address asked for too often gets no more emails in that hour (with the same answer).
     */
    @PermitAll
    public PasswordResetAnswer requestPasswordReset(String email, String clientAddress) {
        String from = clientAddress == null || clientAddress.isBlank() ? "unknown" : ClientAddresses.bucket(clientAddress);
        if (rates.hit("password-reset-address:" + from, Duration.ofHours(1)) > RESETS_PER_ADDRESS_HOUR) {
            return PasswordResetAnswer.THROTTLED;
        }
        if (email == null || !EmailAddresses.isValid(email.strip())) {
            throw new AccountRefused("reset-email-invalid", email == null ? "" : email.strip());
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (rates.hit("password-reset-email:" + address, Duration.ofHours(1)) > RESETS_PER_EMAIL_HOUR) {
            return PasswordResetAnswer.SENT_IF_KNOWN;
        }
        Instant now = clock.instant();
        List<Staff> accounts = em.createQuery("select s from Staff s where lower(s.email) = :e and s.active = true", Staff.class)
                .setParameter("e", address).getResultList();
        // an invited person who has not set a password yet gets their invitation again, not a reset
        accounts.forEach(s -> links.issue(s, s.hasPassword() ? StaffAccessLink.Purpose.PASSWORD_RESET
                : StaffAccessLink.Purpose.INVITATION, now));
        LOG.info(() -> "password reset asked from " + from + ": " + accounts.size() + " account(s)");
        return PasswordResetAnswer.SENT_IF_KNOWN;
    }

    /** The link's owner and expiry while the link works; empty when it does not (unknown, expired, used, replaced). */
    @PermitAll
    public Optional<AccessLinkView> open(String token) {
        Instant now = clock.instant();
        return links.usable(token, now, false).flatMap(link -> {
            Staff staff = em.find(Staff.class, link.staffId());
            return staff.isActive() ? Optional.of(new AccessLinkView(staff.fullName(), staff.username(),
                    staff.practice().name(), link.purpose() == StaffAccessLink.Purpose.INVITATION, link.expiresAt()))
                    : Optional.empty();
        });
    }

    /**
     * Sets the link owner's password, once: the link and every other open link of theirs stop working.
     *
     * @return the username to sign in with
     * @throws AccountRefused when the link does not work, or the password breaks a rule (the link still works then)
     */
    @PermitAll
    public String setPassword(String token, char[] password, char[] confirmation) {
        Instant now = clock.instant();
        StaffAccessLink link = links.usable(token, now, true).orElseThrow(() -> new AccountRefused("access-link-unusable"));
        Staff staff = em.find(Staff.class, link.staffId(), LockModeType.PESSIMISTIC_WRITE);
        if (!staff.isActive()) {
            throw new AccountRefused("access-link-unusable");
        }
        checkPassword(staff, password, confirmation);
        staff.passwordSet(HASHER.hash(password));
        link.used(now);
        links.supersedeAll(staff.id(), now);
        em.persist(new StaffChange(staff.practice().id(), staff.id(), staff.id(), now, StaffChange.Kind.PASSWORD_SET));
        LOG.info(() -> "staff " + staff.id() + " set a password from a " + link.purpose() + " link");
        return staff.username();
    }

    /**
     * Sends the link's email, minting its token (the broker redelivers while the issuing transaction is not visible
     * yet: false). A link that no longer works, or whose email has gone, is consumed without sending.
     */
    @RolesAllowed(Permission.SYSTEM_ROLE)
    public boolean deliver(long linkId) {
        StaffAccessLink link = em.find(StaffAccessLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
        if (link == null) {
            return false;
        }
        String key = "staff-access-link:" + linkId;
        Staff staff = em.find(Staff.class, link.staffId());
        if (mailer.wasSent(key) || !link.isUsableAt(clock.instant()) || staff.email() == null) {
            return true;
        }
        String url = config.publicUrl() + PAGE + AccessLinks.mint(link);
        mailer.sendOnceFreshEachAttempt(key, AccessLinkEmail.of(link.purpose(), staff.practice().name(),
                staff.practice().senderEmail(), staff.practice().zone(), staff.fullName(), staff.username(), staff.email(),
                url, link.expiresAt()));
        return true;
    }

    /** A new staff member, invited, validated; shared with the operator's new practice. */
    static Staff newStaff(EntityManager em, com.paylink.practice.entity.Practice practice, String fullName, String email, boolean provider,
                   Set<Permission> permissions) {
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty()) {
            throw new AccountRefused("staff-name-required");
        }
        if (name.length() > NAME_MAX) {
            throw new AccountRefused("staff-name-long", NAME_MAX);
        }
        String address = email == null ? "" : email.strip();
        if (!EmailAddresses.isValid(address)) {
            throw new AccountRefused("staff-email-invalid", address);
        }
        String username = Staff.normalizeUsername(address);
        boolean taken = !em.createQuery("select s.id from Staff s where s.username = :u", Long.class)
                .setParameter("u", username).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw new AccountRefused("staff-email-taken", address);
        }
        Staff staff = Staff.invited(practice, name, address, provider, permissions);
        em.persist(staff);
        em.flush();
        return staff;
    }

    private static void checkPassword(Staff staff, char[] password, char[] confirmation) {
        if (password == null || password.length < PASSWORD_MIN) {
            throw new AccountRefused("password-short", PASSWORD_MIN);
        }
        if (password.length > PASSWORD_MAX) {
            throw new AccountRefused("password-long", PASSWORD_MAX);
        }
        if (confirmation == null || !java.util.Arrays.equals(password, confirmation)) {
            throw new AccountRefused("password-mismatch");
        }
        String typed = new String(password).strip().toLowerCase(Locale.ROOT);
        if (typed.equals(staff.username()) || (staff.email() != null && typed.equals(staff.email().toLowerCase(Locale.ROOT)))
                || typed.equals(staff.fullName().toLowerCase(Locale.ROOT))) {
            throw new AccountRefused("password-is-name");
        }
        if (new String(password).chars().distinct().count() < 4) {
            throw new AccountRefused("password-repetitive");
        }
    }

    private StaffAdminPage staffPage() {
        em.flush();
        return staffAdmin.page();
    }
}
