package com.paylink.notification.boundary;

import java.util.Map;

/**
 * Unread counts to show now in the staff pages open on this server: fired by {@link InboxBroadcast}'s listener on
 * every server of a cluster for each committed {@link InboxChanged}, wherever it was committed.
 */
public record InboxPush(Map<String, Long> unreadByUsername) {

    public InboxPush {
        unreadByUsername = Map.copyOf(unreadByUsername);
    }
}
