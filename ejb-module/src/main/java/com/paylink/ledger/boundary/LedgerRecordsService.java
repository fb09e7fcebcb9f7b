package com.paylink.ledger.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.BillTo;
import com.paylink.ledger.entity.BillToParty;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.shared.EmailAddresses;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import com.paylink.shared.NotFoundException;
import com.paylink.shared.PermissionDeniedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * L15 (issue 27): clients and invoices come in from the practice: its billing system keeps Paylink in step through the
 * API (create or update by the practice's own ids, so sending the same record twice changes nothing), and a practice
 * without one uses the forms. Billing staff and Admins only, checked here against the database. Bad input is refused
 * with the field's problem and changes nothing; an invoice with a payment or an adjustment keeps its billed content
 * (number, date, lines, provider), cannot be voided while paid, and a void invoice is not reopened: each answer says why.
 */
@Stateless
@RolesAllowed({Permission.BILLING_ROLE, Permission.ADMIN_ROLE})
public class LedgerRecordsService {

    private static final Logger LOG = Logger.getLogger(LedgerRecordsService.class.getName());
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/#-]{0,99}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]{7,30}(\\s*(ext\\.?|x)\\s*[0-9]{1,6})?",
            Pattern.CASE_INSENSITIVE);
    static final int NAME_MAX = 100;
    static final int NUMBER_MAX = 50;
    static final int LINES_MAX = 100;
    static final int DESCRIPTION_MAX = 200;
    static final int QUANTITY_MAX = 10_000;
    static final String DEFAULT_VOID_REASON = "Voided in the practice's billing system";

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    /** Creates the client with the practice's id {@code externalId}, or updates it to {@code input}. */
    public RecordSaved putClient(String externalId, ClientInput input) {
        Staff me = billingOrAdmin();
        String id = externalId(externalId);
        lockExternal("client", me, id);
        Valid valid = validClient(input);
        Optional<Client> existing = clientByExternalId(me, id);
        Client client = existing.orElseGet(() -> newClient(me, valid, input));
        if (existing.isPresent()) {
            apply(client, valid, input);
        } else {
            client.linkExternal(id);
        }
        em.flush();
        LOG.info(() -> "practice " + me.practice().id() + ": client " + client.id() + " (" + id + ") "
                + (existing.isPresent() ? "updated" : "created") + " by staff " + me.id());
        return saved(client, existing.isEmpty());
    }

    /** The form: a new client without an external id. */
    public RecordSaved createClient(ClientInput input) {
        Staff me = billingOrAdmin();
        Valid valid = validClient(input);
        Client client = newClient(me, valid, input);
        em.flush();
        LOG.info(() -> "practice " + me.practice().id() + ": client " + client.id() + " created on the form by staff " + me.id());
        return saved(client, true);
    }

    public RecordSaved client(String externalId) {
        Staff me = billingOrAdmin();
        String id = externalId(externalId);
        return saved(clientByExternalId(me, id).orElseThrow(() -> new NotFoundException("client", id)), false);
    }

    /** Creates the invoice with the practice's id {@code externalId}, or brings it in step with {@code input}. */
    public RecordSaved putInvoice(String externalId, InvoiceInput input) {
        Staff me = billingOrAdmin();
        String id = externalId(externalId);
        lockExternal("invoice", me, id);
        Client client = input.clientExternalId() != null && !input.clientExternalId().isBlank()
                ? clientByExternalId(me, input.clientExternalId().strip())
                .orElseThrow(() -> RecordRefused.invalid("invoice-client-unknown", input.clientExternalId().strip()))
                : Optional.ofNullable(input.clientId()).map(c -> scope.find(me, Client.class, c))
                .orElseThrow(() -> RecordRefused.invalid("invoice-client-required"));
        Optional<Invoice> existing = em.createQuery("select i from Invoice i where i.practice.id = :p and i.externalId = :e",
                        Invoice.class)
                .setParameter("p", me.practice().id()).setParameter("e", id)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        Invoice invoice = existing.isPresent() ? update(me, existing.get(), client, input) : create(me, client, input);
        invoice.linkExternal(id);
        em.flush();
        LOG.info(() -> "practice " + me.practice().id() + ": invoice " + invoice.id() + " (" + id + ") "
                + (existing.isPresent() ? "put" : "created") + " by staff " + me.id());
        return saved(invoice, existing.isEmpty());
    }

    /** The form: a new invoice for one of the practice's clients ({@code input.clientId()}), without an external id. */
    public RecordSaved createInvoice(InvoiceInput input) {
        Staff me = billingOrAdmin();
        if (input.clientId() == null) {
            throw RecordRefused.invalid("invoice-client-required");
        }
        Client client = scope.find(me, Client.class, input.clientId());
        Invoice invoice = create(me, client, input);
        em.flush();
        return saved(invoice, true);
    }

    public RecordSaved invoice(String externalId) {
        Staff me = billingOrAdmin();
        String id = externalId(externalId);
        return saved(em.createQuery("select i from Invoice i where i.practice.id = :p and i.externalId = :e", Invoice.class)
                .setParameter("p", me.practice().id()).setParameter("e", id)
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("invoice", id)), false);
    }

    /** The practice's active providers, for the form's provider list. */
    public List<ProviderOption> providers() {
        Staff me = billingOrAdmin();
        return em.createQuery("select s from Staff s where s.practice.id = :p and s.provider = true and s.active = true "
                        + "order by s.fullName", Staff.class)
                .setParameter("p", me.practice().id())
                .getResultStream().map(s -> new ProviderOption(s.username(), s.fullName())).toList();
    }

    // --- clients

    /** A client's fields, checked. */
    private record Valid(String first, String last, String email, String phone, String language, List<String[]> household,
                         BillTo billTo) {
    }

    private Valid validClient(ClientInput in) {
        String first = text(in.firstName());
        String last = text(in.lastName());
        if (first == null || last == null) {
            throw RecordRefused.invalid("client-name-required");
        }
        if (first.length() > NAME_MAX || last.length() > NAME_MAX) {
            throw RecordRefused.invalid("client-name-long", NAME_MAX);
        }
        LocalDate today = LocalDate.now(clock);
        if (in.dateOfBirth() != null && (in.dateOfBirth().isAfter(today) || in.dateOfBirth().getYear() < 1900)) {
            throw RecordRefused.invalid("client-birth-date-invalid", in.dateOfBirth().toString());
        }
        String email = email(in.email(), "Client Details");
        String phone = phone(in.phone());
        String language = text(in.language());
        if (language != null && !Languages.isOffered(language)) {
            throw RecordRefused.invalid("client-language-not-offered", language);
        }
        List<String[]> household = null;
        if (in.household() != null) {
            household = new ArrayList<>();
            for (int i = 0; i < in.household().size(); i++) {
                ClientInput.Household h = in.household().get(i);
                if (h == null || text(h.relationship()) == null || text(h.name()) == null) {
                    throw RecordRefused.invalid("client-household-invalid", i + 1);
                }
                household.add(new String[]{text(h.relationship()), text(h.name()), email(h.email(), "Household Information")});
            }
        }
        BillTo billTo = BillTo.client();
        if (in.billTo() != null) {
            String party = text(in.billTo().party());
            if (party == null || party.equalsIgnoreCase("client")) {
                billTo = new BillTo(BillToParty.CLIENT, null, email(in.billTo().email(), "Bill To"), phone(in.billTo().phone()));
            } else if (party.equalsIgnoreCase("other")) {
                if (text(in.billTo().name()) == null) {
                    throw RecordRefused.invalid("client-bill-to-name-required");
                }
                billTo = new BillTo(BillToParty.OTHER_PERSON, text(in.billTo().name()), email(in.billTo().email(), "Bill To"),
                        phone(in.billTo().phone()));
            } else {
                throw RecordRefused.invalid("client-bill-to-party-invalid", party);
            }
        }
        return new Valid(first, last, email, phone, language, household, billTo);
    }

    private Client newClient(Staff me, Valid v, ClientInput input) {
        Client client = new Client(me.practice(), v.first(), v.last(), input.dateOfBirth(), v.email(), v.phone());
        em.persist(client);
        apply(client, v, input);
        return client;
    }

    private static void apply(Client client, Valid v, ClientInput input) {
        client.detailsChanged(v.first(), v.last(), input.dateOfBirth(), v.email(), v.phone());
        client.preferLanguage(v.language());
        if (v.household() != null) {
            client.householdReplaced(v.household());
        }
        client.billTo(v.billTo());
    }

    private Optional<Client> clientByExternalId(Staff me, String id) {
        return em.createQuery("select c from Client c where c.practice.id = :p and c.externalId = :e", Client.class)
                .setParameter("p", me.practice().id()).setParameter("e", id)
                .getResultStream().findFirst();
    }

    // --- invoices

    /** One line, checked. */
    private record LineValue(String description, int quantity, Money unitPrice) {
    }

    /** An invoice's billed content, checked: what must stay as it is once something is posted. */
    private record Content(String number, LocalDate issuedOn, String currency, List<LineValue> lines,
                           Staff provider, LocalDate serviceDate, String service, boolean voided, String voidReason) {
    }

    private Content content(Staff me, InvoiceInput in) {
        String number = text(in.number());
        if (number == null) {
            throw RecordRefused.invalid("invoice-number-required");
        }
        if (number.length() > NUMBER_MAX) {
            throw RecordRefused.invalid("invoice-number-long", NUMBER_MAX);
        }
        if (in.issuedOn() == null) {
            throw RecordRefused.invalid("invoice-date-required");
        }
        LocalDate today = LocalDate.now(clock.withZone(me.practice().zone()));
        if (in.issuedOn().isAfter(today.plusDays(1)) || in.issuedOn().getYear() < 2000) {
            throw RecordRefused.invalid("invoice-date-invalid", in.issuedOn().toString());
        }
        String currency = text(in.currency()) == null ? "USD" : text(in.currency()).toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw RecordRefused.invalid("invoice-currency-invalid", currency);
        }
        if (in.lines() == null || in.lines().isEmpty()) {
            throw RecordRefused.invalid("invoice-lines-required");
        }
        if (in.lines().size() > LINES_MAX) {
            throw RecordRefused.invalid("invoice-lines-many", LINES_MAX);
        }
        List<LineValue> lines = new ArrayList<>();
        Money total = Money.zero(currency);
        for (int i = 0; i < in.lines().size(); i++) {
            InvoiceInput.Line line = in.lines().get(i);
            int n = i + 1;
            String description = line == null ? null : text(line.description());
            if (description == null || description.length() > DESCRIPTION_MAX) {
                throw RecordRefused.invalid("invoice-line-description", n, DESCRIPTION_MAX);
            }
            int quantity = line.quantity() == null ? 1 : line.quantity();
            if (quantity < 1 || quantity > QUANTITY_MAX) {
                throw RecordRefused.invalid("invoice-line-quantity", n, QUANTITY_MAX);
            }
            Money unit = amount(line.unitAmount(), currency, n);
            lines.add(new LineValue(description, quantity, unit));
            total = total.plus(unit.times(quantity));
        }
        if (!total.isPositive()) {
            throw RecordRefused.invalid("invoice-total-zero");
        }
        Staff provider = null;
        String wanted = text(in.provider());
        if (wanted != null) {
            String key = wanted.toLowerCase(Locale.ROOT);
            provider = em.createQuery("select s from Staff s where s.practice.id = :p and s.provider = true "
                            + "and (s.username = :k or lower(s.email) = :k)", Staff.class)
                    .setParameter("p", me.practice().id()).setParameter("k", key)
                    .getResultStream().findFirst()
                    .orElseThrow(() -> RecordRefused.invalid("invoice-provider-unknown", wanted));
        }
        String status = text(in.status()) == null ? "open" : text(in.status()).toLowerCase(Locale.ROOT);
        if (!status.equals("open") && !status.equals("void")) {
            throw RecordRefused.invalid("invoice-status-invalid", text(in.status()));
        }
        String service = text(in.service()) == null ? lines.get(0).description() : text(in.service());
        return new Content(number, in.issuedOn(), currency, lines, provider,
                in.serviceDate() == null ? in.issuedOn() : in.serviceDate(),
                service.length() > DESCRIPTION_MAX ? service.substring(0, DESCRIPTION_MAX) : service,
                status.equals("void"), text(in.voidReason()) == null ? DEFAULT_VOID_REASON : text(in.voidReason()));
    }

    private Invoice create(Staff me, Client client, InvoiceInput input) {
        Content c = content(me, input);
        numberFree(me, c.number(), null);
        Invoice invoice = new Invoice(client, appointment(client, c, null), c.number(), c.issuedOn(), c.currency());
        c.lines().forEach(l -> invoice.addLine(l.description(), l.quantity(), l.unitPrice()));
        em.persist(invoice);
        if (c.voided()) {
            invoice.voidInvoice(c.voidReason(), clock.instant());
        }
        return invoice;
    }

    private Invoice update(Staff me, Invoice invoice, Client client, InvoiceInput input) {
        Content c = content(me, input);
        if (!Objects.equals(invoice.client().id(), client.id())) {
            throw RecordRefused.conflict("invoice-client-changed", invoice.number());
        }
        if (!invoice.currency().equals(c.currency())) {
            throw RecordRefused.conflict("invoice-currency-changed", invoice.number(), invoice.currency());
        }
        boolean same = sameContent(invoice, c);
        if (invoice.voidedAt() != null) {
            if (c.voided() && same) {
                return invoice; // the same void invoice again
            }
            throw RecordRefused.conflict("invoice-void", invoice.number());
        }
        if (!same) {
            if (invoice.hasPostings()) {
                throw RecordRefused.conflict("invoice-has-postings", invoice.number(), invoice.amountPaid().toDecimal().toPlainString(),
                        invoice.adjustmentsTotal().toDecimal().toPlainString());
            }
            numberFree(me, c.number(), invoice.id());
            invoice.restated(c.number(), c.issuedOn(), appointment(client, c, invoice.appointment()));
            invoice.linesCleared();
            em.flush();
            c.lines().forEach(l -> invoice.addLine(l.description(), l.quantity(), l.unitPrice()));
        }
        if (c.voided()) {
            if (!invoice.payments().isEmpty()) {
                throw RecordRefused.conflict("invoice-void-paid", invoice.number(), invoice.amountPaid().toDecimal().toPlainString());
            }
            invoice.voidInvoice(c.voidReason(), clock.instant());
        }
        return invoice;
    }

    private static boolean sameContent(Invoice invoice, Content c) {
        List<LineValue> now = invoice.lines().stream()
                .map(l -> new LineValue(l.description(), l.quantity(), l.unitPrice())).toList();
        Appointment a = invoice.appointment();
        // no provider given: the appointment stays as it is
        boolean sameAppointment = c.provider() == null || a != null && a.renderingProvider().id().equals(c.provider().id()) && a.serviceType().equals(c.service());
        return invoice.number().equals(c.number()) && invoice.issuedOn().equals(c.issuedOn()) && now.equals(c.lines())
                && sameAppointment;
    }

    /** The invoice's appointment: the one it has when it says the same, else a new one with the provider given. */
    private Appointment appointment(Client client, Content c, Appointment current) {
        if (c.provider() == null) {
            return current;
        }
        if (current != null && current.renderingProvider().id().equals(c.provider().id())
                && current.serviceType().equals(c.service())) {
            return current;
        }
        Appointment appointment = new Appointment(client,
                c.serviceDate().atTime(LocalTime.NOON).atZone(client.practice().zone()).toInstant(), c.service(), c.provider());
        em.persist(appointment);
        return appointment;
    }

    private void numberFree(Staff me, String number, Long except) {
        boolean taken = !em.createQuery("select i.id from Invoice i where i.practice.id = :p and i.number = :n "
                        + "and (:except is null or i.id <> :except)", Long.class)
                .setParameter("p", me.practice().id()).setParameter("n", number).setParameter("except", except)
                .setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw RecordRefused.conflict("invoice-number-taken", number);
        }
    }

    // --- shared

    private Staff billingOrAdmin() {
        Staff me = caller.current();
        if (!me.has(Permission.BILLING) && !me.has(Permission.ADMIN)) {
            throw new PermissionDeniedException(Permission.BILLING_ROLE);
        }
        return me;
    }

    /** Two requests for one external id run one after the other (the second then updates what the first created). */
    private void lockExternal(String kind, Staff me, String id) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(?1))) locked")
                .setParameter(1, kind + "-external:" + me.practice().id() + ":" + id).getSingleResult();
    }

    private static String externalId(String value) {
        String id = value == null ? "" : value.strip();
        if (!EXTERNAL_ID.matcher(id).matches()) {
            throw RecordRefused.invalid("external-id-invalid", id.length() > 120 ? id.substring(0, 120) + "…" : id);
        }
        return id;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String email(String value, String place) {
        String email = text(value);
        if (email != null && !EmailAddresses.isValid(email)) {
            throw RecordRefused.invalid("client-email-invalid", email, place);
        }
        return email;
    }

    private static String phone(String value) {
        String phone = text(value);
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 7)) {
            throw RecordRefused.invalid("client-phone-invalid", phone);
        }
        return phone;
    }

    private static Money amount(String value, String currency, int line) {
        String text = text(value);
        try {
            if (text == null || text.length() > 20) {
                throw new NumberFormatException();
            }
            Money amount = Money.of(new BigDecimal(text).toPlainString(), currency);
            if (amount.isNegative()) {
                throw new NumberFormatException();
            }
            return amount;
        } catch (RuntimeException e) {
            throw RecordRefused.invalid("invoice-line-amount", line, text == null ? "" : text);
        }
    }

    private static RecordSaved saved(Client client, boolean created) {
        return new RecordSaved(client.id(), client.externalId(), created, null, null, null, null, null, null);
    }

    private static RecordSaved saved(Invoice invoice, boolean created) {
        return new RecordSaved(invoice.id(), invoice.externalId(), created, invoice.number(), invoice.status().name(),
                invoice.total().toDecimal().toPlainString(), invoice.amountPaid().toDecimal().toPlainString(), invoice.balance().toDecimal().toPlainString(),
                invoice.currency());
    }
}
