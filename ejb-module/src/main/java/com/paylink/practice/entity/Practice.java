package com.paylink.practice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A health-care practice: the organisation whose staff send links and whose clients pay them, paid into its
 * own card-processing account (P2, P3).
 */
@Entity
@Table(name = "practice")
public class Practice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    /** The address the practice's emails are sent from; the staff member's name is the display name. */
    @Column(name = "sender_email", nullable = false)
    private String senderEmail;

    /** The practice's own account at the gateway (Stripe Connect), once onboarding started. */
    @Column(name = "stripe_account_id")
    private String stripeAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "card_processing_status", nullable = false)
    private CardProcessing cardProcessing;

    /** The gateway's reasons when the account is pending or restricted, as it gave them. */
    @Column(name = "card_processing_detail")
    private String cardProcessingDetail;

    @Column(name = "card_processing_checked_at")
    private Instant cardProcessingCheckedAt;

    /** P7: Paylink's public domain as registered for wallets on the practice's account, and the gateway's answer. */
    @Column(name = "wallet_domain")
    private String walletDomain;

    @Column(name = "wallets_available")
    private Boolean walletsAvailable;

    @Column(name = "wallets_detail")
    private String walletsDetail;

    @Column(name = "wallets_checked_at")
    private Instant walletsCheckedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** P4: how clients reach the practice (optional). */
    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "contact_email")
    private String contactEmail;

    /** I5: where the practice is; an IANA zone id such as America/Chicago. */
    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    /** Issue 23 (T5): the practice's own sender, a Twilio Messaging Service (MG…); null: texting not set up. */
    @Column(name = "texting_service_sid", length = 34)
    private String textingServiceSid;

    /** T3: the name its texts begin with (at most {@value #TEXTING_NAME_MAX} characters); null: its name. */
    @Column(name = "texting_name", length = 30)
    private String textingName;

    /** T5: the carrier registration (US A2P 10DLC) as Twilio last reported it; null: never checked. */
    @Column(name = "texting_registered")
    private Boolean textingRegistered;

    @Column(name = "texting_checked_at")
    private Instant textingCheckedAt;

    /** Issue 24 (C1): balance reminders on a schedule; off until an Admin turns them on. */
    @Column(name = "balance_reminders_enabled", nullable = false)
    private boolean balanceRemindersEnabled;

    @Column(name = "balance_reminder_days", nullable = false, length = 40)
    private String balanceReminderDays = ReminderDays.DEFAULT;

    /** Issue 24 (C5): how many days the link on a paper statement works. */
    @Column(name = "statement_link_days", nullable = false)
    private int statementLinkDays = DEFAULT_STATEMENT_DAYS;

    /** Issue 24 (C6): the most clients one batch send may contact (an Admin's setting). */
    @Column(name = "batch_send_max", nullable = false)
    private int batchSendMax = DEFAULT_BATCH_MAX;

    public static final int DEFAULT_BATCH_MAX = 500;
    public static final int MAX_BATCH_MAX = 10000;
    public static final int DEFAULT_STATEMENT_DAYS = 14;
    public static final int MAX_STATEMENT_DAYS = 30;

    /** P5: what an Admin chose for the practice's links. */
    @Embedded
    private PracticeSettings settings;

    /** The zone of a practice made before practices had one (and of the demo's). */
    public static final java.time.ZoneId DEFAULT_ZONE = java.time.ZoneId.of("America/New_York");

    protected Practice() {
        // for JPA
    }

    /** A practice that has not started card processing. */
    public Practice(String name, String senderEmail, Instant createdAt) {
        this.name = requireText(name, "name");
        this.senderEmail = requireText(senderEmail, "senderEmail");
        this.cardProcessing = CardProcessing.NOT_STARTED;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.settings = PracticeSettings.defaults();
        this.timeZone = DEFAULT_ZONE.getId();
    }

    /** I5: a new practice created by the operator, in its own time zone, with how clients reach it. */
    public Practice(String name, String senderEmail, java.time.ZoneId zone, PracticeContact contact, Instant createdAt) {
        this(name, senderEmail, createdAt);
        this.timeZone = Objects.requireNonNull(zone, "zone").getId();
        contactChanged(contact);
    }

    /** A practice whose account {@code accountId} can already take charges (demo and test data). */
    public Practice(String name, String senderEmail, String accountId, Instant createdAt) {
        this(name, senderEmail, createdAt);
        this.stripeAccountId = requireText(accountId, "accountId");
        this.cardProcessing = CardProcessing.ENABLED;
        this.cardProcessingCheckedAt = createdAt;
    }

    /** P3: an Admin started onboarding and the gateway opened the practice's account; it is set once. */
    public void accountOpened(String accountId, Instant at) {
        if (stripeAccountId != null && !stripeAccountId.equals(accountId)) {
            throw new IllegalStateException("practice " + id + " already has account " + stripeAccountId);
        }
        this.stripeAccountId = requireText(accountId, "accountId");
        if (cardProcessing == CardProcessing.NOT_STARTED) {
            this.cardProcessing = CardProcessing.PENDING;
        }
        this.cardProcessingCheckedAt = at;
    }

    /**
     * P2: the account as the gateway reports it now: it takes charges (enrolled), or it is restricted (after
     * having details) with the gateway's reasons, or onboarding is not finished.
     */
    public void accountChecked(boolean chargesEnabled, boolean detailsSubmitted, String reasons, Instant at) {
        if (stripeAccountId == null) {
            throw new IllegalStateException("practice " + id + " has no account to check");
        }
        this.cardProcessing = chargesEnabled ? CardProcessing.ENABLED
                : detailsSubmitted ? CardProcessing.RESTRICTED : CardProcessing.PENDING;
        this.cardProcessingDetail = chargesEnabled || reasons == null || reasons.isBlank() ? null
                : reasons.length() > 500 ? reasons.substring(0, 500) : reasons;
        this.cardProcessingCheckedAt = at;
    }

    /**
     * P7: the gateway's answer to registering {@code domain} for Apple Pay and Google Pay on the practice's account:
     * available, or not with its reason.
     */
    public void walletsChecked(String domain, boolean available, String detail, Instant at) {
        if (stripeAccountId == null) {
            throw new IllegalStateException("practice " + id + " has no account to register a domain on");
        }
        this.walletDomain = requireText(domain, "domain");
        this.walletsAvailable = available;
        this.walletsDetail = available || detail == null || detail.isBlank() ? null
                : detail.length() > 500 ? detail.substring(0, 500) : detail;
        this.walletsCheckedAt = java.util.Objects.requireNonNull(at, "at");
    }

    /** P7: the wallets' state on the practice's account; empty until a domain was registered. */
    public java.util.Optional<WalletDomain> wallets() {
        return walletDomain == null ? java.util.Optional.empty()
                : java.util.Optional.of(new WalletDomain(walletDomain, walletsAvailable, walletsDetail, walletsCheckedAt));
    }

    /** P4: an Admin changed how clients reach the practice. */
    public void contactChanged(PracticeContact contact) {
        if (contact.problem().isPresent()) {
            throw new IllegalArgumentException(contact.problem().get());
        }
        this.contactPhone = contact.phone();
        this.contactEmail = contact.email();
    }

    /** P5: an Admin changed the practice's settings (checked by the caller with {@link PracticeSettings#problem()}). */
    public void settingsChanged(PracticeSettings changed) {
        String problem = changed.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.settings = changed;
    }

    public PracticeSettings settings() {
        return settings;
    }

    public PracticeContact contact() {
        return new PracticeContact(contactPhone, contactEmail);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.trim();
    }

    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String senderEmail() {
        return senderEmail;
    }

    /** P2: enrolled means the practice's own account can take charges. */
    public boolean isCardProcessingEnrolled() {
        return cardProcessing == CardProcessing.ENABLED && stripeAccountId != null;
    }

    public String stripeAccountId() {
        return stripeAccountId;
    }

    public CardProcessing cardProcessing() {
        return cardProcessing;
    }

    public String cardProcessingDetail() {
        return cardProcessingDetail;
    }

    public Instant cardProcessingCheckedAt() {
        return cardProcessingCheckedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** T3: the longest texting name a practice may choose (the name leads every text, which should fit one segment). */
    public static final int TEXTING_NAME_MAX = 30;

    /** T5: the Admin set the practice's sender and texting name (checked by the boundary); the registration is asked again. */
    public void textingSetUp(String serviceSid, String name) {
        if (!java.util.Objects.equals(serviceSid, textingServiceSid)) {
            textingRegistered = null;
            textingCheckedAt = null;
        }
        this.textingServiceSid = serviceSid;
        this.textingName = name;
    }

    /** T5: what Twilio says of the sender's carrier registration now. */
    public void textingRegistration(boolean registered, Instant checkedAt) {
        this.textingRegistered = registered;
        this.textingCheckedAt = checkedAt;
    }

    public String textingServiceSid() {
        return textingServiceSid;
    }

    /** The name texts carry: the one the Admin chose, else the practice's name (cut to the longest allowed). */
    public String textingName() {
        if (textingName != null && !textingName.isBlank()) {
            return textingName;
        }
        return name.length() <= TEXTING_NAME_MAX ? name : name.substring(0, TEXTING_NAME_MAX).strip();
    }

    /** The name the Admin chose, or null. */
    public String chosenTextingName() {
        return textingName;
    }

    public Boolean textingRegistered() {
        return textingRegistered;
    }

    public Instant textingCheckedAt() {
        return textingCheckedAt;
    }

    /** T5: the practice can send texts: it has a sender of its own. */
    public boolean hasTextingSender() {
        return textingServiceSid != null;
    }

    /** C1: the schedule, when the practice turned balance reminders on. */
    public java.util.Optional<ReminderDays> balanceReminders() {
        return balanceRemindersEnabled ? java.util.Optional.of(reminderDays()) : java.util.Optional.empty();
    }

    /** C1: the schedule as last saved, on or off. */
    public ReminderDays reminderDays() {
        return ReminderDays.parse(balanceReminderDays);
    }

    public boolean balanceRemindersEnabled() {
        return balanceRemindersEnabled;
    }

    /** C1: an Admin turned balance reminders on or off, or changed their days. */
    public void balanceRemindersChanged(boolean enabled, ReminderDays days) {
        this.balanceRemindersEnabled = enabled;
        this.balanceReminderDays = days.text();
    }

    /** C5: how many days a statement's link works. */
    public int statementLinkDays() {
        return statementLinkDays;
    }

    /** C5: an Admin set how long a statement's link works (1-30 days). */
    public void statementLinkDaysChanged(int days) {
        if (days < 1 || days > MAX_STATEMENT_DAYS) {
            throw new IllegalArgumentException("a statement's link works 1-" + MAX_STATEMENT_DAYS + " days: " + days);
        }
        this.statementLinkDays = days;
    }

    /** C6: the most clients one batch send may contact. */
    public int batchSendMax() {
        return batchSendMax;
    }

    /** C6: an Admin set the batch cap (1-10,000). */
    public void batchSendMaxChanged(int max) {
        if (max < 1 || max > MAX_BATCH_MAX) {
            throw new IllegalArgumentException("a batch may contact 1-" + MAX_BATCH_MAX + " clients: " + max);
        }
        this.batchSendMax = max;
    }
}
