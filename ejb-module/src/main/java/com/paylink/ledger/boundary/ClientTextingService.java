package com.paylink.ledger.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.ClientHistoryEntry;
import com.paylink.ledger.entity.ConsentMethod;
import com.paylink.practice.entity.Practice;
import com.paylink.shared.PermissionDeniedException;
import com.paylink.texting.boundary.NotTwilio;
import com.paylink.texting.boundary.TextWebhooks;
import com.paylink.texting.control.PaymentLinkText;
import com.paylink.texting.control.PhoneNumbers;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Issue 23 (T1, T6): a client's mobile number and text consent. Billing staff and Admins change them (checked here
 * against the database, whatever the session says); the client changes their consent by replying STOP or START to the
 * practice's number. Every change is in the client's history.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class ClientTextingService {

    /** T6: the words that withdraw consent at once, as carriers and Twilio define them. */
    public static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    /** T6: the words that give it back. */
    public static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");
    public static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");
    /** Where a number without a country code is read (the practices are in the US). */
    public static final String REGION = "US";
    private static final Logger LOG = Logger.getLogger(ClientTextingService.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    @EJB
    TextWebhooks webhooks;

    /** What staff choose for consent on Client Details. */
    public enum ConsentChoice {
        /** The client agreed in person (or on the phone). */
        GIVEN_IN_PERSON,
        /** The client agreed on the practice's form. */
        GIVEN_ON_FORM,
        /** No consent on record (also: a consent recorded by mistake is taken back). */
        NOT_GIVEN,
        /** The client asked not to be texted. */
        WITHDRAWN
    }

    @RolesAllowed(Permission.STAFF_ROLE)
    public ClientTextProfile profile(long clientId) {
        return profile(scope.find(caller.current(), Client.class, clientId));
    }

    /**
     * T1: the client's mobile number and consent as staff set them. A number that cannot be texted is refused with what is
     * wrong with it, and nothing changes; a new number has no consent until it is recorded for it.
     */
    public ClientTextProfile change(long clientId, String mobileInput, ConsentChoice consent) {
        Staff staff = requireBillingOrAdmin();
        Client client = scope.find(staff, Client.class, clientId);
        Instant now = clock.instant();
        String wanted = null;
        if (mobileInput != null && !mobileInput.isBlank()) {
            PhoneNumbers.Problem problem = PhoneNumbers.problem(mobileInput, REGION);
            if (problem != PhoneNumbers.Problem.NONE) {
                throw RecordRefused.invalid(problem.code(), mobileInput.strip());
            }
            wanted = PhoneNumbers.e164(mobileInput, REGION).orElseThrow();
        }
        if (wanted == null && (consent == ConsentChoice.GIVEN_IN_PERSON || consent == ConsentChoice.GIVEN_ON_FORM)) {
            throw RecordRefused.invalid("mobile-required-for-consent");
        }
        if (client.mobileChanged(wanted, now, staff.id())) {
            history(client, now, staff.id(), ClientHistoryEntry.Kind.MOBILE_CHANGED,
                    wanted == null ? "removed" : PhoneNumbers.masked(wanted));
        }
        if (consent != null) {
            recordConsent(client, consent, now, staff.id());
        }
        LOG.info(() -> "client " + clientId + ": mobile number and text consent changed by staff " + staff.id());
        return profile(client);
    }

    private void recordConsent(Client client, ConsentChoice choice, Instant now, Long staffId) {
        switch (choice) {
            case GIVEN_IN_PERSON, GIVEN_ON_FORM -> {
                ConsentMethod method = choice == ConsentChoice.GIVEN_IN_PERSON ? ConsentMethod.IN_PERSON : ConsentMethod.ON_FORM;
                if (client.textConsent() == com.paylink.ledger.entity.TextConsent.GIVEN && client.textConsentMethod() == method) {
                    return;
                }
                client.textConsentGiven(method, now, staffId);
                history(client, now, staffId, ClientHistoryEntry.Kind.TEXT_CONSENT_GIVEN, method.name());
            }
            case NOT_GIVEN -> {
                if (client.textConsent() == com.paylink.ledger.entity.TextConsent.NONE) {
                    return;
                }
                client.textConsentCleared(now, staffId);
                history(client, now, staffId, ClientHistoryEntry.Kind.TEXT_CONSENT_CLEARED, null);
            }
            case WITHDRAWN -> {
                if (client.textConsent() == com.paylink.ledger.entity.TextConsent.WITHDRAWN) {
                    return;
                }
                client.textConsentWithdrawn(ConsentMethod.TOLD_STAFF, now, staffId);
                history(client, now, staffId, ClientHistoryEntry.Kind.TEXT_CONSENT_WITHDRAWN, ConsentMethod.TOLD_STAFF.name());
            }
        }
    }

    /**
     * T6: a text from a client's phone to a practice's number, as Twilio forwards it. Taken only when Twilio signed it
     * and only once. STOP (and its synonyms) withdraws the consent of every client of the practice at that number at
     * once; START gives it back; HELP is answered with the practice's name and phone. Returns the TwiML answer.
     *
     * @throws NotTwilio when the request is not Twilio's, or is a replay
     */
    @PermitAll // Twilio has no identity here: its signature, checked first, is the credential
    public String replied(String url, Map<String, String> params, String signature) {
        if (!webhooks.genuine(url, params, signature)) {
            throw new NotTwilio();
        }
        String serviceSid = params.get("MessagingServiceSid");
        String from = params.get("From");
        String word = params.getOrDefault("Body", "").strip().toUpperCase(Locale.ROOT);
        Optional<Practice> practice = em.createQuery("select p from Practice p where p.textingServiceSid = :s", Practice.class)
                .setParameter("s", serviceSid == null ? "" : serviceSid).getResultStream().findFirst();
        if (practice.isEmpty() || from == null) {
            LOG.info(() -> "a reply for a sender no practice uses: " + serviceSid);
            return twiml(null);
        }
        List<Client> clients = em.createQuery("select c from Client c where c.practice = :p and c.mobilePhone = :m", Client.class)
                .setParameter("p", practice.get()).setParameter("m", from).getResultList();
        Instant now = clock.instant();
        if (STOP_WORDS.contains(word)) {
            for (Client client : clients) {
                client.textConsentWithdrawn(ConsentMethod.REPLIED_STOP, now, null);
                history(client, now, null, ClientHistoryEntry.Kind.TEXT_OPTED_OUT, word);
            }
            LOG.info(() -> "STOP from " + PhoneNumbers.masked(from) + ": " + clients.size() + " client(s) opted out of texts");
            return twiml(null); // Twilio confirms the opt-out itself (Advanced Opt-Out)
        }
        if (START_WORDS.contains(word)) {
            for (Client client : clients) {
                client.textConsentGiven(ConsentMethod.REPLIED_START, now, null);
                history(client, now, null, ClientHistoryEntry.Kind.TEXT_OPTED_IN, word);
            }
            return twiml(null);
        }
        if (HELP_WORDS.contains(word)) {
            Locale language = clients.isEmpty() ? Locale.ENGLISH
                    : com.paylink.shared.Languages.resolve(clients.get(0).preferredLanguage());
            return twiml(PaymentLinkText.helpReply(practice.get().name(), practice.get().contact().phone(), language));
        }
        return twiml(null);
    }

    /** T6: Twilio said a text could not reach a client who opted out: the consent is withdrawn, as for STOP. */
    @PermitAll
    public void optedOutAtProvider(long clientId, String number) {
        Client client = em.find(Client.class, clientId);
        if (client != null && number.equals(client.mobilePhone())
                && client.textConsent() != com.paylink.ledger.entity.TextConsent.WITHDRAWN) {
            Instant now = clock.instant();
            client.textConsentWithdrawn(ConsentMethod.REPLIED_STOP, now, null);
            history(client, now, null, ClientHistoryEntry.Kind.TEXT_OPTED_OUT, "Twilio: unsubscribed recipient");
        }
    }

    private static String twiml(String message) {
        if (message == null) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
        }
        String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + escaped + "</Message></Response>";
    }

    private Staff requireBillingOrAdmin() {
        Staff staff = caller.current();
        if (!staff.has(Permission.BILLING) && !staff.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        return staff;
    }

    private void history(Client client, Instant at, Long staffId, ClientHistoryEntry.Kind kind, String detail) {
        em.persist(new ClientHistoryEntry(client, at, staffId, kind, detail));
    }

    private ClientTextProfile profile(Client client) {
        List<ClientHistoryEntry> entries = em.createQuery(
                        "select h from ClientHistoryEntry h where h.clientId = :c order by h.occurredAt desc, h.id desc",
                        ClientHistoryEntry.class)
                .setParameter("c", client.id()).setMaxResults(50).getResultList();
        Map<Long, String> names = new HashMap<>();
        entries.stream().map(ClientHistoryEntry::staffId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> names.put(id, em.find(Staff.class, id).fullName()));
        if (client.textConsentBy() != null) {
            names.computeIfAbsent(client.textConsentBy(), id -> em.find(Staff.class, id).fullName());
        }
        return new ClientTextProfile(client.id(), client.mobilePhone(),
                client.mobilePhone() == null ? null : PhoneNumbers.display(client.mobilePhone()),
                client.textConsent().name(), client.textConsentMethod() == null ? null : client.textConsentMethod().name(),
                client.textConsentAt(), client.textConsentBy() == null ? null : names.get(client.textConsentBy()),
                entries.stream().map(h -> new ClientTextProfile.HistoryRow(h.occurredAt(), h.kind().name(),
                        h.staffId() == null ? null : names.get(h.staffId()), h.detail())).toList());
    }
}
