package com.paylink.paymentlink.boundary;

import com.paylink.mail.boundary.Mailer;
import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.control.PracticeScope;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.Invoice;
import com.paylink.paymentlink.control.LinkIssuer;
import com.paylink.paymentlink.control.PaymentLinkEmail;
import com.paylink.shared.EmailAddresses;
import com.paylink.paymentlink.boundary.PaymentLinkRefused.Reason;
import com.paylink.paymentlink.entity.LinkInvoice;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkStatus;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.platform.PaymentsConfig;
import com.paylink.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Send, resend and revoke one-time payment links; read their state. Rules PL1–PL7 in package-info. */
@Stateless
@RolesAllowed(Permission.BILLING_ROLE)
public class PaymentLinkService {

    private static final Logger LOG = Logger.getLogger(PaymentLinkService.class.getName());

    /** PL12: a link covers at most this many invoices (a page of the Unpaid Invoices tab). */
    public static final int MAX_INVOICES_PER_LINK = 100;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PracticeScope scope;

    @Inject
    Clock clock;

    @Inject
    LinkIssuer issuer;

    @Inject
    PaymentsConfig payments;

    @Inject
    Mailer mailer;

    @Inject
    com.paylink.texting.control.TextGateway texting;

    @Inject
    com.paylink.texting.control.Texts texts;

    @Inject
    com.paylink.platform.PaylinkConfig config;

    /** What the send dialog needs; refuses exactly as {@link #send} would, except for the recipient. */
    public SendOptions sendOptions(long invoiceId) {
        return sendOptions(List.of(invoiceId));
    }

    /**
     * What the send dialog needs for a link for one or several invoices of one client (PL12); refuses exactly
     * as {@link #send} would, except for the recipient.
     */
    public SendOptions sendOptions(Collection<Long> invoiceIds) {
        Staff staff = caller.requiring(Permission.BILLING);
        requireEnrolled(staff);
        List<Invoice> invoices = invoicesOf(staff, invoiceIds, false);
        invoices.forEach(PaymentLinkService::requirePayable);
        Instant now = clock.instant();
        requireNotInAnotherLink(invoices, now);
        Client client = invoices.get(0).client();
        List<RecipientOption> options = Recipients.of(client);
        List<Invoice> ordered = invoices.stream().sorted(Invoice.OLDEST_FIRST).toList();
        Money balance = ordered.stream().map(Invoice::balance).reduce(Money.zero(ordered.get(0).currency()), Money::plus);
        TextOption text = textOption(client, balance, staff.practice().settings().linkLifetime(), now);
        if (options.isEmpty() && !text.available()) {
            throw new PaymentLinkRefused(Reason.NO_RECIPIENT_EMAIL);
        }
        Invoice first = ordered.get(0);
        LinkState current = ordered.size() == 1
                ? latest(first).map(l -> state(l, first.id())).orElse(null)
                : issuer.activeLink(first).filter(l -> l.isUsableAt(now) && l.coversExactly(ordered))
                        .map(l -> state(l, first.id())).orElse(null);
        Money total = ordered.stream().map(Invoice::balance).reduce(Money.zero(first.currency()), Money::plus);
        return new SendOptions(first.id(), first.number(), total, options,
                Recipients.defaultOf(options).map(RecipientOption::key).orElse(null), current, staff.practice().settings().linkLifetime(),
                ordered.stream().map(i -> new SendOptions.Item(i.id(), i.number(), i.issuedOn(), i.balance())).toList(), text);
    }

    /**
     * T1–T5: whether the client can be texted now, and if so what they would read and when. The preview is the exact
     * text but for the token, shown as X's of its length (the token is minted only as the text goes, PL6).
     */
    private TextOption textOption(Client client, Money balance, java.time.Duration lifetime, Instant now) {
        String number = client.mobilePhone();
        String masked = number == null ? null : com.paylink.texting.control.PhoneNumbers.masked(number);
        Optional<Reason> refusal = textRefusal(client);
        if (refusal.isPresent()) {
            return TextOption.refused(refusal.get(), masked);
        }
        java.time.ZoneId zone = client.zone();
        Instant goes = com.paylink.texting.control.QuietHours.nextOpening(now, zone);
        String body = com.paylink.texting.control.PaymentLinkText.compose(new com.paylink.texting.control.PaymentLinkText.Facts(
                client.practice().textingName(), balance, goes.plus(lifetime), zone,
                config.publicUrl() + "/pay/" + "X".repeat(com.paylink.paymentlink.control.LinkTokens.TOKEN_LENGTH),
                com.paylink.shared.Languages.resolve(client.preferredLanguage())));
        var count = com.paylink.texting.control.SmsSegments.count(body);
        return new TextOption(true, masked, null, null, goes, goes.isAfter(now), zone.getId(), body, count.segments(),
                count.encoding().name());
    }

