package com.paylink.web.staff.notification;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * {@code /staff/push}: a signed-in staff member's page listens here for their new unread count. The handshake
 * is a request under /staff/, so the authentication mechanism has already let only signed-in staff through
 * (and does not count it as activity); the socket only ever receives.
 */
@ServerEndpoint(InboxSocket.PATH)
public class InboxSocket {

    public static final String PATH = "/staff/push";

    @Inject
    InboxSockets sockets;

    @OnOpen
    public void open(Session socket) throws IOException {
        if (username(socket) == null) {
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return;
        }
        socket.setMaxIdleTimeout(0);
        sockets.opened(socket);
    }

    @OnClose
    public void close(Session socket) {
        sockets.closed(socket);
    }

    @OnError
    public void error(Session socket, Throwable problem) {
        sockets.closed(socket);
    }

    /** Who opened the socket: the principal of its authenticated handshake. */
    static String username(Session socket) {
        return socket.getUserPrincipal() == null ? null : socket.getUserPrincipal().getName();
    }
}
