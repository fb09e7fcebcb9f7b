package com.paylink.web.demo;

import com.paylink.demo.CaughtMail;
import com.paylink.demo.DemoMailCatcher;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** The demo mailbox: what the embedded mail catcher received. Answers 404 outside demo mode. */
@Named
@RequestScoped
public class MailboxBean {

    @EJB
    DemoMailCatcher catcher;

    private List<CaughtMail> messages;
    private Integer selected;

    public void load() {
        if (!catcher.isRunning()) {
            Pages.notFound();
            return;
        }
        messages = catcher.messages();
    }

    public List<CaughtMail> getMessages() {
        return messages;
    }

    public CaughtMail getSelectedMail() {
        if (selected == null || messages == null) {
            return messages == null || messages.isEmpty() ? null : messages.get(0);
        }
        return messages.stream().filter(m -> m.index() == selected).findFirst().orElse(null);
    }

    /**
     * The selected mail's HTML for the sandboxed frame, with links opening in a new tab: the payment
     * pages refuse to be framed (frame-ancestors 'none').
     */
    public String getSelectedHtml() {
        CaughtMail mail = getSelectedMail();
        if (mail == null || mail.html().isEmpty()) {
            return "";
        }
        return "<base target=\"_blank\">" + mail.html();
    }

    public Integer getSelected() {
        return selected;
    }

    public void setSelected(Integer selected) {
        this.selected = selected;
    }
}
