package com.paylink.it.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.ledger.boundary.PageRequest;
import com.paylink.report.boundary.LinkActivityFilter;
import com.paylink.report.boundary.LinkActivityRefused;
import com.paylink.report.boundary.LinkActivityRow;
import com.paylink.report.boundary.LinkActivityService;
import com.paylink.report.boundary.LinkOutcome;
import com.paylink.shared.PermissionDeniedException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The link activity report's boundary (rules R1, R2 of com.paylink.report): Admins only, by role and by the
 * permission in the database, of their own practice; every method refuses a bad filter; the export's batches
 * cover every link once, in order, however many share a moment.
 */
@ExtendWith(ArquillianExtension.class)
class LinkActivityBoundaryIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(LinkActivityBoundaryIT.class);
    }

    @EJB
    LinkActivityService reports;

    @Inject
    TestData data;

    @Test
    void r1_onlyAnAdminReads_byRoleAndByTheDatabase_andOnlyTheirOwnPractice() throws Exception {
        long practice = data.practice(TestData.unique("Report"), true);
        long other = data.practice(TestData.unique("Other"), true);
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN, Permission.BILLING));
        String biller = data.staff(practice, TestData.unique("biller"), true, EnumSet.of(Permission.BILLING));
        String otherAdmin = data.staff(other, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        long client = data.client(practice, "Rae", TestData.unique("Report"));
        Instant sent = Instant.parse("2023-05-10T15:00:00Z");
        long link = data.links(client, biller, biller, 1, sent).get(0);
        LinkActivityFilter may = new LinkActivityFilter(LocalDate.parse("2023-05-01"), LocalDate.parse("2023-05-31"),
                null, null, null);

        List<LinkActivityRow> rows = As.staff(admin, EnumSet.of(Permission.ADMIN), () -> reports.rows(may, PageRequest.firstRows(25)));
        assertThat(rows).extracting(LinkActivityRow::linkId).containsExactly(link);
        assertThat(rows.get(0).outcome()).isEqualTo(LinkOutcome.EXPIRED);
        assertThat(rows.get(0).dueAtSend()).isEqualTo(com.paylink.shared.Money.of("10.00", "USD"));
        assertThat(rows.get(0).paid().isZero()).isTrue();
        assertThat(As.staff(otherAdmin, EnumSet.of(Permission.ADMIN), () -> reports.count(may))).isZero();
        assertThat(As.staff(otherAdmin, EnumSet.of(Permission.ADMIN), () -> reports.summary(may).links())).isZero();
        assertThat(As.staff(otherAdmin, EnumSet.of(Permission.ADMIN), () -> reports.exportAfter(may, null))).isEmpty();

        // the role alone: a Billing member is refused by the container
        List<ThrowingCall> all = new ArrayList<>(calls(may));
        all.add(() -> reports.defaultFilter());
        for (ThrowingCall call : all) {
            assertThatThrownBy(() -> As.staff(biller, EnumSet.of(Permission.BILLING), call::run))
                    .isInstanceOf(EJBAccessException.class);
            // a forged Admin role: the database says no
            assertThatThrownBy(() -> As.staff(biller, EnumSet.of(Permission.BILLING, Permission.ADMIN), call::run))
                    .isInstanceOf(PermissionDeniedException.class);
            assertThatThrownBy(() -> As.anonymous(call::run)).isInstanceOf(EJBAccessException.class);
        }
    }

    @Test
    void r2_everyMethodRefusesABadFilterWithItsReason() throws Exception {
        long practice = data.practice(TestData.unique("Report"), true);
        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        LocalDate day = LocalDate.parse("2023-05-10");
        List<LinkActivityFilter> bad = List.of(
                new LinkActivityFilter(null, day, null, null, null),
                new LinkActivityFilter(day, day.minusDays(1), null, null, null),
                new LinkActivityFilter(day, day.plusDays(LinkActivityFilter.MAX_DAYS), null, null, null),
                new LinkActivityFilter(day, day, null, null, "x".repeat(LinkActivityFilter.MAX_CLIENT_TEXT + 1)));
        List<LinkActivityRefused.Reason> reasons = List.of(LinkActivityRefused.Reason.DATES_MISSING,
                LinkActivityRefused.Reason.DATES_REVERSED, LinkActivityRefused.Reason.RANGE_TOO_LONG,
                LinkActivityRefused.Reason.CLIENT_TEXT_TOO_LONG);
        for (int i = 0; i < bad.size(); i++) {
            for (ThrowingCall call : calls(bad.get(i))) {
                assertThatThrownBy(() -> As.staff(admin, EnumSet.of(Permission.ADMIN), call::run))
                        .isInstanceOf(LinkActivityRefused.class)
                        .extracting(e -> ((LinkActivityRefused) e).reason()).isEqualTo(reasons.get(i));
            }
        }
        LinkActivityFilter longest = new LinkActivityFilter(day, day.plusDays(LinkActivityFilter.MAX_DAYS - 1), null, null, null);
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> reports.summary(longest).weeks())).hasSize(105);
    }

    @Test
    void theExportsBatchesCoverEveryLinkOnceInOrder_evenWhenManyShareAMoment() throws Exception {
        long practice = data.practice(TestData.unique("Report"), true);
        String admin = data.staff(practice, TestData.unique("admin"), true, EnumSet.of(Permission.ADMIN, Permission.BILLING));
        long client = data.client(practice, "Many", TestData.unique("Links"));
        int count = LinkActivityService.EXPORT_BATCH + 7;
        List<Long> ids = data.links(client, admin, admin, count, Instant.parse("2023-07-03T13:00:00Z"));
        LinkActivityFilter july = new LinkActivityFilter(LocalDate.parse("2023-07-03"), LocalDate.parse("2023-07-03"),
                null, null, null);

        List<Long> exported = As.staff(admin, EnumSet.of(Permission.ADMIN), () -> {
            List<Long> all = new ArrayList<>();
            List<LinkActivityRow> batch = reports.exportAfter(july, null);
            while (!batch.isEmpty()) {
                assertThat(batch.size()).isLessThanOrEqualTo(LinkActivityService.EXPORT_BATCH);
                batch.forEach(r -> all.add(r.linkId()));
                batch = reports.exportAfter(july, batch.get(batch.size() - 1));
            }
            return all;
        });
        assertThat(exported).containsExactlyElementsOf(ids);
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> reports.summary(july).weeks()))
                .singleElement().satisfies(w -> {
                    assertThat(w.monday()).isEqualTo(LocalDate.parse("2023-07-03"));
                    assertThat(w.sent()).isEqualTo(count);
                });
    }

    private interface ThrowingCall {
        Object run() throws Exception;
    }

    private List<ThrowingCall> calls(LinkActivityFilter filter) {
        return List.of(() -> reports.summary(filter), () -> reports.count(filter),
                () -> reports.rows(filter, PageRequest.firstRows(25)), () -> reports.exportAfter(filter, null));
    }
}