    /** T1, T5, T6: why this client cannot be texted now, if they cannot. */
    private Optional<Reason> textRefusal(Client client) {
        if (!texting.configured()) {
            return Optional.of(Reason.TEXTING_NOT_CONFIGURED);
        }
        if (!client.practice().hasTextingSender()) {
            return Optional.of(Reason.TEXTING_NOT_SET_UP);
        }
        if (client.mobilePhone() == null) {
            return Optional.of(Reason.NO_MOBILE_NUMBER);
        }
        return switch (client.textConsent()) {
            case GIVEN -> Optional.empty();
            case WITHDRAWN -> Optional.of(Reason.TEXT_OPTED_OUT);
            case NONE -> Optional.of(Reason.NO_TEXT_CONSENT);
        };
    }

    /**
     * Sends a new link for the invoice to the chosen address ({@code recipientKey} from
     * {@link SendOptions}; blank for the default), revoking the active one if any (PL5). The email goes
     * out after commit (PL7).
     */
    public LinkSent send(long invoiceId, String recipientKey) {
        return send(List.of(invoiceId), recipientKey);
    }

    /**
     * PL12: one link, one email, for one or several payable invoices of one client (paid together, in full).
     * The invoices are locked in id order; an invoice in another usable link is refused with its number (a
     * link for exactly the same invoices is replaced, PL5).
     */
    public LinkSent send(Collection<Long> invoiceIds, String recipientKey) {
        return send(invoiceIds, recipientKey, java.util.EnumSet.of(Channel.EMAIL));
    }

    /**
     * T2: one link by email, by text, or both. Every channel asked for must be possible, or nothing is sent: the
     * email needs an address on file, the text a mobile number with the client's consent (T1) and a practice sender.
     */
    public LinkSent send(Collection<Long> invoiceIds, String recipientKey, java.util.Set<Channel> channels) {
        if (channels == null || channels.isEmpty()) {
            throw new PaymentLinkRefused(Reason.NO_CHANNEL);
        }
        Staff staff = caller.requiring(Permission.BILLING);
        requireEnrolled(staff);
        List<Invoice> invoices = invoicesOf(staff, invoiceIds, true);
        invoices.forEach(PaymentLinkService::requirePayable);
        Instant now = clock.instant();
        requireNotInAnotherLink(invoices, now);
        Client client = invoices.get(0).client();
        RecipientOption recipient = channels.contains(Channel.EMAIL) ? Recipients.choose(client, recipientKey) : null;
        LinkIssuer.LinkText text = null;
        if (channels.contains(Channel.TEXT)) {
            // T1: consent is checked here, as the text is asked for, and again by the sender as it goes
            String masked = client.mobilePhone() == null ? null : com.paylink.texting.control.PhoneNumbers.masked(client.mobilePhone());
            textRefusal(client).ifPresent(reason -> {
                throw new PaymentLinkRefused(reason, masked);
            });
            text = new LinkIssuer.LinkText(client.mobilePhone(), client.preferredLanguage(), client.zone());
        }

        LinkIssuer.Issued issued = issuer.issue(invoices, recipient == null ? null : recipient.recipient(), text, staff, staff,
                now, PaymentLinkAction.RESENT_ON_REQUEST);
        PaymentLink link = issued.link();
        return new LinkSent(link.id(), link.invoice().id(), EmailAddresses.mask(link.recipientEmail()), link.recipientSource(),
                link.sentAt(), link.expiresAt(), issued.replacedEarlierLink(),
                link.invoices().stream().map(Invoice::id).toList(), link.invoiceNumbers(), link.amountDue(),
                recipient != null, text == null ? null : com.paylink.texting.control.PhoneNumbers.masked(text.to()),
                issued.textGoesAt());
    }

