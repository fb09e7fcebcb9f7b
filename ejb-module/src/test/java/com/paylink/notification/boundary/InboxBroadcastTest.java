package com.paylink.notification.boundary;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** N9: the unread counts cross the topic as they were committed. */
class InboxBroadcastTest {

    @Test
    void unreadCountsSurviveTheTopic() {
        Map<String, Long> unread = new LinkedHashMap<>();
        unread.put("admin", 3L);
        unread.put("dr.smith@riverside", 12L);
        assertThat(InboxBroadcast.read(InboxBroadcast.write(unread))).isEqualTo(unread);
        assertThat(InboxBroadcast.read("")).isEmpty();
    }
}
