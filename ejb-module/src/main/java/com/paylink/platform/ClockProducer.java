package com.paylink.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The one source of time: everything that needs "now" injects a {@link Clock} ({@link AdjustableClock}). */
@ApplicationScoped
public class ClockProducer {

    @Produces
    public Clock clock() {
        return AdjustableClock.instance();
    }
}
