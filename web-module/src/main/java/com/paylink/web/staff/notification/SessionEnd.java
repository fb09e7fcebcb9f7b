package com.paylink.web.staff.notification;

import com.paylink.web.security.StaffAuthenticationMechanism;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** When a signed-in staff session ends, however it ends, its push sockets close with it. */
@WebListener
public class SessionEnd implements HttpSessionListener {

    @Inject
    InboxSockets sockets;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        StaffAuthenticationMechanism.signedIn(event.getSession()).ifPresent(sockets::sessionEnded);
    }
}
