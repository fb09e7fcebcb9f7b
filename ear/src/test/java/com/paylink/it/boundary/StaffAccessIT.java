package com.paylink.it.boundary;

import com.paylink.identity.boundary.AccountRefused;
import com.paylink.identity.boundary.CreatedPractice;
import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.boundary.NewPractice;
import com.paylink.identity.boundary.PasswordResetAnswer;
import com.paylink.identity.boundary.PracticeOnboardingService;
import com.paylink.identity.boundary.SignInResult;
import com.paylink.identity.boundary.StaffAccessService;
import com.paylink.identity.boundary.StaffAdminPage;
import com.paylink.identity.boundary.StaffAdminService;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.SignInChannel;
import com.paylink.it.Deployments;
import com.paylink.it.Mailbox;
import com.paylink.platform.AdjustableClock;
import com.paylink.shared.PermissionDeniedException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * I5 inside WildFly against PostgreSQL and a real SMTP server: the operator's new practice and its first Admin's
 * invitation, Admins inviting staff, "Forgot password?", and the one-time link's rules (hashed at rest, 24 hours, once,
 * only the newest works).
 */
@ExtendWith(ArquillianExtension.class)
class StaffAccessIT {

    private static final Pattern LINK = Pattern.compile("/account/password\\.xhtml\\?t=([A-Za-z0-9_-]{43})");
    private static final String OPERATOR = "it-operator-token";
    private static final char[] GOOD = "correct horse battery".toCharArray();
    private Mailbox smtp;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(StaffAccessIT.class);
    }

    @EJB
    StaffAccessService access;

    @EJB
    StaffAdminService staffAdmin;

    @EJB
    PracticeOnboardingService onboarding;

    @EJB
    IdentityService identity;

    @Inject
    TestData data;

    /** The SMTP server runs inside WildFly for each test (the page tests start their own in the test JVM). */
    @BeforeEach
    void startMail() {
        smtp = Mailbox.start();
    }

    @AfterEach
    void stopMailAndSetTheClockBack() {
        AdjustableClock.instance().reset();
        smtp.stop();
    }

    @Test
    void i5_theOperatorCreatesAPractice_itsFirstAdminSetsAPasswordOnce_fromALinkKeptOnlyAsAHash() throws Exception {
        String email = TestData.unique("first").toLowerCase() + "@hillside.example";
        NewPractice hillside = new NewPractice("Hillside Therapy", "America/Chicago", "office@hillside.example",
                "(555) 010-2000", null, "Avery Hill", email);
        long before = data.practiceCount();

        // only the operator's token creates a practice; a refused request creates nothing
        assertThatThrownBy(() -> As.anonymous(() -> onboarding.createPractice("not-the-token", hillside)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> As.anonymous(() -> onboarding.createPractice(null, hillside)))
                .isInstanceOf(PermissionDeniedException.class);
        assertRefused(() -> onboarding.createPractice(OPERATOR, new NewPractice("Hillside Therapy", "Central Time",
                "office@hillside.example", null, null, "Avery Hill", email)), "practice-zone-invalid");
        assertRefused(() -> onboarding.createPractice(OPERATOR, new NewPractice(" ", "America/Chicago",
                "office@hillside.example", null, null, "Avery Hill", email)), "practice-name-required");
        assertRefused(() -> onboarding.createPractice(OPERATOR, new NewPractice("Hillside Therapy", "America/Chicago",
                null, null, null, "Avery Hill", email)), "practice-contact-required");
        assertRefused(() -> onboarding.createPractice(OPERATOR, new NewPractice("Hillside Therapy", "America/Chicago",
                "office@hillside.example", null, null, "Avery Hill", "not an address")), "staff-email-invalid");
        assertThat(data.practiceCount()).as("nothing created").isEqualTo(before);
        assertThat(data.staffExists(email)).isFalse();

        CreatedPractice created = As.anonymous(() -> onboarding.createPractice(OPERATOR, hillside));
        assertThat(created.adminUsername()).isEqualTo(email);
        assertThat(data.practiceCount()).isEqualTo(before + 1);
        // the same first Admin again: refused, nothing more created
        assertRefused(() -> onboarding.createPractice(OPERATOR, hillside), "staff-email-taken");
        assertThat(data.practiceCount()).isEqualTo(before + 1);

        MimeMessage invitation = awaitMail(email, 1);
        assertThat(invitation.getSubject()).isEqualTo("Set up your Paylink account for Hillside Therapy");
        String text = Mailbox.text(invitation);
        assertThat(text).contains("Avery Hill", email, "CST"); // the expiry in the practice's own zone
        String token = token(invitation);
        // only the token's hash is kept
        assertThat(data.accessLinks(email)).containsExactly("INVITATION " + hash(token) + " false false");
        assertThat(As.anonymous(() -> identity.signIn(email, GOOD, "198.51.100.7", SignInChannel.FORM)))
                .as("no password yet: no sign-in").isInstanceOf(SignInResult.Refused.class);
        assertThat(As.anonymous(() -> access.open(token))).get()
                .satisfies(v -> assertThat(v.fullName()).isEqualTo("Avery Hill"))
                .satisfies(v -> assertThat(v.invitation()).isTrue());

        // a password that breaks a rule is refused and the link still works
        assertRefused(() -> access.setPassword(token, "short".toCharArray(), "short".toCharArray()), "password-short");
        assertRefused(() -> access.setPassword(token, GOOD, "correct horse battery!".toCharArray()), "password-mismatch");
        assertRefused(() -> access.setPassword(token, email.toCharArray(), email.toCharArray()), "password-is-name");
        assertRefused(() -> access.setPassword(token, "aaaaaaaaaaaaaaa".toCharArray(), "aaaaaaaaaaaaaaa".toCharArray()),
                "password-repetitive");
        assertThat(As.anonymous(() -> access.open(token))).isPresent();

        assertThat(As.anonymous(() -> access.setPassword(token, GOOD, GOOD))).isEqualTo(email);
        assertThat(As.anonymous(() -> identity.signIn(email, GOOD, "198.51.100.7", SignInChannel.FORM)))
                .isInstanceOf(SignInResult.SignedIn.class);
        // once
        assertThat(As.anonymous(() -> access.open(token))).isEmpty();
        assertRefused(() -> access.setPassword(token, "another good passphrase".toCharArray(),
                "another good passphrase".toCharArray()), "access-link-unusable");
        assertThat(data.staffChanges(email)).containsExactly("INVITED", "PASSWORD_SET");
        // the new Admin runs their practice: its staff list has them, invited by the operator
        StaffAdminPage page = As.staff(email, EnumSet.of(Permission.ADMIN), () -> staffAdmin.page());
        assertThat(page.staff()).singleElement().satisfies(r -> assertThat(r.invited()).isFalse());
        assertThat(page.changes()).extracting(StaffAdminPage.ChangeRow::changedBy).containsOnly("Avery Hill", null);
    }

    @Test
    void i5_anAdminInvites_onlyTheNewestInvitationWorks_forTwentyFourHours_andADeactivatedPersonsLinkStops() throws Exception {
        long practice = data.practice(TestData.unique("Invites"), true);
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        Set<Permission> asAdmin = EnumSet.of(Permission.ADMIN);
        String email = TestData.unique("biller").toLowerCase() + "@invites.example";

        assertRefused(() -> As.staff(admin, asAdmin, () -> access.invite("", email, false, true, false)), "staff-name-required");
        assertRefused(() -> As.staff(admin, asAdmin, () -> access.invite("Blake Biller", "blake@", false, true, false)),
                "staff-email-invalid");
        assertThat(data.staffExists(email)).isFalse();
        assertThatThrownBy(() -> As.staff(admin, EnumSet.of(Permission.BILLING), () -> access.invite("Blake Biller", email,
                false, true, false))).isInstanceOf(EJBAccessException.class);

        StaffAdminPage page = As.staff(admin, asAdmin, () -> access.invite("Blake Biller", email, false, true, false));
        assertThat(page.staff()).filteredOn(r -> r.username().equals(email)).singleElement()
                .satisfies(r -> assertThat(r.invited()).isTrue())
                .satisfies(r -> assertThat(r.billing()).isTrue());
        long id = page.staff().stream().filter(r -> r.username().equals(email)).findFirst().orElseThrow().id();
        String first = token(awaitMail(email, 1));
        assertRefused(() -> As.staff(admin, asAdmin, () -> access.invite("Blake Again", email.toUpperCase(), false, false,
                false)), "staff-email-taken");

        As.staff(admin, asAdmin, () -> access.resendInvitation(id));
        String second = token(awaitMail(email, 2));
        assertThat(As.anonymous(() -> access.open(first))).as("replaced by the newer invitation").isEmpty();
        assertThat(As.anonymous(() -> access.open(second))).isPresent();

        // 24 hours after it was asked for, the link no longer works
        AdjustableClock.instance().advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(As.anonymous(() -> access.open(second))).isEmpty();
        assertRefused(() -> access.setPassword(second, GOOD, GOOD), "access-link-unusable");
        AdjustableClock.instance().reset();
        assertThat(As.anonymous(() -> access.open(second))).as("within its 24 hours").isPresent();

        // deactivated meanwhile: the invitation stops working, and cannot be sent again until reactivated
        As.staff(admin, asAdmin, () -> staffAdmin.change(id, true, false, false));
        assertThat(As.anonymous(() -> access.open(second))).isEmpty();
        assertRefused(() -> As.staff(admin, asAdmin, () -> access.resendInvitation(id)), "invitation-inactive");
        As.staff(admin, asAdmin, () -> staffAdmin.change(id, true, false, true));
        As.staff(admin, asAdmin, () -> access.resendInvitation(id));
        String third = token(awaitMail(email, 3));
        assertThat(As.anonymous(() -> access.setPassword(third, GOOD, GOOD))).isEqualTo(email);
        assertRefused(() -> As.staff(admin, asAdmin, () -> access.resendInvitation(id)), "invitation-accepted");
        assertThat(data.staffChanges(email)).containsExactly("INVITED", "INVITATION_RESENT", "DEACTIVATED", "REACTIVATED",
                "INVITATION_RESENT", "PASSWORD_SET");
        // another practice's Admin cannot send it
        long other = data.practice(TestData.unique("Other"), true);
        String otherAdmin = data.staff(other, TestData.unique("admin"), false, asAdmin);
        assertThatThrownBy(() -> As.staff(otherAdmin, asAdmin, () -> access.resendInvitation(id)))
                .isInstanceOf(com.paylink.shared.NotFoundException.class);
    }

    @Test
    void i5_forgotPassword_answersAlikeForAnyAddress_mailsOnlyAnAccount_andIsThrottled() throws Exception {
        long practice = data.practice(TestData.unique("Resets"), true);
        String email = TestData.unique("forgetful").toLowerCase() + "@resets.example";
        String username = data.staffWithEmail(practice, TestData.unique("forgetful"), email, EnumSet.of(Permission.BILLING));
        String network = "203.0." + ThreadLocalRandom.current().nextInt(1, 250) + "." + ThreadLocalRandom.current().nextInt(1, 250);
        String unknown = TestData.unique("nobody").toLowerCase() + "@resets.example";

        assertThat(As.anonymous(() -> access.requestPasswordReset(unknown, network))).isEqualTo(PasswordResetAnswer.SENT_IF_KNOWN);
        assertThat(As.anonymous(() -> access.requestPasswordReset(email.toUpperCase(), network)))
                .isEqualTo(PasswordResetAnswer.SENT_IF_KNOWN);
        MimeMessage reset = awaitMail(email, 1);
        assertThat(reset.getSubject()).isEqualTo("Set a new Paylink password");
        String token = token(reset);
        assertThat(As.anonymous(() -> access.setPassword(token, GOOD, GOOD))).isEqualTo(username);
        assertThat(As.anonymous(() -> identity.signIn(username, GOOD, network, SignInChannel.FORM)))
                .isInstanceOf(SignInResult.SignedIn.class);
        assertThat(As.anonymous(() -> identity.signIn(username, TestData.PASSWORD.toCharArray(), network, SignInChannel.FORM)))
                .as("the old password no longer works").isInstanceOf(SignInResult.Refused.class);
        await("no account, no email").during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.to(unknown).isEmpty());

        // three emails an hour to one address; more requests get the same answer and no email (each request waits for
        // the one before it to be mailed: a link replaced before its email went out is not sent at all)
        for (int mails = 2; mails <= 3; mails++) {
            assertThat(As.anonymous(() -> access.requestPasswordReset(email, network))).isEqualTo(PasswordResetAnswer.SENT_IF_KNOWN);
            awaitMail(email, mails);
        }
        assertThat(As.anonymous(() -> access.requestPasswordReset(email, network))).isEqualTo(PasswordResetAnswer.SENT_IF_KNOWN);
        await("the fourth request of the hour sent nothing").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> smtp.to(email).size() == 3);
        // ten requests an hour from one network; then it is told to wait, whatever the address
        for (int i = 6; i <= 10; i++) {
            assertThat(As.anonymous(() -> access.requestPasswordReset(unknown, network))).isEqualTo(PasswordResetAnswer.SENT_IF_KNOWN);
        }
        assertThat(As.anonymous(() -> access.requestPasswordReset(unknown, network))).isEqualTo(PasswordResetAnswer.THROTTLED);
        assertThat(As.anonymous(() -> access.requestPasswordReset(email, network))).isEqualTo(PasswordResetAnswer.THROTTLED);
        assertRefused(() -> access.requestPasswordReset("not an address", "198.18." + ThreadLocalRandom.current().nextInt(1, 250)
                + ".1"), "reset-email-invalid");
    }

    private MimeMessage awaitMail(String to, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.to(to).size() >= count);
        List<MimeMessage> mails = smtp.to(to);
        return mails.get(count - 1);
    }

    private static String token(MimeMessage mail) {
        Matcher m = LINK.matcher(Mailbox.text(mail));
        assertThat(m.find()).as("a set-password link in the mail").isTrue();
        return m.group(1);
    }

    private static String hash(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("paylink-access:" + token).getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRefused(java.security.PrivilegedExceptionAction<?> action, String code) {
        assertThatThrownBy(() -> As.anonymous(action)).isInstanceOf(AccountRefused.class)
                .satisfies(e -> assertThat(((AccountRefused) e).code()).isEqualTo(code));
    }
}
