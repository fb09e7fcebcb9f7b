package com.paylink.ledger.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger lists sort only by whitelisted columns; anything else is the default order (newest first). */
class LedgerSortTest {

    private static final List<LedgerSort> LISTS = List.of(LedgerSort.INVOICES, LedgerSort.PAYMENTS, LedgerSort.REFUNDS,
            LedgerSort.ADJUSTMENTS);

    private static PageRequest sortedBy(String key, boolean descending) {
        return new PageRequest(0, 25, key, descending);
    }

    @Test
    void withoutASortKeyEachListKeepsTheOrderTheLedgerAlwaysHad_newestFirst() {
        assertThat(LedgerSort.INVOICES.orderBy(sortedBy(null, false))).isEqualTo("i.issued_on desc, i.number desc, i.id desc");
        assertThat(LedgerSort.PAYMENTS.orderBy(sortedBy(null, true))).isEqualTo("p.receivedAt desc, p.id desc");
        assertThat(LedgerSort.REFUNDS.orderBy(sortedBy(null, false))).isEqualTo("r.requestedAt desc, r.id desc");
        assertThat(LedgerSort.ADJUSTMENTS.orderBy(sortedBy(null, false))).isEqualTo("a.createdAt desc, a.id desc");
    }

    @Test
    void anUnknownKeyNeverReachesTheQuery_itGetsTheDefaultOrder() {
        for (LedgerSort list : LISTS) {
            String defaultOrder = list.orderBy(sortedBy(null, false));
            for (String key : List.of("", "id", "ISSUEDON", "amount; drop table invoice", "i.voided_at",
                    "(select 1)", "balance desc, 1", "clientId", "toString")) {
                for (boolean descending : new boolean[]{false, true}) {
                    assertThat(list.orderBy(sortedBy(key, descending))).as(key).isEqualTo(defaultOrder);
                }
            }
        }
    }

    @Test
    void aKnownKeySortsByItsColumnFirst_thenByTheDefaultOrder_soPagesNeverOverlap() {
        assertThat(LedgerSort.INVOICES.keys())
                .containsExactlyInAnyOrder("issuedOn", "number", "total", "paid", "adjusted", "balance", "status");
        assertThat(LedgerSort.PAYMENTS.keys()).containsExactlyInAnyOrder("receivedAt", "invoiceNumber", "amount");
        assertThat(LedgerSort.INVOICES.orderBy(sortedBy("total", true)))
                .isEqualTo("f.total desc, i.issued_on desc, i.number desc, i.id desc");
        assertThat(LedgerSort.PAYMENTS.orderBy(sortedBy("amount", false)))
                .isEqualTo("p.amount.amountMinor asc, p.receivedAt desc, p.id desc");
        for (LedgerSort list : LISTS) {
            String defaultOrder = list.orderBy(sortedBy(null, false));
            for (String key : list.keys()) {
                assertThat(list.orderBy(sortedBy(key, true))).endsWith(" desc, " + defaultOrder);
                assertThat(list.orderBy(sortedBy(key, false))).endsWith(" asc, " + defaultOrder);
            }
        }
    }

    @Test
    void aPageIsNeverLargerThanTheCap_norBeforeTheFirstRow() {
        assertThat(new PageRequest(-5, 10_000, null, false)).satisfies(p -> {
            assertThat(p.first()).isZero();
            assertThat(p.size()).isEqualTo(PageRequest.MAX_SIZE);
        });
        assertThat(new PageRequest(50, 0, null, false).size()).isEqualTo(1);
    }
}
