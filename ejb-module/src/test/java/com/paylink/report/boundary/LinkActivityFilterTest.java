package com.paylink.report.boundary;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule R2: a report needs both dates, in order, at most two years apart, and a short client search. */
class LinkActivityFilterTest {

    private static final LocalDate DAY = LocalDate.parse("2024-02-28");

    private static LinkActivityRefused.Reason refusal(LinkActivityFilter filter) {
        try {
            filter.validated();
        } catch (LinkActivityRefused e) {
            return e.reason();
        }
        return null;
    }

    @Test
    void r2_bothDatesAreNeeded() {
        assertThat(refusal(new LinkActivityFilter(null, DAY, null, null, null))).isEqualTo(LinkActivityRefused.Reason.DATES_MISSING);
        assertThat(refusal(new LinkActivityFilter(DAY, null, null, null, null))).isEqualTo(LinkActivityRefused.Reason.DATES_MISSING);
    }

    @Test
    void r2_theStartIsOnOrBeforeTheEnd_andTheMessageNamesBoth() {
        assertThat(refusal(new LinkActivityFilter(DAY, DAY, null, null, null))).as("one day").isNull();
        assertThatThrownBy(() -> new LinkActivityFilter(DAY.plusDays(1), DAY, null, null, null).validated())
                .isInstanceOfSatisfying(LinkActivityRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(LinkActivityRefused.Reason.DATES_REVERSED);
                    assertThat(e.code()).isEqualTo("report-dates-reversed");
                    assertThat(e.args()).containsExactly("2024-02-29", "2024-02-28");
                });
    }

    @Test
    void r2_atMostTwoYears_countingBothEnds() {
        LinkActivityFilter longest = new LinkActivityFilter(DAY, DAY.plusDays(LinkActivityFilter.MAX_DAYS - 1), null, null, null);
        assertThat(longest.validated()).isSameAs(longest);
        assertThat(refusal(new LinkActivityFilter(DAY, DAY.plusDays(LinkActivityFilter.MAX_DAYS), null, null, null)))
                .isEqualTo(LinkActivityRefused.Reason.RANGE_TOO_LONG);
    }

    @Test
    void r2_theClientSearchIsTrimmed_blankMeansAnyone_andItsLengthIsLimited() {
        assertThat(new LinkActivityFilter(DAY, DAY, null, null, "  Rivera ").client()).isEqualTo("Rivera");
        assertThat(new LinkActivityFilter(DAY, DAY, null, null, "   ").client()).isNull();
        assertThat(refusal(new LinkActivityFilter(DAY, DAY, null, null, "x".repeat(LinkActivityFilter.MAX_CLIENT_TEXT))))
                .isNull();
        assertThat(refusal(new LinkActivityFilter(DAY, DAY, null, null, "x".repeat(LinkActivityFilter.MAX_CLIENT_TEXT + 1))))
                .isEqualTo(LinkActivityRefused.Reason.CLIENT_TEXT_TOO_LONG);
    }
}
