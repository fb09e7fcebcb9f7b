package com.paylink.outbound.boundary;

import com.paylink.platform.PaylinkConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * P9: every few seconds, on every server: the new facts become events (one per fact and endpoint, whichever server sees
 * it first), and due events are posted, each in its own transaction ({@link WebhookDelivery}).
 */
@Stateless
@PermitAll
public class WebhookSchedule {

    private static final Logger LOG = Logger.getLogger(WebhookSchedule.class.getName());
    /** {@code false} stops making and posting events (e.g. while a practice's systems are down for a long time). */
    public static final String ENABLED = "paylink.webhooks.enabled";

    @Inject
    PaylinkConfig config;

    @EJB
    WebhookDelivery delivery;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "webhook events: make and post")
    void run() {
        if (!config.get(ENABLED).map(Boolean::parseBoolean).orElse(true)) {
            return;
        }
        try {
            delivery.collect();
        } catch (RuntimeException e) {
            // another server made the same events at the same moment: they exist; this run posts what is due
            LOG.log(Level.FINE, "webhook events made elsewhere", e);
        }
        for (long id : delivery.due()) {
            try {
                delivery.deliver(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "webhook event " + id + " could not be posted this round", e);
            }
        }
    }
}
