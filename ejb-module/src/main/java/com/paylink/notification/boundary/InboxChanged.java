package com.paylink.notification.boundary;

import java.util.Map;

/**
 * New notifications were written: each recipient's username with their unread count after the change. Fired
 * (as a CDI event) inside the transaction that wrote them; observers that tell browsers observe it after a
 * successful commit, so a count is never shown for notifications that were rolled back.
 */
public record InboxChanged(Map<String, Long> unreadByUsername) {

    public InboxChanged {
        unreadByUsername = Map.copyOf(unreadByUsername);
    }
}
