package com.paylink.texting.control;

import com.paylink.mail.boundary.MailQueue;
import com.paylink.texting.entity.TextMessage;
import com.paylink.texting.entity.TextStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 23: the one writer of text messages, in the caller's transaction. A text is asked for once per idempotency
 * key; one that may go now is requested on the outbound queue (through the outbox, so only after the asking
 * transaction commits); one held by quiet hours waits for the schedule.
 */
@Dependent
public class Texts {

    /** The {@code kind} of request for a text on the outbound queue; the request carries only the text's id. */
    public static final String REQUEST_KIND = "text";
    public static final String TEXT_ID = "textId";

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    MailQueue queue;

    @Inject
    com.paylink.platform.Outbox outbox;

    /** The text for this key: the one asked for before, or a new one (requested now if it may go now). */
    public TextMessage ask(long practiceId, Long clientId, Long linkId, TextMessage.Kind kind, String to, String language,
                           Instant notBefore, Long staffId, Instant now, String key) {
        Optional<TextMessage> earlier = byKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        TextMessage text = new TextMessage(practiceId, clientId, linkId, kind, to, language, notBefore, staffId, now, key);
        em.persist(text);
        em.flush();
        if (!notBefore.isAfter(now)) {
            request(text.id());
        }
        return text;
    }

    /** T5: the Admin's test text, recorded as it is sent right away by the caller (never queued). */
    public TextMessage test(long practiceId, String to, String body, Long staffId, Instant now) {
        TextMessage text = new TextMessage(practiceId, null, null, TextMessage.Kind.TEST, to, null, now, staffId, now,
                "test-" + java.util.UUID.randomUUID());
        em.persist(text);
        text.sending(body, SmsSegments.count(body).segments(), now);
        return text;
    }

    /** Puts the text's request on the outbound queue (after the caller's commit). */
    private void request(long textId) {
        queue.enqueue(REQUEST_KIND, Map.of(TEXT_ID, String.valueOf(textId)));
    }

    public Optional<TextMessage> byKey(String key) {
        return em.createQuery("select t from TextMessage t where t.idempotencyKey = :k", TextMessage.class)
                .setParameter("k", key).getResultStream().findFirst();
    }

    /** The text, locked for the rest of the caller's transaction (one sender at a time). */
    public Optional<TextMessage> locked(long textId) {
        return Optional.ofNullable(em.find(TextMessage.class, textId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<TextMessage> find(long textId) {
        return Optional.ofNullable(em.find(TextMessage.class, textId));
    }

    public Optional<TextMessage> bySid(String sid) {
        return em.createQuery("select t from TextMessage t where t.providerSid = :s", TextMessage.class)
                .setParameter("s", sid).getResultStream().findFirst();
    }

    /** Held texts whose time has come, and texts whose sending was never answered (after {@code lease}), claimed. */
    public List<Long> due(Instant now, Instant unansweredBefore, int max) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                        select id from text_message
                        where (status = 'SCHEDULED' and not_before <= ?1 and (attempt_started_at is null or attempt_started_at < ?2))
                           or (status = 'SENDING' and attempt_started_at < ?2)
                        order by not_before limit ?3 for update skip locked""")
                .setParameter(1, now.atOffset(java.time.ZoneOffset.UTC)).setParameter(2, unansweredBefore.atOffset(java.time.ZoneOffset.UTC)).setParameter(3, max)
                .getResultList();
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        if (!claimed.isEmpty()) {
            // marks the held ones requested, so the next run does not request them again while the queue holds them
            em.createNativeQuery("update text_message set attempt_started_at = ?1 where id in (?2) and status = 'SCHEDULED'")
                    .setParameter(1, now.atOffset(java.time.ZoneOffset.UTC)).setParameter(2, claimed).executeUpdate();
        }
        claimed.forEach(this::request);
        return claimed;
    }

    /** The texts of a link, newest first. */
    public List<TextMessage> ofLink(long linkId) {
        return em.createQuery("select t from TextMessage t where t.linkId = :l order by t.requestedAt desc, t.id desc",
                TextMessage.class).setParameter("l", linkId).getResultList();
    }

    /** T6: tells the inbox (through the outbox, after the caller's commit) that the text was not sent or delivered. */
    public void tellFailed(TextMessage text) {
        if (text.linkId() == null) {
            return; // a test text: its Admin saw the answer on the page
        }
        com.paylink.shared.PaymentEventMessage event = new com.paylink.shared.PaymentEventMessage(
                com.paylink.shared.PaymentEventMessage.Kind.TEXT_FAILED, text.id(), null, text.linkId(), null, null, null, null);
        outbox.add(com.paylink.platform.Outbox.Destination.PAYMENT_COMPLETED, event.text(), event.properties());
    }

    /** The sender took the text (the text is changed here, where text rows are written). */
    public void sending(TextMessage text, String bodyShown, int segments, Instant now) {
        text.sending(bodyShown, segments, now);
    }

    /** T4: held until {@code at}. */
    public void held(TextMessage text, Instant at, Instant now) {
        text.heldUntil(at, now);
    }

    public void accepted(TextMessage text, String sid, String providerStatus, Instant now) {
        text.accepted(sid, TextStatus.ofProvider(providerStatus).orElse(TextStatus.ACCEPTED), now);
    }

    public void refused(TextMessage text, Integer code, String reason, Instant now) {
        text.refused(code, reason, now);
    }

    public void failed(TextMessage text, Integer code, String reason, Instant now) {
        text.failed(code, reason, now);
    }

    public void cancelled(TextMessage text, String reason, Instant now) {
        text.cancelled(reason, now);
    }
}
