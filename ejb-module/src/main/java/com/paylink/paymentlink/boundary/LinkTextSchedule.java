package com.paylink.paymentlink.boundary;

import com.paylink.paymentlink.control.LinkTexts;
import com.paylink.platform.DatabaseMigrator;
import com.paylink.platform.PaylinkConfig;
import com.paylink.texting.control.Texts;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Issue 23 (T4): every 15 seconds, requests the texts whose time has come (held by quiet hours, or by Twilio's "not
 * now"), and those whose send was never answered (after {@link LinkTexts#LEASE}: the sender asks Twilio whether it went
 * before sending again). Claimed with {@code skip locked}, so the servers of a cluster share the work.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class LinkTextSchedule {

    /** {@code false} makes the scheduled run do nothing; read at every run. */
    public static final String SCHEDULE_ENABLED = "paylink.texts.schedule.enabled";
    static final int BATCH_SIZE = 200;
    private static final Logger LOG = Logger.getLogger(LinkTextSchedule.class.getName());

    @Inject
    Texts texts;

    @Inject
    Clock clock;

    @Inject
    PaylinkConfig config;

    @Resource
    SessionContext self;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "held and unanswered texts")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scheduled() {
        if (!DatabaseMigrator.schemaReady() || !config.get(SCHEDULE_ENABLED).map(Boolean::parseBoolean).orElse(true)
                || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            int requested = self.getBusinessObject(LinkTextSchedule.class).requestDue(clock.instant());
            if (requested > 0) {
                LOG.info(() -> requested + " held or unanswered texts requested");
            }
        } finally {
            running.set(false);
        }
    }

    /** One batch in its own transaction: the claim and the requests commit together. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int requestDue(Instant now) {
        return texts.due(now, now.minus(LinkTexts.LEASE), BATCH_SIZE).size();
    }
}
