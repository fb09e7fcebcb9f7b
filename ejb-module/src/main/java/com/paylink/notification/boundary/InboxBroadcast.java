package com.paylink.notification.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * N9: a staff member's open pages hear of new notifications whichever server of a cluster wrote them. After the
 * notifying transaction commits, the new unread counts go to the topic {@code InboxChanged}; every server's
 * {@link InboxChangedListener} turns them into an {@link InboxPush} for the pages open there. Best effort, like the
 * push itself: a count that does not get through is shown at the page's next load (the inbox is in the database).
 */
@ApplicationScoped
public class InboxBroadcast {

    private static final Logger LOG = Logger.getLogger(InboxBroadcast.class.getName());

    // a context of its own per broadcast, not an injected one: this observer runs after the commit, often on the
    // broker's thread that completed an MDB's transaction, where the injected context's java:comp lookups fail
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory factory;

    @Resource(lookup = "java:/jms/topic/InboxChanged")
    Topic topic;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxChanged change) {
        try (JMSContext jms = factory.createContext()) {
            jms.createProducer().send(topic, write(change.unreadByUsername()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unread counts not broadcast (the pages show them at their next load)", e);
        }
    }

    /** One {@code username<TAB>count} line per recipient (usernames never hold a tab or a line break). */
    static String write(Map<String, Long> unread) {
        return unread.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, Long> read(String body) {
        return body.lines().filter(l -> l.indexOf('\t') > 0)
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('\t')),
                        l -> Long.parseLong(l.substring(l.indexOf('\t') + 1)), (a, b) -> b));
    }
}
