package com.paylink.platform;

import com.paylink.shared.BrokerSends;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One batch of the outbox relay (ADR 0013), in its own transaction: claims up to {@code max} of the oldest rows that
 * no other relay holds ({@code for update skip locked}: the relays of a cluster's nodes never take the same row), sends
 * each to its queue and deletes it. The sends and the delete commit together (one two-phase commit per batch, not per
 * message), so a row leaves the outbox exactly when the broker has its message; a crash in between leaves both or
 * neither (Narayana's recovery decides, as for any XA transaction).
 */
@Stateless
@PermitAll // the relay runs without a caller; it touches no business data
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxBatch {

    @PersistenceContext(unitName = "paylink")
    EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/OutboundMail")
    Queue outboundMail;

    @Resource(lookup = "java:/jms/queue/PaymentCompleted")
    Queue paymentCompleted;

    /** Relays one batch; answers each relayed row's wait (ms, from its insert to its send), oldest first. */
    @SuppressWarnings("unchecked")
    public List<Long> relay(int max) {
        List<Object[]> rows = em.createNativeQuery("""
                        select id, destination, body, properties,
                               cast(extract(epoch from clock_timestamp() - created_at) * 1000 as bigint)
                        from outbox where destination in (?2)
                        order by id limit ?1 for update skip locked""")
                .setParameter(1, max)
                .setParameter(2, Outbox.Destination.QUEUES)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(rows.size());
        List<Long> waits = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Queue to = switch (Outbox.Destination.of((String) row[1])) {
                case OUTBOUND_MAIL -> outboundMail;
                case PAYMENT_COMPLETED -> paymentCompleted;
            };
            BrokerSends.send(jms, to, message((String) row[2], (String) row[3]));
            ids.add(((Number) row[0]).longValue());
            waits.add(((Number) row[4]).longValue());
        }
        em.createNativeQuery("delete from outbox where id in (?1)").setParameter(1, ids).executeUpdate();
        return waits;
    }

    /** The backlog: how many rows wait, and for how long the oldest has (ms; 0 when none). */
    public long[] backlog() {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(cast(extract(epoch from clock_timestamp() - min(created_at)) * 1000 as bigint), 0)
                        from outbox""")
                .getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private TextMessage message(String body, String properties) {
        TextMessage message = jms.createTextMessage(body);
        try {
            JsonObject json = Outbox.JSON.createReader(new StringReader(properties)).readObject();
            for (Map.Entry<String, JsonValue> property : json.entrySet()) {
                if (property.getValue() instanceof JsonNumber number) {
                    message.setLongProperty(property.getKey(), number.longValueExact());
                } else {
                    message.setStringProperty(property.getKey(), ((JsonString) property.getValue()).getString());
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the message of an outbox row", e);
        }
        return message;
    }
}
