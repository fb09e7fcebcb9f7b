package com.paylink.identity.control;

import com.paylink.identity.entity.StaffAccessLink;
import com.paylink.mail.boundary.EmailTexts;
import com.paylink.mail.boundary.MailBody;
import com.paylink.mail.boundary.OutgoingMail;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static com.paylink.mail.boundary.EmailTexts.strong;
import static com.paylink.mail.boundary.MailBody.fact;

/**
 * I5: the email that carries a staff member's one-time link: an invitation or a password reset. It names the practice,
 * the person and their username, the link and when it stops working; the expiry is shown in the practice's time zone.
 */
public final class AccessLinkEmail {

    /** Staff pages and emails are in English. */
    private static final Locale STAFF_LANGUAGE = Locale.ENGLISH;
    private static final String FROM_NAME = "Paylink";

    private AccessLinkEmail() {
    }

    public static OutgoingMail of(StaffAccessLink.Purpose purpose, String practiceName, String practiceAddress, ZoneId zone,
                                  String fullName, String username, String to, String url, Instant expiresAt) {
        EmailTexts t = EmailTexts.in(STAFF_LANGUAGE, zone);
        MailBody body = MailBody.in(t).paragraph("access.invitation.hello", fullName);
        boolean invitation = purpose == StaffAccessLink.Purpose.INVITATION;
        if (invitation) {
            body.paragraph("access.invitation.invited", practiceName);
        } else {
            body.paragraph("access.reset.asked", practiceName);
        }
        return body.facts(fact("access.username", strong(username)), fact("access.expires", t.dateTime(expiresAt)))
                .button(invitation ? "access.invitation.action" : "access.reset.action", url)
                .note("access.once")
                .note("access.ignore")
                .signature(FROM_NAME)
                .mail(FROM_NAME, practiceAddress, to, invitation ? t.text("access.invitation.subject", practiceName)
                        : t.text("access.reset.subject"));
    }
}
