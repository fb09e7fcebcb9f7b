package com.paylink.outbound.boundary;

import com.paylink.identity.control.CallerLookup;
import com.paylink.identity.entity.Permission;
import com.paylink.identity.entity.Staff;
import com.paylink.outbound.control.WebhookSignature;
import com.paylink.outbound.entity.WebhookAttempt;
import com.paylink.outbound.entity.WebhookEndpoint;
import com.paylink.outbound.entity.WebhookEvent;
import com.paylink.platform.PaylinkConfig;
import com.paylink.shared.NotFoundException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * P9 (issue 27): a practice's Admins register where its events go, read the signing secret, rotate it, turn the
 * endpoint off, see each event's deliveries and send one again. Admins only, checked here against the database.
 */
@Stateless
@RolesAllowed(Permission.ADMIN_ROLE)
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());
    /** A test or demo server may post to its own machine (plain http on loopback); a real one only over https. */
    public static final String ALLOW_LOOPBACK = "paylink.webhooks.allow-loopback";
    static final int SHOWN = 50;

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    CallerLookup caller;

    @Inject
    PaylinkConfig config;

    @Inject
    Clock clock;

    public WebhookPage page() {
        Staff me = caller.requiring(Permission.ADMIN);
        long practice = me.practice().id();
        Optional<WebhookEndpoint> endpoint = active(practice);
        List<WebhookEvent> events = em.createQuery("select e from WebhookEvent e where e.practiceId = :p order by e.id desc",
                        WebhookEvent.class)
                .setParameter("p", practice).setMaxResults(SHOWN).getResultList();
        Map<Long, WebhookAttempt> last = new HashMap<>();
        if (!events.isEmpty()) {
            em.createQuery("select a from WebhookAttempt a where a.eventId in :ids order by a.id", WebhookAttempt.class)
                    .setParameter("ids", events.stream().map(WebhookEvent::id).toList())
                    .getResultStream().forEach(a -> last.put(a.eventId(), a));
        }
        return new WebhookPage(endpoint.map(e -> new WebhookPage.Endpoint(e.url(), e.secret(), e.createdAt())).orElse(null),
                events.stream().map(e -> {
                    WebhookAttempt a = last.get(e.id());
                    return new WebhookPage.EventRow(e.id(), e.type(), e.createdAt(), e.status().name(), e.attempts(),
                            e.nextAttemptAt(), a == null ? null : a.attemptedAt(), a == null ? null : a.statusCode(),
                            a == null ? null : a.outcome());
                }).toList());
    }

    /**
     * Registers the practice's endpoint, or moves it to {@code url} (events not yet delivered follow it). Events are
     * made for what happens from the first registration on.
     *
     * @throws WebhookRefused when the address is not an https URL (or, on a test or demo server, a loopback http one)
     */
    public WebhookPage register(String url) {
        Staff me = caller.requiring(Permission.ADMIN);
        String address = checked(url);
        Optional<WebhookEndpoint> current = active(me.practice().id());
        if (current.isPresent()) {
            current.get().movedTo(address);
        } else {
            em.persist(new WebhookEndpoint(me.practice().id(), address, WebhookSignature.newSecret(), clock.instant(), me.id()));
        }
        LOG.info(() -> "practice " + me.practice().id() + ": webhook endpoint set by staff " + me.id());
        em.flush();
        return page();
    }

    /** A new signing secret; the old one stops at once. */
    public WebhookPage rotateSecret() {
        Staff me = caller.requiring(Permission.ADMIN);
        WebhookEndpoint endpoint = active(me.practice().id()).orElseThrow(() -> new WebhookRefused("webhook-none"));
        endpoint.secretRotated(WebhookSignature.newSecret());
        LOG.info(() -> "practice " + me.practice().id() + ": webhook secret rotated by staff " + me.id());
        return page();
    }

    /** No more events are made or sent; registering again starts afresh. */
    public WebhookPage turnOff() {
        Staff me = caller.requiring(Permission.ADMIN);
        WebhookEndpoint endpoint = active(me.practice().id()).orElseThrow(() -> new WebhookRefused("webhook-none"));
        endpoint.turnedOff();
        LOG.info(() -> "practice " + me.practice().id() + ": webhook endpoint turned off by staff " + me.id());
        em.flush();
        return page();
    }

    /** Sends the event again now (after its earlier events of the same invoice). */
    public WebhookPage resend(long eventId) {
        Staff me = caller.requiring(Permission.ADMIN);
        WebhookEvent event = em.find(WebhookEvent.class, eventId);
        if (event == null || event.practiceId() != me.practice().id()) {
            throw new NotFoundException("event", eventId);
        }
        event.resend(clock.instant());
        return page();
    }

    private Optional<WebhookEndpoint> active(long practice) {
        return em.createQuery("select e from WebhookEndpoint e where e.practiceId = :p and e.active = true", WebhookEndpoint.class)
                .setParameter("p", practice).getResultStream().findFirst();
    }

    private String checked(String url) {
        String text = url == null ? "" : url.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
            boolean mayLoopback = config.flag(ALLOW_LOOPBACK) || config.flag(PaylinkConfig.DEMO);
            if (text.length() > 2000 || host.isEmpty() || uri.getUserInfo() != null || uri.getFragment() != null) {
                throw new WebhookRefused("webhook-url-invalid", text);
            }
            if (scheme.equals("https") && !loopback) {
                return text;
            }
            if (loopback && mayLoopback && (scheme.equals("http") || scheme.equals("https"))) {
                return text;
            }
            throw new WebhookRefused(loopback ? "webhook-url-loopback" : "webhook-url-https", text);
        } catch (URISyntaxException e) {
            throw new WebhookRefused("webhook-url-invalid", text);
        }
    }
}
