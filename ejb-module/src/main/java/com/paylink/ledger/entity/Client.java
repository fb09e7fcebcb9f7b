package com.paylink.ledger.entity;

import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeOwned;
import com.paylink.shared.Languages;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A practice's client, with the three places an email can be on file: Client Details,
 * Household Information and Bill To &amp; Insurance Info.
 */
@Entity
@Table(name = "client")
public class Client implements PracticeOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practice_id", nullable = false)
    private Practice practice;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    private String email;

    private String phone;

    /** A BCP 47 tag of an offered language ({@code Languages}); null: not chosen (rule L11). */
    @Column(name = "preferred_language", length = 35)
    private String preferredLanguage;

    /** L15: the client's id in the practice's own billing system, unique within the practice; null if none. */
    @Column(name = "external_id", length = 100)
    private String externalId;

    /** Issue 25: the client's customer at the card gateway, on the practice's account (cards are saved on it); null: none yet. */
    @Column(name = "gateway_customer", length = 100)
    private String gatewayCustomer;

    /** Issue 23 (T1): the client's mobile number in E.164 (+15551234567), validated by the boundary; null: none. */
    @Column(name = "mobile_phone", length = 20)
    private String mobilePhone;

    /** T1: whether the client agreed to be texted at {@link #mobilePhone} (a new number asks again). */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "text_consent", nullable = false)
    private TextConsent textConsent = TextConsent.NONE;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "text_consent_method")
    private ConsentMethod textConsentMethod;

    @Column(name = "text_consent_at")
    private java.time.Instant textConsentAt;

    /** The staff member who recorded the consent (or its withdrawal); null when the client replied. */
    @Column(name = "text_consent_by")
    private Long textConsentBy;

    /** C3 (issue 24): balance reminders paused by staff (when, who, why); null when they run. */
    @Column(name = "reminders_paused_at")
    private java.time.Instant remindersPausedAt;

    @Column(name = "reminders_paused_by")
    private Long remindersPausedBy;

    @Column(name = "reminders_paused_reason", length = 300)
    private String remindersPausedReason;

    /** C2 (issue 24): the client chose "Stop these reminders"; only the client's own choice sets it. */
    @Column(name = "reminders_stopped_at")
    private java.time.Instant remindersStoppedAt;

    /** T4: the client's own zone (IANA id) for quiet hours; null: the practice's. */
    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Embedded
    private BillTo billTo = BillTo.client();

    @Embedded
    private Insurance insurance = Insurance.none();

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<HouseholdMember> household = new ArrayList<>();

    protected Client() {
        // for JPA
    }

    public Client(Practice practice, String firstName, String lastName, LocalDate dateOfBirth, String email,
                  String phone) {
        this.practice = Objects.requireNonNull(practice, "practice");
        this.firstName = requireText(firstName, "firstName");
        this.lastName = requireText(lastName, "lastName");
        this.dateOfBirth = dateOfBirth;
        this.email = blankToNull(email);
        this.phone = blankToNull(phone);
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public HouseholdMember addHouseholdMember(String relationship, String name, String email) {
        HouseholdMember member = new HouseholdMember(this, household.size(), requireText(relationship, "relationship"),
                requireText(name, "name"), blankToNull(email));
        household.add(member);
        return member;
    }

    /** L15: the practice's own id for this client (set once; a client keeps it). */
    public void linkExternal(String id) {
        if (externalId != null && !externalId.equals(id)) {
            throw new IllegalStateException("client " + this.id + " already has external id " + externalId);
        }
        this.externalId = id;
    }

    public String externalId() {
        return externalId;
    }

    /** L15: Client Details as the practice's billing system or a form gives them now. */
    public void detailsChanged(String firstName, String lastName, LocalDate dateOfBirth, String email, String phone) {
        this.firstName = requireText(firstName, "firstName");
        this.lastName = requireText(lastName, "lastName");
        this.dateOfBirth = dateOfBirth;
        this.email = blankToNull(email);
        this.phone = blankToNull(phone);
    }

    /** L15: Household Information replaced as a whole, in the order given (relationship, name, email). */
    public void householdReplaced(List<String[]> members) {
        household.clear();
        for (String[] m : members) {
            addHouseholdMember(m[0], m[1], m[2]);
        }
    }

    public void billTo(BillTo billTo) {
        this.billTo = Objects.requireNonNull(billTo, "billTo");
    }

    public void insurance(Insurance insurance) {
        this.insurance = Objects.requireNonNull(insurance, "insurance");
    }

    /** L11: one of the offered languages, or null for "not chosen". */
    public void preferLanguage(String tag) {
        if (tag != null && !Languages.isOffered(tag)) {
            throw new IllegalArgumentException("not an offered language: " + tag);
        }
        this.preferredLanguage = tag;
    }

    public Long id() {
        return id;
    }

    public Practice practice() {
        return practice;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    /** "Last, First", the way ledgers list clients. */
    public String sortName() {
        return lastName + ", " + firstName;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** The tag staff chose, or null; {@code Languages.resolve} turns it into what the client reads. */
    public String preferredLanguage() {
        return preferredLanguage;
    }

    public BillTo billTo() {
        return billTo == null ? BillTo.client() : billTo;
    }

    /** Hibernate loads an embeddable whose columns are all null as null; that means "no insurance on file". */
    public Insurance insurance() {
        return insurance == null ? Insurance.none() : insurance;
    }

    public List<HouseholdMember> household() {
        return Collections.unmodifiableList(household);
    }

    /**
     * T1: a new mobile number (E.164, already validated; null removes it). Consent belongs to a number: a changed
     * number has none until it is recorded again. True when the number changed.
     */
    public boolean mobileChanged(String e164, java.time.Instant at, Long staffId) {
        if (Objects.equals(e164, mobilePhone)) {
            return false;
        }
        this.mobilePhone = e164;
        if (textConsent != TextConsent.NONE) {
            this.textConsent = TextConsent.NONE;
            this.textConsentMethod = null;
            this.textConsentAt = at;
            this.textConsentBy = staffId;
        }
        return true;
    }

    /** T1: the client agreed to texts (in person, on a form, or by replying START); staffId null for a reply. */
    public void textConsentGiven(ConsentMethod method, java.time.Instant at, Long staffId) {
        if (mobilePhone == null) {
            throw new IllegalStateException("client " + id + " has no mobile number to consent for");
        }
        this.textConsent = TextConsent.GIVEN;
        this.textConsentMethod = Objects.requireNonNull(method, "method");
        this.textConsentAt = at;
        this.textConsentBy = staffId;
    }

    /** T1, T6: the client withdrew consent (told staff, or replied STOP); nothing more is texted. */
    public void textConsentWithdrawn(ConsentMethod method, java.time.Instant at, Long staffId) {
        this.textConsent = TextConsent.WITHDRAWN;
        this.textConsentMethod = Objects.requireNonNull(method, "method");
        this.textConsentAt = at;
        this.textConsentBy = staffId;
    }

    /** T1: staff recorded that the client has not given consent (or took back a consent recorded by mistake). */
    public void textConsentCleared(java.time.Instant at, Long staffId) {
        this.textConsent = TextConsent.NONE;
        this.textConsentMethod = null;
        this.textConsentAt = at;
        this.textConsentBy = staffId;
    }

    /** T1: Paylink texts a client only at a number they consented to. */
    public boolean canBeTexted() {
        return mobilePhone != null && textConsent == TextConsent.GIVEN;
    }

    public String gatewayCustomer() {
        return gatewayCustomer;
    }

    /** Issue 25: the client's customer at the gateway, named once (a second name for it is refused). */
    public void gatewayCustomer(String reference) {
        if (gatewayCustomer != null && !gatewayCustomer.equals(reference)) {
            throw new IllegalStateException("client " + id + " already has customer " + gatewayCustomer);
        }
        this.gatewayCustomer = java.util.Objects.requireNonNull(reference, "reference");
    }

    public String mobilePhone() {
        return mobilePhone;
    }

    public TextConsent textConsent() {
        return textConsent == null ? TextConsent.NONE : textConsent;
    }

    public ConsentMethod textConsentMethod() {
        return textConsentMethod;
    }

    public java.time.Instant textConsentAt() {
        return textConsentAt;
    }

    public Long textConsentBy() {
        return textConsentBy;
    }

    /** T4: the zone quiet hours are counted in: the client's own, else the practice's. */
    public java.time.ZoneId zone() {
        return timeZone == null ? practice.zone() : java.time.ZoneId.of(timeZone);
    }

    public String timeZone() {
        return timeZone;
    }

    public void timeZone(java.time.ZoneId zone) {
        this.timeZone = zone == null ? null : zone.getId();
    }

    /** C3 (issue 24): staff paused balance reminders here, with a reason; null when they run. */
    public java.util.Optional<RemindersPaused> remindersPaused() {
        return remindersPausedAt == null ? java.util.Optional.empty()
                : java.util.Optional.of(new RemindersPaused(remindersPausedAt, remindersPausedBy, remindersPausedReason));
    }

    /** C3: staff pause balance reminders (a reason is required). */
    public void pauseReminders(long staffId, String reason, java.time.Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to pause reminders");
        }
        this.remindersPausedAt = at;
        this.remindersPausedBy = staffId;
        this.remindersPausedReason = reason.strip();
    }

    /** C3: staff resume balance reminders. */
    public void resumeReminders() {
        this.remindersPausedAt = null;
        this.remindersPausedBy = null;
        this.remindersPausedReason = null;
    }

    /** C2: when the client stopped balance reminders, if they did. */
    public java.util.Optional<java.time.Instant> remindersStopped() {
        return java.util.Optional.ofNullable(remindersStoppedAt);
    }

    /** C2: the client stopped balance reminders (the first time counts). */
    public boolean stopReminders(java.time.Instant at) {
        if (remindersStoppedAt != null) {
            return false;
        }
        this.remindersStoppedAt = at;
        return true;
    }
}
