package com.paylink.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo mailbox lists every mail newest first, whoever it went to, and a mail's number never shifts. */
class DemoMailCatcherTest {

    private GreenMail greenMail;
    private DemoMailCatcher catcher;
    private ServerSetup smtp;

    @BeforeEach
    void start() {
        smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        greenMail = new GreenMail(smtp);
        greenMail.start();
        catcher = new DemoMailCatcher();
        catcher.server = greenMail;
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private void send(String to, String subject) throws InterruptedException {
        GreenMailUtil.sendTextEmail(to, "billing@riverside-counseling.example", subject, "body",
                greenMail.getSmtp().getServerSetup());
        Thread.sleep(5); // arrival times a few milliseconds apart, as real mail is
    }

    @Test
    void newestFirstAcrossRecipients_andNumbersStay() throws Exception {
        send("a@example.com", "first");
        send("b@example.com", "second");
        send("a@example.com", "third");

        List<CaughtMail> before = catcher.messages();
        assertThat(before).extracting(CaughtMail::subject).containsExactly("third", "second", "first");
        assertThat(before).extracting(CaughtMail::index).containsExactly(3, 2, 1);

        send("b@example.com", "fourth");
        List<CaughtMail> after = catcher.messages();
        assertThat(after).extracting(CaughtMail::subject).containsExactly("fourth", "third", "second", "first");
        assertThat(after).extracting(CaughtMail::index).containsExactly(4, 3, 2, 1);
        assertThat(after.get(0).receivedAt()).isAfterOrEqualTo(after.get(1).receivedAt());
    }
}
