package com.paylink.demo;

import com.paylink.identity.control.PasswordHasher;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.ledger.entity.Appointment;
import com.paylink.ledger.entity.BillTo;
import com.paylink.ledger.entity.BillToParty;
import com.paylink.ledger.entity.Client;
import com.paylink.ledger.entity.ClientHistoryEntry;
import com.paylink.ledger.entity.ConsentMethod;
import com.paylink.ledger.entity.Insurance;
import com.paylink.ledger.entity.Invoice;
import com.paylink.ledger.entity.Payment;
import com.paylink.payment.entity.Gateway;
import com.paylink.payment.entity.PaymentAttempt;
import com.paylink.paymentlink.entity.PaymentLink;
import com.paylink.paymentlink.entity.PaymentLinkAction;
import com.paylink.paymentlink.entity.PaymentLinkAudit;
import com.paylink.paymentlink.entity.RecipientSource;
import com.paylink.shared.EmailAddresses;
import com.paylink.ledger.entity.PaymentMethod;
import com.paylink.platform.PaylinkConfig;
import com.paylink.practice.entity.Practice;
import com.paylink.practice.entity.PracticeContact;
import com.paylink.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Seeds the demo practices, staff, clients and ledgers when {@code paylink.demo=true} and the database
 * has no practice yet. Never runs otherwise. The demo covers every email source and invoice state.
 */
@Singleton
@Startup
@DependsOn("DemoDatabaseReset")
public class DemoDataSeeder {

