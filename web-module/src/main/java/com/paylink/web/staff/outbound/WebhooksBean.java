package com.paylink.web.staff.outbound;

import com.paylink.outbound.boundary.WebhookPage;
import com.paylink.outbound.boundary.WebhookService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** P9: Admin > Webhooks: the endpoint, its secret, and the events with their deliveries. The rules are the boundary's. */
@Named
@RequestScoped
public class WebhooksBean {

    @EJB
    WebhookService webhooks;

    private WebhookPage page;
    private String url;

    public WebhookPage getPage() {
        if (page == null) {
            page = webhooks.page();
        }
        return page;
    }

    public String getUrl() {
        if (url == null && getPage().endpoint() != null) {
            url = getPage().endpoint().url();
        }
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void save() {
        try {
            page = webhooks.register(url);
            Pages.info("webhooks.saved");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void rotate() {
        try {
            page = webhooks.rotateSecret();
            Pages.info("webhooks.rotated");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void turnOff() {
        try {
            page = webhooks.turnOff();
            url = null;
            Pages.info("webhooks.off");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void resend(long eventId) {
        try {
            page = webhooks.resend(eventId);
            Pages.info("webhooks.resent");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }
}
