package com.paylink.report.boundary;

import com.paylink.ledger.boundary.PageRequest;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule R4 as far as Java takes part in it: ISO weeks start on Monday (across a year's end), the median comes back
 * as whole seconds, the share is a whole percent rounded half up, and the table sorts only by whitelisted columns.
 * (The sums themselves are the database's: LinkActivityIT and LinkActivityBoundaryIT check them.)
 */
class LinkActivityFiguresTest {

    @Test
    void weeksAreIsoWeeks_startingOnMonday() {
        assertThat(LinkActivityQueries.monday(LocalDate.parse("2022-03-07"))).isEqualTo("2022-03-07");
        assertThat(LinkActivityQueries.monday(LocalDate.parse("2022-03-13"))).as("a Sunday").isEqualTo("2022-03-07");
        assertThat(LinkActivityQueries.monday(LocalDate.parse("2021-01-01"))).as("ISO week 53 of 2020")
                .isEqualTo("2020-12-28");
    }

    @Test
    void theMedianIsWholeSeconds_andNothingPaidHasNone() {
        assertThat(LinkActivityQueries.seconds(100_800.0)).isEqualTo(Duration.ofHours(28));
        assertThat(LinkActivityQueries.seconds(59.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LinkActivityQueries.seconds(null)).isNull();
    }

    @Test
    void theShareIsAWholePercent_roundedHalfUp_andNoneWithoutLinks() {
        assertThat(LinkActivitySummary.percent(1, 8)).isEqualTo(13); // 12.5
        assertThat(LinkActivitySummary.percent(1, 3)).isEqualTo(33);
        assertThat(LinkActivitySummary.percent(2, 3)).isEqualTo(67);
        assertThat(LinkActivitySummary.percent(0, 5)).isZero();
        assertThat(LinkActivitySummary.percent(5, 5)).isEqualTo(100);
        assertThat(LinkActivitySummary.percent(0, 0)).isNull();
        LinkActivitySummary summary = new LinkActivitySummary(null, 8, 3, 2, 1, Duration.ofHours(28), "USD",
                List.of(Money.of("200.00", "USD")), List.of());
        assertThat(summary.sharePaidWithin24HoursPercent()).isEqualTo(13);
    }

    @Test
    void timestampsReadTheSameWhateverTypeTheDriverHandsOver() {
        Instant at = Instant.parse("2022-03-13T07:30:00.123456Z");
        assertThat(LinkActivityQueries.instant(at)).isEqualTo(at);
        assertThat(LinkActivityQueries.instant(OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(-4)))).isEqualTo(at);
        assertThat(LinkActivityQueries.instant(Timestamp.from(at))).isEqualTo(at);
        assertThat(LinkActivityQueries.instant(LocalDateTime.ofInstant(at, ZoneOffset.UTC))).isEqualTo(at);
        assertThat(LinkActivityQueries.instant(null)).isNull();
    }

    @Test
    void theTableSortsOnlyByWhitelistedColumns_newestFirstOtherwise() {
        String byDefault = "l.sent_at desc, l.id desc";
        assertThat(LinkActivityQueries.SORT.orderBy(null, false)).isEqualTo(byDefault);
        for (String key : List.of("", "id", "l.sent_at", "sentat", "paid; drop table payment_link", "(select 1)")) {
            assertThat(LinkActivityQueries.SORT.orderBy(key, true)).as(key).isEqualTo(byDefault);
        }
        assertThat(LinkActivityQueries.SORT.orderBy("clientName", false))
                .isEqualTo("lower((c.last_name || ', ' || c.first_name)) asc, " + byDefault);
        assertThat(LinkActivityQueries.SORT.keys()).containsExactlyInAnyOrder("sentAt", "sentBy", "clientName",
                "invoiceNumber", "outcome", "firstViewedAt", "expiresAt", "dueAtSend", "paid");
        assertThat(new PageRequest(0, 1_000, "paid", true).size()).isEqualTo(PageRequest.MAX_SIZE);
    }
}