    /** Documented in README.md; every demo account uses it. */
    public static final String DEMO_PASSWORD = "paylink-demo";
    private static final String USD = "USD";
    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class.getName());

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    @PostConstruct
    void seedIfEmpty() {
        if (!config.flag(PaylinkConfig.DEMO)) {
            return;
        }
        Long practices = em.createQuery("select count(p) from Practice p", Long.class).getSingleResult();
        if (practices > 0) {
            LOG.info("Demo data already present; not seeding");
        } else {
            seed();
        }
        String base = "http://localhost:" + System.getProperty("jboss.http.port", "8080");
        LOG.info(() -> String.join(System.lineSeparator(), "",
                "==================================================================",
                " Paylink demo: " + base + "/",
                " Sign in as admin, biller, drsmith, drjones, drlee, frontdesk",
                "   (Riverside Counseling) or lakeadmin, drpatel (Lakeside Therapy)",
                " Password for every demo account: " + DEMO_PASSWORD,
                " Mail sent by the demo: " + base + "/demo/mailbox.xhtml",
                "=================================================================="));
    }

    /** Seeds both demo practices into an empty database (also the reset on request, DemoReset). */
    @PermitAll
    public void seed() {
        seedRiverside();
        seedLakeside();
        LOG.info("Demo data seeded: Riverside Counseling and Lakeside Therapy");
    }

    private void seedRiverside() {
        Instant now = clock.instant();
        Practice riverside = persist(new Practice("Riverside Counseling", "billing@riverside-counseling.example", "acct_sandbox_riverside", now));
        riverside.contactChanged(PracticeContact.of("(555) 010-4477", "frontdesk@riverside-counseling.example"));
        Staff admin = staff(riverside, "admin", "Morgan Avery", false, Permission.ADMIN, Permission.BILLING);
        Staff biller = staff(riverside, "biller", "Bailey Brooks", false, Permission.BILLING);
        Staff smith = staff(riverside, "drsmith", "Dr. Sarah Smith", true, Permission.BILLING);
        Staff jones = staff(riverside, "drjones", "Dr. Owen Jones", true);
        Staff lee = staff(riverside, "drlee", "Dr. Grace Lee", true, Permission.ADMIN);
        staff(riverside, "frontdesk", "Frankie Diaz", false);

        // email only in Client Details
        Client emma = persist(new Client(riverside, "Emma", "Carter", LocalDate.of(1988, 4, 12),
                "emma.carter@example.com", "(555) 201-3344"));
        Invoice open = invoice(emma, appointment(emma, 3, "Individual Therapy (53 min)", smith), "RC-1001", "150.00");
        Invoice paid = invoice(emma, appointment(emma, 17, "Individual Therapy (53 min)", smith), "RC-0994", "150.00");
        paid.recordPayment(Money.of("150.00", USD), PaymentMethod.CARD, daysAgo(16), "Card on file");

        // email only in Household Information: a minor whose guardian has the address
        Client noah = persist(new Client(riverside, "Noah", "Bennett", LocalDate.of(2014, 9, 2), null, null));
        noah.addHouseholdMember("Mother", "Olivia Bennett", "olivia.bennett@example.com");
        noah.addHouseholdMember("Father", "Liam Bennett", null);
        Invoice partial = invoice(noah, appointment(noah, 6, "Family Therapy (50 min)", jones), "RC-1002", "200.00");
        partial.recordPayment(Money.of("50.00", USD), PaymentMethod.CASH, daysAgo(6), "Paid at front desk");

        // email only in Bill To & Insurance Info: a third-party payer
        Client ava = persist(new Client(riverside, "Ava", "Thompson", LocalDate.of(1995, 1, 23), null, "(555) 877-1020"));
        ava.billTo(new BillTo(BillToParty.OTHER_PERSON, "Harbor Employee Assistance Program",
                "claims@harbor-eap.example", "(555) 300-4000"));
        ava.insurance(new Insurance("Harbor EAP", "HEP-448812", "GRP-2201"));
        invoice(ava, appointment(ava, 2, "Psychiatric Diagnostic Evaluation", lee), "RC-1003", "275.00");
        Invoice voided = invoice(ava, appointment(ava, 9, "Medication Management (25 min)", lee), "RC-0998", "95.00");
        voided.voidInvoice("Duplicate of RC-0997", daysAgo(8));

        // a different address in each of the three places
        Client lucas = persist(new Client(riverside, "Lucas", "Rivera", LocalDate.of(1979, 11, 30),
                "lucas.rivera@example.com", "(555) 640-7781"));
        lucas.addHouseholdMember("Spouse", "Sofia Rivera", "sofia.rivera@example.com");
        lucas.billTo(new BillTo(BillToParty.OTHER_PERSON, "Rivera Family Trust", "trust@rivera-family.example", null));
        lucas.insurance(new Insurance("Blue Harbor Health", "BHH-20931", "G-7781"));
        Invoice couples = invoice(lucas, appointment(lucas, 4, "Couples Therapy (60 min)", smith), "RC-1004", "300.00");
        couples.recordPayment(Money.of("100.00", USD), PaymentMethod.CHECK, daysAgo(3), "Check #2291");
        couples.adjust(Money.of("20.00", USD), "Sliding-scale discount", daysAgo(3));
        Invoice group = invoice(lucas, appointment(lucas, 24, "Group Therapy (90 min)", jones), "RC-0990", "80.00");
        group.recordPayment(Money.of("60.00", USD), PaymentMethod.INSURANCE, daysAgo(20), "EOB 55120");
        group.adjust(Money.of("20.00", USD), "Contractual write-off", daysAgo(20));

        // several open invoices: one payment link for all of them (Unpaid Invoices, tick them, Send for selected)
        Client harper = persist(new Client(riverside, "Harper", "Lewis", LocalDate.of(1992, 7, 14),
                "harper.lewis@example.com", "(555) 233-8190"));
        invoice(harper, appointment(harper, 21, "Individual Therapy (53 min)", smith), "RC-1011", "150.00");
        invoice(harper, appointment(harper, 14, "Individual Therapy (53 min)", jones), "RC-1012", "150.00");
        invoice(harper, appointment(harper, 7, "Individual Therapy (38 min)", smith), "RC-1013", "120.00");

        // no email anywhere
        Client mia = persist(new Client(riverside, "Mia", "Chen", LocalDate.of(2001, 6, 8), null, "(555) 912-0043"));
        invoice(mia, appointment(mia, 1, "Individual Therapy (38 min)", smith), "RC-1005", "120.00");

        // reads Spanish: her link, receipt and payment pages are in Spanish (L11)
        Client valentina = persist(new Client(riverside, "Valentina", "Ortiz", LocalDate.of(1992, 2, 14),
                "valentina.ortiz@example.com", "(555) 233-9087"));
        valentina.preferLanguage("es");
        invoice(valentina, appointment(valentina, 2, "Individual Therapy (53 min)", smith), "RC-1006", "180.00");

        // issue 23: texting. Riverside's own sender (the demo phone's local Twilio), and clients' mobile numbers: Emma,
        // Harper and Valentina agreed to texts; Mia never did; Lucas opted out by replying STOP
        riverside.textingSetUp(DemoPhone.RIVERSIDE_SERVICE, "Riverside Counseling");
        // issue 24: balance reminders on (3, 7, 14, 30 days): Harper Nguyen's RC-0981 went unpaid ten days ago, so the
        // first run after start-up sends her reminder 2 of 4 for RC-0981 and RC-0985 (the demo mailbox)
        riverside.balanceRemindersChanged(true, com.paylink.practice.entity.ReminderDays.parse(
                com.paylink.practice.entity.ReminderDays.DEFAULT));
        riverside.textingRegistration(true, now);
        emma.mobileChanged("+12015550123", now, admin.id());
        emma.textConsentGiven(ConsentMethod.IN_PERSON, daysAgo(30), admin.id());
        harper.mobileChanged("+16175550199", now, admin.id());
        harper.textConsentGiven(ConsentMethod.ON_FORM, daysAgo(60), biller.id());
        valentina.mobileChanged("+12125550147", now, admin.id());
        valentina.textConsentGiven(ConsentMethod.ON_FORM, daysAgo(20), biller.id());
        mia.mobileChanged("+14155550136", now, admin.id());
        lucas.mobileChanged("+13105550182", now, admin.id());
        lucas.textConsentGiven(ConsentMethod.IN_PERSON, daysAgo(90), admin.id());
        lucas.textConsentWithdrawn(ConsentMethod.REPLIED_STOP, daysAgo(10), null);
        em.persist(new ClientHistoryEntry(lucas, daysAgo(10), null, ClientHistoryEntry.Kind.TEXT_OPTED_OUT, "STOP"));

        seedLinkHistory(riverside, admin, biller, smith);
    }

    /**
     * Harper Nguyen: seven weeks of payment links in every outcome (paid, expired then renewed and paid, revoked and
     * paid by check, expired unpaid, opened and still working), so the link activity report has something to show.
     */
    private void seedLinkHistory(Practice riverside, Staff admin, Staff biller, Staff smith) {
        Client harper = persist(new Client(riverside, "Harper", "Nguyen", LocalDate.of(1992, 7, 14),
                "harper.nguyen@example.com", "(555) 233-9087"));
        List<Object[]> views = new ArrayList<>();
        Instant now = clock.instant();

        for (Object[] paid : new Object[][]{{"RC-0971", "120.00", 45, biller, 50, 180}, {"RC-0973", "150.00", 38, smith, 300, 1200},
                {"RC-0979", "120.00", 17, biller, 25, 60}}) {
            String number = (String) paid[0];
            Instant sent = daysAgo((Integer) paid[2]);
            Invoice invoice = invoice(harper, appointment(harper, (Integer) paid[2] + 1, "Individual Therapy (53 min)", smith),
                    number, (String) paid[1]);
            PaymentLink link = link(invoice, harper, (Staff) paid[3], sent, PaymentLinkAction.SENT);
            views.add(new Object[]{link.id(), sent.plus(Duration.ofMinutes((Integer) paid[4]))});
            payThroughLink(invoice, link, sent.plus(Duration.ofMinutes((Integer) paid[5])));
        }

        // expired unopened; the client asked again two days later and paid within the hour
        Invoice renewed = invoice(harper, appointment(harper, 32, "Individual Therapy (53 min)", smith), "RC-0975", "150.00");
        PaymentLink expired = link(renewed, harper, biller, daysAgo(31), PaymentLinkAction.SENT);
        expired.expireIfDue(daysAgo(29));
        em.flush();
        PaymentLink again = link(renewed, harper, biller, daysAgo(29), PaymentLinkAction.SENT);
        views.add(new Object[]{again.id(), daysAgo(29).plus(Duration.ofMinutes(20))});
        payThroughLink(renewed, again, daysAgo(29).plus(Duration.ofMinutes(45)));

        // opened, then revoked: the client paid by check at the front desk
        Invoice byCheck = invoice(harper, appointment(harper, 25, "Individual Therapy (53 min)", smith), "RC-0977", "90.00");
        PaymentLink revoked = link(byCheck, harper, admin, daysAgo(24), PaymentLinkAction.SENT);
        views.add(new Object[]{revoked.id(), daysAgo(24).plus(Duration.ofHours(2))});
        Instant revokedAt = daysAgo(24).plus(Duration.ofHours(20));
        revoked.revoke(revokedAt);
        audit(revoked, PaymentLinkAction.REVOKED, admin, revokedAt);
        byCheck.recordPayment(Money.of("90.00", USD), PaymentMethod.CHECK, daysAgo(22), "Check #3104");

        // opened, never paid; the sweep marked it expired
        Invoice unpaid = invoice(harper, appointment(harper, 11, "Individual Therapy (53 min)", smith), "RC-0981", "75.00");
        PaymentLink lapsed = link(unpaid, harper, smith, daysAgo(10), PaymentLinkAction.SENT);
        views.add(new Object[]{lapsed.id(), daysAgo(10).plus(Duration.ofHours(3))});
        lapsed.expireIfDue(daysAgo(9));

        // sent this morning, opened, still working
        Invoice open = invoice(harper, appointment(harper, 1, "Individual Therapy (53 min)", smith), "RC-0985", "120.00");
        PaymentLink working = link(open, harper, biller, now.minus(Duration.ofHours(2)), PaymentLinkAction.SENT);
        views.add(new Object[]{working.id(), now.minus(Duration.ofHours(1))});

        // views as the payment page records them (a conditional update), after every change above is written
        em.flush();
        for (Object[] view : views) {
            em.createNamedQuery(PaymentLink.RECORD_VIEW)
                    .setParameter("now", view[1]).setParameter("stale", view[1]).setParameter("id", view[0])
                    .executeUpdate();
        }
    }

    private PaymentLink link(Invoice invoice, Client client, Staff sender, Instant sentAt, PaymentLinkAction action) {
        PaymentLink link = persist(new PaymentLink(invoice, RecipientSource.CLIENT_DETAILS, client.fullName(), client.email(),
                sender, sentAt, invoice.practice().settings().linkLifetime()));
        em.flush();
        audit(link, action, sender, sentAt);
        return link;
    }

    private void audit(PaymentLink link, PaymentLinkAction action, Staff staff, Instant at) {
        persist(new PaymentLinkAudit(link, action, staff == null ? null : staff.id(), at,
                EmailAddresses.mask(link.recipientEmail())));
    }

    /** A sandbox card payment through the link, as the checkout records it: attempt, payment, link paid, audit. */
    private void payThroughLink(Invoice invoice, PaymentLink link, Instant at) {
        String reference = "pi_demo_" + invoice.number();
        Money amount = invoice.balance();
        PaymentAttempt attempt = persist(new PaymentAttempt(link, Gateway.SANDBOX, reference, "demo-" + invoice.number(),
                amount, at));
        Payment payment = invoice.recordCardPayment(amount, at, reference, "R-DEMO-" + invoice.number().substring(3), true,
                new com.paylink.shared.CardSummary("visa", "4242"));
        em.flush();
        attempt.succeeded(payment, at);
        link.settleCharge(at);
        audit(link, PaymentLinkAction.PAID, null, at);
    }

    private void seedLakeside() {
        Practice lakeside = persist(new Practice("Lakeside Therapy", "office@lakeside-therapy.example", clock.instant()));
        staff(lakeside, "lakeadmin", "Lena Park", false, Permission.ADMIN, Permission.BILLING);
        Staff patel = staff(lakeside, "drpatel", "Dr. Ravi Patel", true, Permission.BILLING);

        Client ethan = persist(new Client(lakeside, "Ethan", "Walsh", LocalDate.of(1990, 3, 3),
                "ethan.walsh@example.com", "(555) 410-2200"));
        invoice(ethan, appointment(ethan, 5, "Individual Therapy (53 min)", patel), "LT-2001", "140.00");
        Client grace = persist(new Client(lakeside, "Grace", "Kim", LocalDate.of(1985, 12, 19),
                "grace.kim@example.com", null));
        Invoice paid = invoice(grace, appointment(grace, 12, "EMDR Session (60 min)", patel), "LT-1998", "160.00");
        paid.recordPayment(Money.of("160.00", USD), PaymentMethod.CARD, daysAgo(11), "Card on file");
    }

    private String demoHash;

    private Staff staff(Practice practice, String username, String fullName, boolean provider, Permission... permissions) {
        Set<Permission> granted = permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions);
        return persist(new Staff(practice, username, fullName, username + "@" + domainOf(practice),
                demoPasswordHash(), provider, granted));
    }

    /** One hash of the published demo password for every demo account: 600,000 iterations once, not per account. */
    private String demoPasswordHash() {
        if (demoHash == null) {
            demoHash = new PasswordHasher().hash(DEMO_PASSWORD.toCharArray());
        }
        return demoHash;
    }

    private static String domainOf(Practice practice) {
        return practice.senderEmail().substring(practice.senderEmail().indexOf('@') + 1);
    }

    private Appointment appointment(Client client, int daysAgo, String serviceType, Staff provider) {
        // appointments at 15:00 UTC, mid-morning in the US
        Instant startsAt = daysAgo(daysAgo).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(15));
        return persist(new Appointment(client, startsAt, serviceType, provider));
    }

    private Invoice invoice(Client client, Appointment appointment, String number, String amount) {
        LocalDate issuedOn = LocalDate.ofInstant(appointment.startsAt(), ZoneOffset.UTC);
        Invoice invoice = new Invoice(client, appointment, number, issuedOn, USD);
        invoice.addLine(appointment.serviceType(), 1, Money.of(amount, USD));
        return persist(invoice);
    }

    private Instant daysAgo(int days) {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }
}
