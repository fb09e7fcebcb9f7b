package com.paylink.web.demo;

import com.paylink.demo.DemoPhone;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 23: the demo phone: every text the demo's local Twilio carried, newest first, with its links clickable, and a
 * form to reply from a client's number (delivered to Paylink's webhook, signed). Answers 404 outside demo mode.
 */
@Named
@RequestScoped
public class PhoneBean {

    private static final Pattern URL = Pattern.compile("https?://\\S+");

    @EJB
    DemoPhone phone;

    private List<DemoPhone.Text> messages;
    private String from = "+12015550123";
    private String body;

    public void load() {
        if (!phone.isRunning()) {
            Pages.notFound();
            return;
        }
        try {
            messages = phone.messages();
        } catch (java.io.UncheckedIOException e) {
            messages = List.of();
            Pages.error(null, "phone.unreachable", e.getMessage());
        }
    }

    public void reply() {
        if (!phone.isRunning()) {
            Pages.notFound();
            return;
        }
        try {
            int status = phone.reply(from == null ? "" : from.strip(), body == null ? "" : body);
            Pages.info("phone.reply.sent", status);
            body = null;
        } catch (DemoPhone.Refused e) {
            Pages.error(null, "phone.reply.refused", e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            Pages.error(null, "phone.unreachable", e.getMessage());
        }
        messages = phone.messages();
    }

    /** The link a text carries, if any, to open it as a phone would. */
    public String link(DemoPhone.Text sms) {
        Matcher m = URL.matcher(sms.body() == null ? "" : sms.body());
        return m.find() ? m.group() : null;
    }

    public List<DemoPhone.Text> getMessages() {
        return messages;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
