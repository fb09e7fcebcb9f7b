package com.paylink.outbound.boundary;

import com.paylink.outbound.control.WebhookFacts;
import com.paylink.outbound.control.WebhookPayloads;
import com.paylink.outbound.control.WebhookSignature;
import com.paylink.outbound.entity.WebhookAttempt;
import com.paylink.outbound.entity.WebhookEndpoint;
import com.paylink.outbound.entity.WebhookEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * P9: makes events of new facts, and posts one event: signed, with a 10-second limit; a 2xx answer delivers it,
 * anything else (another status, no answer) is kept as an attempt and tried again later. Each call is its own
 * transaction, holding the event's row so two servers never post it at once.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int PER_ROUND = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    WebhookFacts facts;

    @Inject
    Clock clock;

    /** New facts become events (a fact another server made an event of at the same moment fails this batch only). */
    public void collect() {
        // one server at a time makes events: the others skip this round
        Boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('webhook-collect'))")
                .getSingleResult();
        if (Boolean.TRUE.equals(mine) && facts.anyEndpoint()) {
            Instant now = clock.instant();
            WebhookFacts.Found found = facts.unreported(now);
            for (WebhookFacts.Fact fact : found.facts()) {
                WebhookEvent event = new WebhookEvent(fact.practiceId(), fact.endpointId(), fact.type(), fact.source(),
                        "invoice:" + fact.invoiceId(), now);
                em.persist(event);
                em.flush(); // its id goes into its JSON
                event.payload(WebhookPayloads.payload(event, fact, facts.invoice(fact.invoiceId())));
            }
            facts.seenUntil(found.complete());
        }
    }

    /** Events due now whose earlier events of the same invoice are delivered, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Long> due() {
        return ((List<Number>) em.createNativeQuery("""
                        select w.id from webhook_event w join webhook_endpoint e on e.id = w.endpoint_id and e.active
                        where w.status = 'PENDING' and w.next_attempt_at <= ?1
                          and not exists (select 1 from webhook_event b where b.endpoint_id = w.endpoint_id
                                          and b.order_key = w.order_key and b.id < w.id and b.status = 'PENDING')
                        order by w.id""")
                .setParameter(1, clock.instant()).setMaxResults(PER_ROUND).getResultList())
                .stream().map(Number::longValue).toList();
    }

    public void deliver(long eventId) {
        @SuppressWarnings("unchecked")
        List<Number> locked = em.createNativeQuery(
                        "select id from webhook_event where id = ?1 and status = 'PENDING' for update skip locked")
                .setParameter(1, eventId).getResultList();
        if (locked.isEmpty()) {
            return; // delivered meanwhile, or another server is posting it
        }
        WebhookEvent event = em.find(WebhookEvent.class, eventId); // this transaction's first read of it: as committed
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, event.endpointId());
        Instant now = clock.instant();
        if (event.nextAttemptAt() == null || event.nextAttemptAt().isAfter(now) || !endpoint.isActive()) {
            return;
        }
        long started = System.nanoTime();
        Integer status = null;
        String outcome;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint.url()))
                            .timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Paylink-Webhooks/1")
                            .header(WebhookSignature.HEADER, WebhookSignature.header(endpoint.secret(), now.getEpochSecond(),
                                    event.payload()))
                            .POST(HttpRequest.BodyPublishers.ofString(event.payload(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            String body = response.body() == null ? "" : response.body().strip();
            outcome = "HTTP " + status + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) : body));
        } catch (IOException e) {
            outcome = "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        } catch (IllegalArgumentException e) {
            outcome = "the endpoint address cannot be used: " + e.getMessage();
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        Instant after = clock.instant();
        em.persist(new WebhookAttempt(event.id(), now, status, outcome, millis));
        if (status != null && status >= 200 && status < 300) {
            event.delivered(after);
        } else {
            event.failed(after);
            String what = outcome;
            LOG.info(() -> "webhook event " + event.id() + " of practice " + event.practiceId() + " not accepted (" + what
                    + "); " + (event.status() == WebhookEvent.Status.FAILED ? "given up" : "next try " + event.nextAttemptAt()));
        }
    }
}
