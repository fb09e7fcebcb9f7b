package com.paylink.paymentlink.boundary;

import com.paylink.identity.entity.Permission;
import com.paylink.ledger.boundary.ClientTextingService;
import com.paylink.paymentlink.control.LinkTexts;
import com.paylink.texting.control.TextGateway;
import com.paylink.texting.control.Texts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Issue 23: sends a link's text (called by {@link PaymentLinkTextListener} after the asking transaction committed, and
 * by {@link LinkTextSchedule} for texts quiet hours held). The provider is called outside any transaction; see
 * {@link LinkTexts} for what makes a retried send never text twice.
 */
@Stateless
@RolesAllowed(Permission.SYSTEM_ROLE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentLinkTextService {

    /** How long Twilio's "not now" (429, 503) holds a text before it is tried again (ISO-8601, default 30 seconds). */
    public static final String RETRY_AFTER = "paylink.texts.retry-after";
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(PaymentLinkTextService.class.getName());

    @Inject
    LinkTexts texts;

    @Inject
    TextGateway gateway;

    @Inject
    Clock clock;

    @Inject
    com.paylink.platform.PaylinkConfig config;

    @EJB
    ClientTextingService clients;

    public void deliver(long textId) {
        Optional<LinkTexts.Prepared> prepared = texts.prepare(textId);
        if (prepared.isEmpty()) {
            return;
        }
        LinkTexts.Prepared p = prepared.get();
        try {
            TextGateway.Sent sent = gateway.send(p.serviceSid(), p.to(), p.body(), texts.webhookUrl());
            texts.accepted(p, sent);
            LOG.info(() -> "link " + p.linkId() + ": text " + textId + " taken by Twilio as " + sent.sid());
        } catch (TextGateway.Refused e) {
            texts.notSent(p, e.code(), e.getMessage(), null);
            if (e.code() == TextGateway.UNSUBSCRIBED && p.clientId() != null) {
                clients.optedOutAtProvider(p.clientId(), p.to()); // T6: Twilio knows they replied STOP
            }
            LOG.warning(() -> "link " + p.linkId() + ": Twilio refused text " + textId + ": " + e.code() + " " + e.getMessage());
        } catch (TextGateway.Unavailable e) {
            if (e.certainlyNotSent()) {
                texts.notSent(p, null, e.getMessage(), clock.instant().plus(config.duration(RETRY_AFTER, DEFAULT_RETRY_AFTER)));
            }
            // otherwise it may have gone: it stays SENDING, and the schedule asks Twilio after the lease
            LOG.warning(() -> "link " + p.linkId() + ": text " + textId + " not answered: " + e.getMessage());
        }
    }
}
