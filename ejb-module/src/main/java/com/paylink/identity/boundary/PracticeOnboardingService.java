package com.paylink.identity.boundary;

import com.paylink.identity.control.AccessLinks;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.identity.entity.StaffAccessLink;
import com.paylink.identity.entity.StaffChange;
import com.paylink.platform.PaylinkConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.shared.EmailAddresses;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * I5 (issue 27): the operator creates a practice and its first Admin, who is sent an invitation to set a password.
 * Only the operator may: the call carries the operator's token, compared with {@code paylink.operator.token}; without
 * that setting no one can create a practice.
 */
@Stateless
@PermitAll // the operator is not one of any practice's staff: the operator's token is checked here, on every call
public class PracticeOnboardingService {

    private static final Logger LOG = Logger.getLogger(PracticeOnboardingService.class.getName());
    public static final String OPERATOR_TOKEN = "paylink.operator.token";
    static final int NAME_MAX = 200;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    AccessLinks links;

    @Inject
    com.paylink.practice.boundary.PracticeRegistry practices;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    /**
     * @throws PermissionDeniedException when the token is not the operator's (or no operator token is configured)
     * @throws AccountRefused            a field missing or malformed, or the first Admin's address already in use;
     *                                   nothing is created then
     */
    public CreatedPractice createPractice(String operatorToken, NewPractice request) {
        if (!isOperator(operatorToken)) {
            LOG.warning("a new practice was refused: not the operator's token");
            throw new PermissionDeniedException("operator");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new AccountRefused("practice-name-required");
        }
        if (name.length() > NAME_MAX) {
            throw new AccountRefused("practice-name-long", NAME_MAX);
        }
        ZoneId zone = zone(request.timeZone());
        PracticeContact contact = PracticeContact.of(request.contactPhone(), request.contactEmail());
        if (contact.email() == null) {
            throw new AccountRefused("practice-contact-required");
        }
        contact.problem().ifPresent(code -> {
            throw new AccountRefused(code, code.contains("phone") ? contact.phone() : contact.email());
        });
        String sender = request.senderEmail() == null || request.senderEmail().isBlank() ? contact.email()
                : request.senderEmail().strip();
        if (!EmailAddresses.isValid(sender)) {
            throw new AccountRefused("practice-sender-invalid", sender);
        }
        Instant now = clock.instant();
        Practice practice = practices.open(name, sender, zone, contact, now);
        Staff admin = StaffAccessService.newStaff(em, practice, request.adminName(), request.adminEmail(), false, EnumSet.of(Permission.ADMIN));
        em.persist(new StaffChange(practice.id(), admin.id(), null, now, StaffChange.Kind.INVITED));
        links.issue(admin, StaffAccessLink.Purpose.INVITATION, now);
        LOG.info(() -> "practice " + practice.id() + " created by the operator; first Admin staff " + admin.id() + " invited");
        return new CreatedPractice(practice.id(), practice.name(), admin.id(), admin.username());
    }

    private boolean isOperator(String token) {
        String expected = config.get(OPERATOR_TOKEN).orElse("");
        return !expected.isBlank() && token != null && MessageDigest.isEqual(sha256(expected), sha256(token));
    }

    private static ZoneId zone(String id) {
        String value = id == null ? "" : id.strip();
        try {
            if (value.contains("/")) {
                return ZoneId.of(value);
            }
        } catch (DateTimeException e) {
            // falls through to the refusal
        }
        throw new AccountRefused("practice-zone-invalid", value);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
