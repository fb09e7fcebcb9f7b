package com.paylink.it.boundary;

import com.paylink.identity.entity.SignInChannel;
import com.paylink.identity.boundary.ApiKeyRefused;
import com.paylink.identity.boundary.ApiKeyRow;
import com.paylink.identity.boundary.ApiKeyService;
import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.boundary.NewApiKey;
import com.paylink.identity.boundary.SignedInStaff;
import com.paylink.identity.boundary.SignInResult;

import com.paylink.identity.boundary.StaffRow;
import com.paylink.identity.entity.Permission;
import com.paylink.ledger.boundary.ClientSummary;
import com.paylink.ledger.boundary.LanguageNotOffered;
import com.paylink.ledger.boundary.InvoiceRow;
import com.paylink.ledger.boundary.LedgerList;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.ledger.boundary.LedgerSummary;
import com.paylink.ledger.boundary.PageRequest;
import com.paylink.ledger.boundary.PaymentRow;
import com.paylink.ledger.entity.InvoiceStatus;
import com.paylink.ledger.entity.RefundStatus;
import com.paylink.shared.Money;
import com.paylink.shared.NotFoundException;
import com.paylink.shared.PermissionDeniedException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import com.paylink.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.InstanceOfAssertFactories;
import com.paylink.identity.boundary.StaffAdminPage;
import com.paylink.identity.boundary.StaffAdminService;
import com.paylink.identity.boundary.StaffChangeRefused;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger and identity boundaries inside WildFly against PostgreSQL: figures (L1, L5), practice
 * isolation (P1/L6), permissions (I1, I2). Each test builds its own practice; the demo data seeded
 * for this deployment is checked as well.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerBoundaryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(LedgerBoundaryIT.class);
    }

    @EJB
    LedgerService ledger;

    @EJB
    IdentityService identity;

    @EJB
    ApiKeyService apiKeys;

    @EJB
    StaffAdminService staffAdmin;

    @Inject
    TestData data;

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void ledgerFiguresAddUp() throws Exception {
        long practice = data.practice(TestData.unique("Figures"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        String provider = data.staff(practice, TestData.unique("dr"), true, Set.of());
        long client = data.client(practice, "Figure", "Client");
        long open = data.invoice(client, provider, "F-1", "150.00");
        long partial = data.invoice(client, provider, "F-2", "300.00");
        data.pay(partial, "100.00");
        data.adjust(partial, "20.00");
        long paid = data.invoice(client, provider, "F-3", "80.00");
        data.pay(paid, "60.00");
        data.adjust(paid, "20.00");
        long voided = data.invoice(client, provider, "F-4", "95.00");
        data.voidInvoice(voided);

        Set<Permission> billing = EnumSet.of(Permission.BILLING);
        LedgerSummary result = As.staff(biller, billing, () -> ledger.ledgerSummary(client));
        List<InvoiceRow> invoices = As.staff(biller, billing, () -> ledger.invoices(client, false, PageRequest.firstRows(25)));

        Map<String, InvoiceRow> rows = invoices.stream()
                .collect(Collectors.toMap(InvoiceRow::number, r -> r));
        assertThat(rows.get("F-1").status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(rows.get("F-1").balance()).isEqualTo(usd("150.00"));
        assertThat(rows.get("F-2").status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(rows.get("F-2").balance()).isEqualTo(usd("180.00"));
        assertThat(rows.get("F-3").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(rows.get("F-3").balance()).isEqualTo(usd("0.00"));
        assertThat(rows.get("F-4").status()).isEqualTo(InvoiceStatus.VOID);
        for (InvoiceRow row : invoices) {
            assertThat(row.balance()).isEqualTo(row.total().minus(row.paid()).minus(row.adjusted()));
        }
        // the void invoice counts for nothing
        assertThat(result.charges()).isEqualTo(usd("530.00"));
        assertThat(result.paid()).isEqualTo(usd("160.00"));
        assertThat(result.adjusted()).isEqualTo(usd("40.00"));
        assertThat(result.balance()).isEqualTo(usd("330.00"));
        assertThat(As.staff(biller, billing, () -> ledger.invoices(client, true, PageRequest.firstRows(25))))
                .extracting(InvoiceRow::number).containsExactlyInAnyOrder("F-1", "F-2");
        assertThat(As.staff(biller, billing, () -> ledger.payments(client, PageRequest.firstRows(25)))).hasSize(2);
        assertThat(As.staff(biller, billing, () -> ledger.adjustments(client, PageRequest.firstRows(25)))).hasSize(2);
        assertThat(result).extracting(LedgerSummary::invoiceCount, LedgerSummary::unpaidCount, LedgerSummary::paymentCount,
                LedgerSummary::refundCount, LedgerSummary::adjustmentCount).containsExactly(4L, 2L, 2L, 0L, 2L);
        assertThat(open).isPositive();
    }

    /**
     * The Ledger pages, sorts, filters and adds up in the database, and agrees with the invoices' own rules
     * (L1, L4, L5, L9) on every kind of invoice: open, part paid, paid, adjusted, void, refunded (done, pending,
     * refused). Every whitelisted order pages without gaps or repeats; an unknown key is the default order; no
     * page is larger than the cap.
     */
    @Test
    void theLedgerPagesSortsAndAddsUpInTheDatabase_exactlyAsTheInvoicesOwnRulesSay() throws Exception {
        long practice = data.practice(TestData.unique("Paging"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        long client = data.client(practice, "Many", TestData.unique("Invoices"));
        LocalDate day = LocalDate.of(2025, 3, 1);
        for (int n = 1; n <= 33; n++) {
            // totals out of step with dates and numbers, some equal (ties must page stably too)
            long invoice = data.invoiceOn(client, String.format("P-%02d", n), day.plusDays(n % 11),
                    (100 + (n * 37) % 23) + ".00");
            switch (n % 7) {
                case 1 -> data.pay(invoice, "20.00");
                case 2 -> {
                    data.pay(invoice, "40.00");
                    data.adjust(invoice, "15.50");
                }
                case 3 -> data.pay(invoice, (100 + (n * 37) % 23) + ".00");
                case 4 -> data.voidInvoice(invoice);
                case 5 -> {
                    long card = data.cardPayment(invoice, "60.00", Instant.parse("2025-03-01T10:00:00Z").plusSeconds(n));
                    data.refund(invoice, card, "10.00", RefundStatus.SUCCEEDED);
                    data.refund(invoice, card, "5.00", RefundStatus.PENDING);
                    data.refund(invoice, card, "7.00", RefundStatus.FAILED);
                }
                case 6 -> {
                    long card = data.cardPayment(invoice, (100 + (n * 37) % 23) + ".00", Instant.parse("2025-03-02T10:00:00Z"));
                    data.refund(invoice, card, (100 + (n * 37) % 23) + ".00", RefundStatus.SUCCEEDED);
                }
                default -> {
                }
            }
        }
        Set<Permission> billing = EnumSet.of(Permission.BILLING);
        List<InvoiceRow> byDefault = allPages(biller, client, false, null, false);
        assertThat(byDefault).hasSize(33);
        // the order the Ledger always had: newest first, then by number
        assertThat(byDefault).isSortedAccordingTo(DEFAULT_ORDER);
        // each row's figures come from the entity; the database's figures must order, filter and add up alike
        Map<String, java.util.function.Function<InvoiceRow, Comparable<?>>> columns = Map.of(
                "issuedOn", InvoiceRow::issuedOn, "number", InvoiceRow::number, "total", InvoiceRow::total,
                "paid", InvoiceRow::paid, "adjusted", InvoiceRow::adjusted, "balance", InvoiceRow::balance,
                "status", InvoiceRow::status);
        for (var column : columns.entrySet()) {
            for (boolean descending : new boolean[]{false, true}) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Comparator<InvoiceRow> byColumn = Comparator.comparing(r -> (Comparable) column.getValue().apply(r));
                Comparator<InvoiceRow> expected = (descending ? byColumn.reversed() : byColumn).thenComparing(DEFAULT_ORDER);
                List<InvoiceRow> sorted = allPages(biller, client, false, column.getKey(), descending);
                assertThat(sorted).as(column.getKey() + (descending ? " desc" : " asc"))
                        .containsExactlyElementsOf(byDefault.stream().sorted(expected).toList());
            }
        }
        assertThat(allPages(biller, client, false, "voided_at; drop table invoice", true)).as("unknown key")
                .containsExactlyElementsOf(byDefault);
        assertThat(As.staff(biller, billing, () -> ledger.invoices(client, false, new PageRequest(0, 10_000, null, false))))
                .as("capped").hasSize(33);
        assertThat(As.staff(biller, billing, () -> ledger.invoices(client, false, new PageRequest(30, 10, null, false))))
                .containsExactlyElementsOf(byDefault.subList(30, 33));

        List<InvoiceRow> unpaid = allPages(biller, client, true, "balance", true);
        assertThat(unpaid).containsExactlyInAnyOrderElementsOf(byDefault.stream().filter(r -> r.status().isUnpaid()).toList());
        assertThat(unpaid).extracting(InvoiceRow::status).contains(InvoiceStatus.OPEN, InvoiceStatus.PARTIALLY_PAID);

        LedgerSummary summary = As.staff(biller, billing, () -> ledger.ledgerSummary(client));
        List<InvoiceRow> counted = byDefault.stream().filter(r -> r.status() != InvoiceStatus.VOID).toList();
        assertThat(summary.charges()).isEqualTo(counted.stream().map(InvoiceRow::total).reduce(usd("0"), Money::plus));
        assertThat(summary.paid()).isEqualTo(counted.stream().map(InvoiceRow::paid).reduce(usd("0"), Money::plus));
        assertThat(summary.adjusted()).isEqualTo(counted.stream().map(InvoiceRow::adjusted).reduce(usd("0"), Money::plus));
        assertThat(summary.balance()).isEqualTo(counted.stream().map(InvoiceRow::balance).reduce(usd("0"), Money::plus));
        assertThat(summary.unpaidCount()).isEqualTo(unpaid.size());
        assertThat(summary.refundCount()).isEqualTo(As.staff(biller, billing, () -> ledger.count(client, LedgerList.REFUNDS)))
                .isEqualTo(As.staff(biller, billing, () -> ledger.refunds(client, PageRequest.firstRows(100))).size());
        assertThat(As.staff(biller, billing, () -> ledger.searchClients(""))).singleElement()
                .extracting(ClientSummary::balance).isEqualTo(summary.balance());

        List<PaymentRow> payments = As.staff(biller, billing, () -> ledger.payments(client, new PageRequest(0, 100, "amount", true)));
        assertThat(payments).hasSize((int) summary.paymentCount())
                .isSortedAccordingTo(Comparator.comparing(PaymentRow::amount).reversed());
        assertThat(As.staff(biller, billing, () -> ledger.payments(client, new PageRequest(0, 100, "amount; --", true))))
                .as("unknown key: newest first").isSortedAccordingTo(Comparator.comparing(PaymentRow::receivedAt).reversed());
    }

    private static final Comparator<InvoiceRow> DEFAULT_ORDER = Comparator.comparing(InvoiceRow::issuedOn)
            .thenComparing(InvoiceRow::number).thenComparing(InvoiceRow::id).reversed();

    /** Every invoice of the client, read 7 at a time in the given order. */
    private List<InvoiceRow> allPages(String user, long client, boolean unpaidOnly, String sortKey, boolean descending)
            throws Exception {
        List<InvoiceRow> all = new java.util.ArrayList<>();
        for (int first = 0; ; first += 7) {
            int from = first;
            List<InvoiceRow> page = As.staff(user, EnumSet.of(Permission.BILLING),
                    () -> ledger.invoices(client, unpaidOnly, new PageRequest(from, 7, sortKey, descending)));
            all.addAll(page);
            if (page.size() < 7) {
                return all;
            }
        }
    }

    @Test
    void demoClientsLedgersShowTheSeededFigures() throws Exception {
        Map<String, String> expectedBalances = Map.of(
                "Carter, Emma", "150.00", "Bennett, Noah", "150.00", "Thompson, Ava", "275.00",
                "Rivera, Lucas", "180.00", "Chen, Mia", "120.00");
        List<ClientSummary> clients = As.staff("admin", EnumSet.of(Permission.ADMIN, Permission.BILLING),
                () -> ledger.searchClients(""));
        assertThat(clients).extracting(ClientSummary::sortName).containsAll(expectedBalances.keySet());
        for (ClientSummary client : clients) {
            if (!expectedBalances.containsKey(client.sortName())) {
                continue;
            }
            LedgerSummary result = As.staff("admin", EnumSet.of(Permission.ADMIN), () -> ledger.ledgerSummary(client.id()));
            assertThat(result.balance()).as(client.sortName()).isEqualTo(usd(expectedBalances.get(client.sortName())));
            assertThat(result.balance()).isEqualTo(result.charges().minus(result.paid()).minus(result.adjusted()));
            assertThat(client.balance()).isEqualTo(result.balance());
        }
    }

    @Test
    void l11_onlyBillingStaffAndAdminsChangeAClientsLanguage_toAnOfferedOne_inTheirOwnPractice() throws Exception {
        long practice = data.practice(TestData.unique("Lang"), true);
        long other = data.practice(TestData.unique("Other"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        String desk = data.staff(practice, TestData.unique("desk"), false, Set.of());
        String outsider = data.staff(other, TestData.unique("outsider"), false, EnumSet.allOf(Permission.class));
        long client = data.client(practice, "Lena", TestData.unique("Lang"));
        Set<Permission> billing = EnumSet.of(Permission.BILLING);

        assertThatThrownBy(() -> As.staff(desk, Set.of(), () -> ledger.changeLanguage(client, "es")))
                .as("without the role the call never arrives").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.staff(desk, billing, () -> ledger.changeLanguage(client, "es")))
                .as("the database decides, whatever the roles claim").isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> As.staff(biller, billing, () -> ledger.changeLanguage(client, "de")))
                .as("no bundles, not offered").isInstanceOf(LanguageNotOffered.class);
        assertThatThrownBy(() -> As.staff(outsider, EnumSet.allOf(Permission.class), () -> ledger.changeLanguage(client, "es")))
                .isInstanceOf(NotFoundException.class);
        assertThat(As.staff(biller, billing, () -> ledger.clientProfile(client)).language()).as("nothing changed").isNull();

        assertThat(As.staff(biller, billing, () -> ledger.changeLanguage(client, "es")).language()).isEqualTo("es");
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> ledger.changeLanguage(client, "en")).language()).isEqualTo("en");
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> ledger.changeLanguage(client, " ")).language())
                .as("blank: not chosen").isNull();
    }

    @Test
    void staffSeeOnlyTheirOwnPractice() throws Exception {
        long practiceA = data.practice(TestData.unique("Alpha"), true);
        long practiceB = data.practice(TestData.unique("Beta"), false);
        String providerA = data.staff(practiceA, TestData.unique("dra"), true, EnumSet.of(Permission.BILLING));
        String staffB = data.staff(practiceB, TestData.unique("b"), false, EnumSet.of(Permission.ADMIN, Permission.BILLING));
        String lastName = TestData.unique("Isolated");
        long clientA = data.client(practiceA, "Alice", lastName);
        long invoiceA = data.invoice(clientA, providerA, "A-1", "50.00");

        Set<Permission> all = EnumSet.allOf(Permission.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.ledgerSummary(clientA))).isInstanceOf(NotFoundException.class);
        PageRequest page = PageRequest.firstRows(25);
        for (LedgerList list : LedgerList.values()) {
            assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.count(clientA, list))).isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.invoices(clientA, false, page))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.invoices(clientA, true, page))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.payments(clientA, page))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.refunds(clientA, page))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.adjustments(clientA, page))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.clientProfile(clientA))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.invoice(invoiceA))).isInstanceOf(NotFoundException.class);
        assertThat(As.staff(staffB, all, () -> ledger.searchClients(lastName))).isEmpty();
        assertThat(As.staff(staffB, all, () -> identity.practiceStaff())).extracting(StaffRow::username)
                .containsExactly(staffB);

        assertThat(As.staff(providerA, EnumSet.of(Permission.BILLING), () -> ledger.searchClients(lastName)))
                .extracting(ClientSummary::id).containsExactly(clientA);
        assertThat(As.staff(providerA, EnumSet.of(Permission.BILLING), () -> ledger.invoice(invoiceA)).invoice().number())
                .isEqualTo("A-1");
    }

    @Test
    void searchTreatsWildcardsAsText() throws Exception {
        long practice = data.practice(TestData.unique("Search"), true);
        String user = data.staff(practice, TestData.unique("s"), false, Set.of());
        data.client(practice, "Plain", "Name");
        assertThat(As.staff(user, Set.of(), () -> ledger.searchClients("%"))).isEmpty();
        assertThat(As.staff(user, Set.of(), () -> ledger.searchClients("_"))).isEmpty();
        assertThat(As.staff(user, Set.of(), () -> ledger.searchClients("plain nam"))).hasSize(1);
    }

    @Test
    void onlyAdminsListStaff_andNobodyAnonymousReadsTheLedger() throws Exception {
        long practice = data.practice(TestData.unique("Perms"), true);
        String biller = data.staff(practice, TestData.unique("biller"), false, EnumSet.of(Permission.BILLING));
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        long client = data.client(practice, "Perm", "Client");

        assertThatThrownBy(() -> As.staff(biller, EnumSet.of(Permission.BILLING), () -> identity.practiceStaff()))
                .isInstanceOf(EJBAccessException.class);
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> identity.practiceStaff())).hasSize(2);
        assertThatThrownBy(() -> As.anonymous(() -> ledger.ledgerSummary(client))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.anonymous(() -> ledger.invoices(client, false, PageRequest.firstRows(25))))
                .isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.anonymous(() -> ledger.searchClients(""))).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void i4_anAdminChangesPermissionsAndActivity_eachKept_appliedAtTheNextCall_andThePracticeAlwaysKeepsAnActiveAdmin()
            throws Exception {
        long practice = data.practice(TestData.unique("Admins"), true);
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        String person = data.staff(practice, TestData.unique("person"), false, EnumSet.noneOf(Permission.class));
        long elsewhere = data.practice(TestData.unique("Else"), true);
        String otherAdmin = data.staff(elsewhere, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        Set<Permission> asAdmin = EnumSet.of(Permission.ADMIN);
        StaffAdminPage page = As.staff(admin, asAdmin, () -> staffAdmin.page());
        long personId = idOf(page, person);
        long adminId = idOf(page, admin);

        // Billing given: the roles a session is refreshed with at its next request include it
        As.staff(admin, asAdmin, () -> staffAdmin.change(personId, true, false, true));
        assertThat(As.anonymous(() -> identity.currentRoles(person))).get().asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .contains(Permission.BILLING_ROLE);
        // Billing taken and deactivated: no roles at all, so the session ends at its next request
        page = As.staff(admin, asAdmin, () -> staffAdmin.change(personId, false, false, false));
        assertThat(As.anonymous(() -> identity.currentRoles(person))).isEmpty();
        assertThat(page.changes()).extracting(StaffAdminPage.ChangeRow::change)
                .containsExactly("DEACTIVATED", "BILLING_REMOVED", "BILLING_GRANTED");
        assertThat(page.changes()).allSatisfy(c -> {
            assertThat(c.changedBy()).isEqualTo("Staff " + admin);
            assertThat(c.staffMember()).isEqualTo("Staff " + person);
        });

        // the practice's only active Admin can neither step down nor deactivate themself; nothing changes
        assertThatThrownBy(() -> As.staff(admin, asAdmin, () -> staffAdmin.change(adminId, true, false, true)))
                .isInstanceOf(StaffChangeRefused.class);
        assertThatThrownBy(() -> As.staff(admin, asAdmin, () -> staffAdmin.change(adminId, false, true, false)))
                .isInstanceOf(StaffChangeRefused.class);
        assertThat(As.anonymous(() -> identity.currentRoles(admin))).get().asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .contains(Permission.ADMIN_ROLE).doesNotContain(Permission.BILLING_ROLE);
        assertThat(As.staff(admin, asAdmin, () -> staffAdmin.page()).changes()).hasSize(3);

        // with a second active Admin the first may step down, and is refused at their very next call, whatever
        // roles their session still carried
        As.staff(admin, asAdmin, () -> staffAdmin.change(personId, false, true, true));
        As.staff(admin, asAdmin, () -> staffAdmin.change(adminId, false, false, true));
        assertThatThrownBy(() -> As.staff(admin, asAdmin, () -> staffAdmin.page()))
                .isInstanceOf(com.paylink.shared.PermissionDeniedException.class);

        // another practice's staff member is not found; someone without the Admin role is refused by the container
        assertThatThrownBy(() -> As.staff(otherAdmin, asAdmin, () -> staffAdmin.change(personId, false, false, false)))
                .isInstanceOf(com.paylink.shared.NotFoundException.class);
        assertThatThrownBy(() -> As.staff(person, EnumSet.of(Permission.BILLING), () -> staffAdmin.page()))
                .isInstanceOf(EJBAccessException.class);
    }

    private static long idOf(StaffAdminPage page, String username) {
        return page.staff().stream().filter(s -> s.username().equals(username)).findFirst().orElseThrow().id();
    }

    @Test
    void apiKeysBelongToTheirOwner_onlyTheOwnerListsOrRevokesThem() throws Exception {
        long practice = data.practice(TestData.unique("Keys"), true);
        String owner = data.staff(practice, TestData.unique("Owner"), false, EnumSet.of(Permission.BILLING));
        String other = data.staff(practice, TestData.unique("Other"), false, EnumSet.of(Permission.ADMIN));
        NewApiKey key = As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.create("  Integration  ", TestData.PASSWORD.toCharArray()));
        assertThat(key.name()).isEqualTo("Integration");
        assertThat(As.anonymous(() -> apiKeys.authenticate(key.key(), "203.0.113.5"))).get()
                .extracting(SignedInStaff::username).isEqualTo(owner);
        assertThat(As.staff(other, EnumSet.of(Permission.ADMIN), () -> apiKeys.mine())).isEmpty();
        assertThatThrownBy(() -> As.staff(other, EnumSet.of(Permission.ADMIN), () -> {
            apiKeys.revoke(key.id());
            return null;
        })).isInstanceOf(com.paylink.shared.NotFoundException.class);
        assertThat(As.anonymous(() -> apiKeys.authenticate(key.key(), "203.0.113.5"))).as("still the owner's, still working").isPresent();
        assertThatThrownBy(() -> As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.create("x".repeat(61), TestData.PASSWORD.toCharArray())))
                .isInstanceOf(ApiKeyRefused.class).hasMessageContaining("api-key-name-too-long");
        As.staff(owner, EnumSet.of(Permission.BILLING), () -> {
            apiKeys.revoke(key.id());
            return null;
        });
        assertThat(As.anonymous(() -> apiKeys.authenticate(key.key(), "203.0.113.5"))).isEmpty();
        assertThat(As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.mine())).singleElement()
                .satisfies(row -> assertThat(row.isRevoked()).isTrue());
    }

    @Test
    void s3_aKeyNeedsThePasswordAgain_expiresUnlessRenewed_andThePracticesAdminsSeeAndRevokeEveryKey() throws Exception {
        long practice = data.practice(TestData.unique("Keys"), true);
        String owner = data.staff(practice, TestData.unique("Owner"), false, EnumSet.of(Permission.BILLING));
        String admin = data.staff(practice, TestData.unique("Admin"), false, EnumSet.of(Permission.ADMIN));
        long elsewhere = data.practice(TestData.unique("Else"), true);
        String otherAdmin = data.staff(elsewhere, TestData.unique("Admin"), false, EnumSet.of(Permission.ADMIN));
        assertThatThrownBy(() -> As.staff(owner, EnumSet.of(Permission.BILLING),
                () -> apiKeys.create("Sync", "not-my-password".toCharArray())))
                .isInstanceOf(ApiKeyRefused.class).hasMessageContaining("api-key-password");
        assertThat(As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.mine())).as("nothing made").isEmpty();

        NewApiKey key = As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.create("Sync", TestData.PASSWORD.toCharArray()));
        // 89 days on it works; renewed, it works 90 days from then; unrenewed past that it is refused, and recorded
        com.paylink.platform.AdjustableClock.instance().advance(java.time.Duration.ofDays(89));
        try {
            assertThat(As.anonymous(() -> apiKeys.authenticate(key.key(), "203.0.113.6"))).isPresent();
            As.staff(owner, EnumSet.of(Permission.BILLING), () -> {
                apiKeys.renew(key.id());
                return null;
            });
            com.paylink.platform.AdjustableClock.instance().advance(java.time.Duration.ofDays(89));
            assertThat(As.anonymous(() -> apiKeys.authenticate(key.key(), "203.0.113.6"))).as("renewed").isPresent();
            com.paylink.platform.AdjustableClock.instance().advance(java.time.Duration.ofDays(2));
            assertThat(As.anonymous(() -> apiKeys.authenticate(key.key(), "203.0.113.6"))).as("expired").isEmpty();
            assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> identity.signInActivity()))
                    .anyMatch(r -> r.username().equals(owner) && r.outcome() == com.paylink.identity.entity.SignInOutcome.KEY_REFUSED);
        } finally {
            com.paylink.platform.AdjustableClock.instance().reset();
        }

        NewApiKey second = As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.create("Export", TestData.PASSWORD.toCharArray()));
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> apiKeys.practiceKeys()))
                .extracting(ApiKeyRow::name).contains("Sync", "Export");
        assertThat(As.staff(otherAdmin, EnumSet.of(Permission.ADMIN), () -> apiKeys.practiceKeys()))
                .extracting(ApiKeyRow::name).doesNotContain("Sync", "Export");
        assertThatThrownBy(() -> As.staff(otherAdmin, EnumSet.of(Permission.ADMIN), () -> {
            apiKeys.revokeForPractice(second.id());
            return null;
        })).isInstanceOf(com.paylink.shared.NotFoundException.class);
        As.staff(admin, EnumSet.of(Permission.ADMIN), () -> {
            apiKeys.revokeForPractice(second.id());
            return null;
        });
        assertThat(As.anonymous(() -> apiKeys.authenticate(second.key(), "203.0.113.6"))).as("revoked by the Admin").isEmpty();
        assertThatThrownBy(() -> As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.practiceKeys()))
                .as("Admins only").isInstanceOf(EJBAccessException.class);
    }

    @Test
    void signInChecksPasswordAndActiveAccount() throws Exception {
        long practice = data.practice(TestData.unique("Login"), true);
        String user = data.staff(practice, TestData.unique("User"), false, EnumSet.of(Permission.BILLING));

        String hashBefore = data.passwordHash(user);
        assertThat(hashBefore).as("the test data's fast hash").doesNotStartWith("pbkdf2-sha256$600000$");
        SignInResult ok = identity.signIn(user.toUpperCase(), TestData.PASSWORD.toCharArray(), "10.0.0.1", SignInChannel.FORM);
        assertThat(ok).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(((SignInResult.SignedIn) ok).staff().roles()).containsExactlyInAnyOrder(Permission.STAFF_ROLE, Permission.BILLING_ROLE);
        // S2: the weaker hash was replaced by a 600,000-iteration one of the same password
        assertThat(data.passwordHash(user)).startsWith("pbkdf2-sha256$600000$");
        assertThat(identity.signIn(user, TestData.PASSWORD.toCharArray(), "10.0.0.1", SignInChannel.API))
                .isInstanceOf(SignInResult.SignedIn.class);
        assertThat(identity.signIn(user, "wrong".toCharArray(), "10.0.0.1", SignInChannel.FORM))
                .isInstanceOf(SignInResult.Refused.class);
        assertThat(identity.signIn(TestData.unique("nobody"), TestData.PASSWORD.toCharArray(), "10.0.0.1", SignInChannel.FORM))
                .isInstanceOf(SignInResult.Refused.class);
        assertThat(identity.signIn(user, new char[0], "10.0.0.1", SignInChannel.FORM)).isInstanceOf(SignInResult.Refused.class);

        data.deactivate(user);
        assertThat(identity.signIn(user, TestData.PASSWORD.toCharArray(), "10.0.0.1", SignInChannel.FORM))
                .isInstanceOf(SignInResult.Refused.class);
        assertThatThrownBy(() -> As.staff(user, EnumSet.of(Permission.BILLING), () -> ledger.searchClients("")))
                .isInstanceOf(com.paylink.shared.PermissionDeniedException.class);
    }
}
