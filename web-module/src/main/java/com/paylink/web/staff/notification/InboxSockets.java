package com.paylink.web.staff.notification;

import com.paylink.notification.boundary.InboxPush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The staff pages' open WebSockets on this server, by username. When notifications are committed (on any server of
 * a cluster: InboxPush), each recipient's open pages get the new unread count; the browser updates the bell from the message alone, so no request follows
 * and a push never keeps an idle session alive (S1). A socket closes with the HTTP session it was opened in.
 */
@ApplicationScoped
public class InboxSockets {

    private static final Logger LOG = Logger.getLogger(InboxSockets.class.getName());

    private final Set<Session> open = ConcurrentHashMap.newKeySet();

    void opened(Session socket) {
        open.add(socket);
    }

    void closed(Session socket) {
        open.remove(socket);
    }

    void onInboxPush(@Observes InboxPush change) {
        for (Session socket : open) {
            Long unread = change.unreadByUsername().get(InboxSocket.username(socket));
            if (unread != null && socket.isOpen()) {
                socket.getAsyncRemote().sendText("{\"unread\":" + unread + "}");
            }
        }
    }

    /**
     * A session of {@code username} ended (sign-out, idle sign-out, expiry): their sockets close too. A page of
     * theirs still signed in elsewhere opens its socket again (staff-session.js).
     */
    public void sessionEnded(String username) {
        for (Session socket : open) {
            if (username.equals(InboxSocket.username(socket))) {
                try {
                    socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out"));
                } catch (IOException e) {
                    LOG.log(Level.FINE, "closing a staff socket", e);
                }
                open.remove(socket);
            }
        }
    }
}
