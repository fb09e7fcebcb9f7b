package com.paylink.web.staff.notification;

import com.paylink.notification.boundary.NotificationRow;
import com.paylink.notification.boundary.NotificationService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The unread count on every staff page (refreshed by a poll) and the inbox page. */
@Named("inbox")
@RequestScoped
public class InboxBean {

    @EJB
    NotificationService notifications;

    private Long unread;
    private List<NotificationRow> rows;

    public long getUnreadCount() {
        if (unread == null) {
            unread = notifications.unreadCount();
        }
        return unread;
    }

    public List<NotificationRow> getNotifications() {
        if (rows == null) {
            rows = notifications.inbox();
        }
        return rows;
    }

    public void markRead(Long id) {
        notifications.markRead(id);
        refresh();
    }

    public void markAllRead() {
        notifications.markAllRead();
        refresh();
    }

    /** Forgets what this request read, so the next render shows the current state. */
    public void refresh() {
        unread = null;
        rows = null;
    }
}
