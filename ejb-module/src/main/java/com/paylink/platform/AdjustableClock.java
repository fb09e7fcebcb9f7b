package com.paylink.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock: system UTC time plus an offset that only a test server may move
 * ({@code paylink.clock.adjustable=true}), so expiry can be tested without waiting. Production
 * never sets the flag and the offset stays zero.
 */
public final class AdjustableClock extends Clock {

    public static final String ADJUSTABLE = "paylink.clock.adjustable";
    static final AdjustableClock INSTANCE = new AdjustableClock();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private AdjustableClock() {
    }

    public static AdjustableClock instance() {
        return INSTANCE;
    }

    /** Moves "now" forward (or back); refused unless the server was started with the flag. */
    public void advance(Duration by) {
        if (!Boolean.getBoolean(ADJUSTABLE)) {
            throw new IllegalStateException("the clock can only be moved on a test server (" + ADJUSTABLE + ")");
        }
        offset.updateAndGet(current -> current.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }
}