    /**
     * Revokes the invoice's active link without sending another; a link for several invoices is revoked
     * whole, which frees each of them (PL12).
     */
    public LinkState revoke(long invoiceId) {
        Staff staff = caller.requiring(Permission.BILLING);
        Invoice invoice = invoiceOf(staff, invoiceId, false);
        Instant now = clock.instant();
        Optional<PaymentLink> found = issuer.activeLink(invoice);
        // every invoice of the link is locked, in id order like every other path, before the link changes
        found.ifPresent(l -> l.invoiceIdsInLockOrder().forEach(id -> invoiceOf(staff, id, true)));
        found.ifPresent(em::refresh);
        PaymentLink active = found.filter(l -> l.isUsableAt(now))
                .orElseThrow(() -> new PaymentLinkRefused(Reason.NO_ACTIVE_LINK, invoice.number()));
        active.revoke(now);
        em.persist(new PaymentLinkAudit(active, PaymentLinkAction.REVOKED, staff.id(), now,
                EmailAddresses.mask(active.recipientEmail())));
        LOG.info(() -> "payment link " + active.id() + " revoked by staff " + staff.id());
        return state(active, invoice.id());
    }

    /** The newest link of the invoice, if it ever had one. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public Optional<LinkState> current(long invoiceId) {
        Staff staff = caller.current();
        return latest(invoiceOf(staff, invoiceId, false)).map(l -> state(l, invoiceId));
    }

    /**
     * For the ledger: the newest link of each of the given invoices of the client (the page of invoices it
     * shows), by invoice id; invoices of other clients are ignored.
     */
    @RolesAllowed(Permission.STAFF_ROLE)
    public Map<Long, LinkState> linkStates(long clientId, Collection<Long> invoiceIds) {
        Client client = scope.find(caller.current(), Client.class, clientId);
        Map<Long, LinkState> states = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return states;
        }
        em.createQuery("""
                        select li from LinkInvoice li where li.invoice.client = :c
                        and li.invoice.id in :ids order by li.link.sentAt, li.link.id""", LinkInvoice.class)
                .setParameter("c", client)
                .setParameter("ids", invoiceIds)
                .getResultStream()
                .forEach(li -> states.put(li.invoice().id(), state(li.link(), li.invoice().id()))); // later links overwrite earlier ones
        return states;
    }

    /** The history of the invoice's links (sent, resent, revoked, paid), oldest first. */
    @RolesAllowed(Permission.STAFF_ROLE)
    public List<AuditRow> auditTrail(long invoiceId) {
        Invoice invoice = invoiceOf(caller.current(), invoiceId, false);
        List<PaymentLinkAudit> lines = em.createQuery(
                        "select a from PaymentLinkAudit a where a.invoiceId = :i or a.paymentLinkId in "
                                + "(select li.link.id from LinkInvoice li where li.invoice.id = :i) order by a.occurredAt, a.id",
                        PaymentLinkAudit.class)
                .setParameter("i", invoice.id())
                .getResultList();
        Map<Long, String> names = new HashMap<>();
        lines.stream().map(PaymentLinkAudit::staffId).filter(java.util.Objects::nonNull).distinct()
                .forEach(id -> names.put(id, em.find(Staff.class, id).fullName()));
        return lines.stream()
                .map(a -> {
                    int[] reminder = a.action() == PaymentLinkAction.BALANCE_REMINDER
                            ? em.find(PaymentLink.class, a.paymentLinkId()).balanceReminder().orElse(null) : null;
                    return new AuditRow(a.occurredAt(), a.action(), a.staffId() == null ? null : names.get(a.staffId()),
                            a.recipientSource(), a.maskedRecipient(), reminder == null ? null : reminder[0],
                            reminder == null ? null : reminder[1]);
                })
                .toList();
    }

    /**
     * PL2: only a practice enrolled in card processing sends links, and only while this server can take
     * cards (its payment mode is configured): a link nobody can pay is never sent.
     */
    private void requireEnrolled(Staff staff) {
        if (!payments.ready()) {
            throw new PaymentLinkRefused(Reason.CARD_PROCESSING_NOT_CONFIGURED);
        }
        if (!staff.practice().isCardProcessingEnrolled()) {
            throw new PaymentLinkRefused(Reason.PRACTICE_NOT_ENROLLED, staff.practice().name());
        }
    }

    /** PL3: the invoice's own answer (L7), as the reason staff read. */
    private static void requirePayable(Invoice invoice) {
        invoice.notPayable().ifPresent(problem -> {
            throw new PaymentLinkRefused(switch (problem) {
                case VOID -> Reason.INVOICE_VOID;
                case PAID -> Reason.INVOICE_PAID;
                case NO_BALANCE -> Reason.INVOICE_NO_BALANCE;
            }, invoice.number());
        });
    }

    /** PL5, PL12: an invoice in another link that still works is refused, naming the invoice. */
    private void requireNotInAnotherLink(List<Invoice> invoices, Instant now) {
        // PAY18: a bank debit on its way holds its invoices until the bank answers: a second payment could be taken
        for (Invoice invoice : invoices) {
            bankDebitUnderWay(invoice).ifPresent(link -> {
                throw new PaymentLinkRefused(Reason.BANK_PAYMENT_PROCESSING, invoice.number(),
                        link.processingAmount().map(m -> m.format(java.util.Locale.US)).orElse(""),
                        java.util.Date.from(link.processingSince()));
            });
        }
        issuer.inAnotherActiveLink(invoices, now).ifPresent(i -> {
            throw new PaymentLinkRefused(Reason.INVOICE_IN_ANOTHER_LINK, i.number());
        });
    }

    /**
     * PL12: the invoices of one link: at least one, at most {@value #MAX_INVOICES_PER_LINK}, each of the caller's
     * practice and all of one client; with {@code lock}, locked in id order (no two paths deadlock).
     */
    private List<Invoice> invoicesOf(Staff staff, Collection<Long> invoiceIds, boolean lock) {
        TreeSet<Long> ids = new TreeSet<>();
        invoiceIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        if (ids.isEmpty()) {
            throw new PaymentLinkRefused(Reason.NO_INVOICES);
        }
        if (ids.size() > MAX_INVOICES_PER_LINK) {
            throw new PaymentLinkRefused(Reason.TOO_MANY_INVOICES, MAX_INVOICES_PER_LINK);
        }
        List<Invoice> invoices = new ArrayList<>();
        for (Long id : ids) {
            invoices.add(invoiceOf(staff, id, lock));
        }
        if (invoices.stream().map(i -> i.client().id()).distinct().count() > 1) {
            throw new PaymentLinkRefused(Reason.INVOICES_OF_SEVERAL_CLIENTS);
        }
        if (invoices.stream().map(Invoice::currency).distinct().count() > 1) {
            throw new PaymentLinkRefused(Reason.INVOICES_IN_SEVERAL_CURRENCIES);
        }
        return invoices;
    }

    /**
     * The invoice, if it belongs to the caller's practice. With {@code lock}, the row is locked for the
     * rest of the transaction so that concurrent sends for one invoice run one after the other (PL5).
     */
    private Invoice invoiceOf(Staff staff, long invoiceId, boolean lock) {
        return lock ? scope.findLocked(staff, Invoice.class, invoiceId) : scope.find(staff, Invoice.class, invoiceId);
    }

    private Optional<PaymentLink> latest(Invoice invoice) {
        return em.createQuery("select li.link from LinkInvoice li where li.invoice = :i "
                                + "order by li.link.sentAt desc, li.link.id desc", PaymentLink.class)
                .setParameter("i", invoice)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** PAY18: the link whose bank debit for the invoice is on its way, if one is. */
    private Optional<PaymentLink> bankDebitUnderWay(Invoice invoice) {
        return em.createQuery("select li.link from LinkInvoice li where li.activeInvoiceId = :i and li.link.status = :s",
                        PaymentLink.class)
                .setParameter("i", invoice.id())
                .setParameter("s", PaymentLinkStatus.PROCESSING)
                .getResultStream().findFirst();
    }

    /** The link as staff see it from one of its invoices. */
    private LinkState state(PaymentLink link, long invoiceId) {
        PaymentLinkStatus status = link.statusAt(clock.instant());
        // an active link whose email has not gone out yet (the mail server is down, or it is still queued)
        boolean emailPending = status == PaymentLinkStatus.ACTIVE && link.hasEmailRecipient()
                && !mailer.wasSent(PaymentLinkEmail.mailKey(link.id()));
        // issue 23: the link's text (the newest, when several were asked for), as Twilio last reported it
        com.paylink.texting.entity.TextMessage text = texts.ofLink(link.id()).stream().findFirst().orElse(null);
        return new LinkState(link.id(), invoiceId, status, link.sentAt(),
                link.expiresAt(), link.firstViewedAt(), link.lastViewedAt(), link.closedAt(),
                link.recipientSource(), EmailAddresses.mask(link.recipientEmail()), link.sentBy().fullName(), emailPending,
                link.invoiceNumbers(), link.bankDebitAmount().orElse(null), link.processingSince(),
                link.bankReturnCode().orElse(null),
                text == null ? null : com.paylink.texting.control.PhoneNumbers.masked(text.toNumber()),
                text == null ? null : text.status().name(), text == null ? null : text.errorCode(),
                text == null ? null : text.notBefore());
    }
}
