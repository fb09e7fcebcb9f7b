package com.paylink.practice.boundary;

import com.paylink.practice.entity.Practice;
import com.paylink.texting.control.PaymentLinkText;
import com.paylink.texting.control.PhoneNumbers;
import com.paylink.texting.control.TextGateway;
import com.paylink.texting.control.Texts;
import com.paylink.texting.entity.TextMessage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Issue 23 (T5): an Admin sets the practice's own texting sender (a Twilio Messaging Service) and the name its texts
 * begin with, sees whether US carriers accept it (Twilio's report of its A2P 10DLC registration), and sends a test text.
 */
@Stateless
@RolesAllowed("admin")
public class TextingSetupService {

    /** A Twilio Messaging Service SID: MG and 32 hexadecimal digits. */
    static final java.util.regex.Pattern SERVICE_SID = java.util.regex.Pattern.compile("MG[0-9a-fA-F]{32}");
    private static final Logger LOG = Logger.getLogger(TextingSetupService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    PracticeCallers callers;

    @Inject
    TextGateway gateway;

    @Inject
    Texts texts;

    @Inject
    Clock clock;

    @Inject
    com.paylink.platform.PaylinkConfig config;

    public TextingSetup view() {
        return view(em.find(Practice.class, callers.admin().practiceId()), null);
    }

    /**
     * Saves the sender and the texting name, then asks Twilio for the sender's registration.
     *
     * @throws PracticeSettingsRefused for a malformed SID or a name too long; nothing is saved then
     */
    public TextingSetup save(String serviceSid, String textingName) {
        PracticeCallers.Admin admin = callers.admin();
        String sid = serviceSid == null || serviceSid.isBlank() ? null : serviceSid.strip();
        if (sid != null && !SERVICE_SID.matcher(sid).matches()) {
            throw new PracticeSettingsRefused("texting-service-invalid", sid);
        }
        String name = textingName == null || textingName.isBlank() ? null : textingName.strip();
        if (name != null && name.length() > Practice.TEXTING_NAME_MAX) {
            throw new PracticeSettingsRefused("texting-name-long", Practice.TEXTING_NAME_MAX);
        }
        Practice practice = em.find(Practice.class, admin.practiceId(), LockModeType.PESSIMISTIC_WRITE);
        practice.textingSetUp(sid, name);
        LOG.info(() -> "practice " + practice.id() + ": texting sender set by staff " + admin.staffId());
        return check(practice);
    }

    /** Asks Twilio again whether carriers accept the practice's sender. */
    public TextingSetup checkRegistration() {
        return check(em.find(Practice.class, callers.admin().practiceId(), LockModeType.PESSIMISTIC_WRITE));
    }

    private TextingSetup check(Practice practice) {
        if (!practice.hasTextingSender() || !gateway.configured()) {
            return view(practice, null);
        }
        try {
            practice.textingRegistration(gateway.registered(practice.textingServiceSid()), clock.instant());
            return view(practice, null);
        } catch (TextGateway.Refused | TextGateway.Unavailable e) {
            return view(practice, e.getMessage());
        }
    }

    /**
     * T5: a test text to {@code number}, from the practice's sender, sent now; its outcome is what Twilio answered.
     *
     * @throws PracticeSettingsRefused when the number cannot be texted, texting is not set up, or Twilio refused it
     */
    public String sendTest(String number) {
        PracticeCallers.Admin admin = callers.admin();
        Practice practice = em.find(Practice.class, admin.practiceId());
        if (!gateway.configured()) {
            throw new PracticeSettingsRefused("texting-not-configured");
        }
        if (!practice.hasTextingSender()) {
            throw new PracticeSettingsRefused("texting-not-set-up");
        }
        PhoneNumbers.Problem problem = PhoneNumbers.problem(number, "US");
        if (problem != PhoneNumbers.Problem.NONE) {
            throw new PracticeSettingsRefused(problem.code(), number == null ? "" : number.strip());
        }
        String to = PhoneNumbers.e164(number, "US").orElseThrow();
        String body = PaymentLinkText.testText(practice.textingName(), Locale.ENGLISH);
        Instant now = clock.instant();
        TextMessage text = texts.test(practice.id(), to, body, admin.staffId(), now);
        try {
            TextGateway.Sent sent = gateway.send(practice.textingServiceSid(), to, body,
                    config.publicUrl() + "/webhooks/sms");
            texts.accepted(text, sent.sid(), sent.status(), clock.instant());
            return PhoneNumbers.masked(to);
        } catch (TextGateway.Refused e) {
            texts.failed(text, e.code(), e.getMessage(), clock.instant());
            throw new PracticeSettingsRefused("texting-test-refused", e.code() + ": " + e.getMessage());
        } catch (TextGateway.Unavailable e) {
            texts.failed(text, null, e.getMessage(), clock.instant());
            throw new PracticeSettingsRefused("texting-test-unavailable", e.getMessage());
        }
    }

    private TextingSetup view(Practice practice, String problem) {
        return new TextingSetup(practice.textingServiceSid(), practice.chosenTextingName(), practice.textingName(),
                practice.textingRegistered(), practice.textingCheckedAt(), gateway.configured(), problem);
    }
}
