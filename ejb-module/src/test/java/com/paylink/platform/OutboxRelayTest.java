package com.paylink.platform;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's wait figures for the health page (ADR 0013): nearest-rank percentiles over the last messages only. */
class OutboxRelayTest {

    @Test
    void noMessageRelayedYet_hasNoFigures() {
        assertThat(new OutboxRelay().waitPercentiles()).isEmpty();
    }

    @Test
    void p50AndP99_areNearestRanksOfTheWaits() {
        OutboxRelay relay = new OutboxRelay();
        List<Long> waits = new ArrayList<>();
        LongStream.rangeClosed(1, 100).map(i -> 101 - i).forEach(waits::add); // 100 … 1 ms, out of order
        relay.record(waits);
        assertThat(relay.waitPercentiles()).hasValueSatisfying(p -> assertThat(p).containsExactly(50L, 99L));
    }

    @Test
    void onlyTheLastWindowOfMessagesCounts() {
        OutboxRelay relay = new OutboxRelay();
        relay.record(LongStream.range(0, OutboxRelay.WINDOW).mapToObj(i -> 5_000L).toList()); // a slow past
        relay.record(LongStream.range(0, OutboxRelay.WINDOW).mapToObj(i -> 3L).toList());     // caught up since
        assertThat(relay.waitPercentiles()).hasValueSatisfying(p -> assertThat(p).containsExactly(3L, 3L));
    }

    @Test
    void aSingleWait_isBothPercentiles() {
        assertThat(OutboxRelay.percentile(new long[]{42}, 50)).isEqualTo(42);
        assertThat(OutboxRelay.percentile(new long[]{42}, 99)).isEqualTo(42);
        assertThat(OutboxRelay.percentile(new long[]{1, 2}, 50)).isEqualTo(1);
        assertThat(OutboxRelay.percentile(new long[]{1, 2}, 99)).isEqualTo(2);
    }
}
