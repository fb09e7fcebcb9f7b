package com.paylink.it.boundary;

import com.paylink.identity.entity.SignInChannel;
import com.paylink.identity.boundary.ApiKeyRefused;
import com.paylink.identity.boundary.ApiKeyService;
import com.paylink.identity.boundary.IdentityService;
import com.paylink.identity.boundary.NewApiKey;
import com.paylink.identity.boundary.SignedInStaff;
import com.paylink.identity.boundary.SignInResult;

import com.paylink.identity.boundary.StaffRow;
import com.paylink.identity.entity.Permission;
import com.paylink.ledger.boundary.ClientSummary;
import com.paylink.ledger.boundary.InvoiceRow;
import com.paylink.ledger.boundary.Ledger;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.ledger.entity.InvoiceStatus;
import com.paylink.shared.Money;
import com.paylink.shared.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import com.paylink.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

        Ledger result = As.staff(biller, EnumSet.of(Permission.BILLING), () -> ledger.ledger(client));

        Map<String, InvoiceRow> rows = result.invoices().stream()
                .collect(Collectors.toMap(InvoiceRow::number, r -> r));
        assertThat(rows.get("F-1").status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(rows.get("F-1").balance()).isEqualTo(usd("150.00"));
        assertThat(rows.get("F-2").status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(rows.get("F-2").balance()).isEqualTo(usd("180.00"));
        assertThat(rows.get("F-3").status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(rows.get("F-3").balance()).isEqualTo(usd("0.00"));
        assertThat(rows.get("F-4").status()).isEqualTo(InvoiceStatus.VOID);
        for (InvoiceRow row : result.invoices()) {
            assertThat(row.balance()).isEqualTo(row.total().minus(row.paid()).minus(row.adjusted()));
        }
        // the void invoice counts for nothing
        assertThat(result.charges()).isEqualTo(usd("530.00"));
        assertThat(result.paid()).isEqualTo(usd("160.00"));
        assertThat(result.adjusted()).isEqualTo(usd("40.00"));
        assertThat(result.balance()).isEqualTo(usd("330.00"));
        assertThat(result.unpaidInvoices()).extracting(InvoiceRow::number).containsExactlyInAnyOrder("F-1", "F-2");
        assertThat(result.payments()).hasSize(2);
        assertThat(result.adjustments()).hasSize(2);
        assertThat(open).isPositive();
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
            Ledger result = As.staff("admin", EnumSet.of(Permission.ADMIN), () -> ledger.ledger(client.id()));
            assertThat(result.balance()).as(client.sortName()).isEqualTo(usd(expectedBalances.get(client.sortName())));
            assertThat(result.balance()).isEqualTo(result.charges().minus(result.paid()).minus(result.adjusted()));
            assertThat(client.balance()).isEqualTo(result.balance());
        }
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
        assertThatThrownBy(() -> As.staff(staffB, all, () -> ledger.ledger(clientA))).isInstanceOf(NotFoundException.class);
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
        assertThatThrownBy(() -> As.anonymous(() -> ledger.ledger(client))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> As.anonymous(() -> ledger.searchClients(""))).isInstanceOf(EJBAccessException.class);
    }

    @Test
    void apiKeysBelongToTheirOwner_onlyTheOwnerListsOrRevokesThem() throws Exception {
        long practice = data.practice(TestData.unique("Keys"), true);
        String owner = data.staff(practice, TestData.unique("Owner"), false, EnumSet.of(Permission.BILLING));
        String other = data.staff(practice, TestData.unique("Other"), false, EnumSet.of(Permission.ADMIN));
        NewApiKey key = As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.create("  Integration  "));
        assertThat(key.name()).isEqualTo("Integration");
        assertThat(As.anonymous(() -> apiKeys.authenticate(key.key()))).get()
                .extracting(SignedInStaff::username).isEqualTo(owner);
        assertThat(As.staff(other, EnumSet.of(Permission.ADMIN), () -> apiKeys.mine())).isEmpty();
        assertThatThrownBy(() -> As.staff(other, EnumSet.of(Permission.ADMIN), () -> {
            apiKeys.revoke(key.id());
            return null;
        })).isInstanceOf(com.paylink.shared.NotFoundException.class);
        assertThat(As.anonymous(() -> apiKeys.authenticate(key.key()))).as("still the owner's, still working").isPresent();
        assertThatThrownBy(() -> As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.create("x".repeat(61))))
                .isInstanceOf(ApiKeyRefused.class).hasMessageContaining("api-key-name-too-long");
        As.staff(owner, EnumSet.of(Permission.BILLING), () -> {
            apiKeys.revoke(key.id());
            return null;
        });
        assertThat(As.anonymous(() -> apiKeys.authenticate(key.key()))).isEmpty();
        assertThat(As.staff(owner, EnumSet.of(Permission.BILLING), () -> apiKeys.mine())).singleElement()
                .satisfies(row -> assertThat(row.isRevoked()).isTrue());
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
