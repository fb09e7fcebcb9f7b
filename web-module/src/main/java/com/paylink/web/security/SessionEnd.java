package com.paylink.web.security;

import com.paylink.web.staff.push.InboxSockets;
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
        if (event.getSession().getAttribute(StaffAuthenticationMechanism.SESSION_IDENTITY)
                instanceof StaffAuthenticationMechanism.SignedIn signedIn) {
            sockets.sessionEnded(signedIn.name());
        }
    }
}
