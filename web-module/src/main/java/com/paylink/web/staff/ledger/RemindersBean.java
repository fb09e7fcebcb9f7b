package com.paylink.web.staff.ledger;

import com.paylink.collection.boundary.BalanceReminders;
import com.paylink.ledger.boundary.ReminderPauseService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * Issue 24 (C3): the ledger's Balance reminders card: where the client's reminders stand, and staff with Billing pause
 * them (for the client or one invoice, with a reason) or resume them.
 */
@Named
@ViewScoped
public class RemindersBean implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The choice "every invoice of this client" in the pause form (an invoice is chosen by its id). */
    public static final Long ALL = 0L;

    @EJB
    BalanceReminders reminders;

    @EJB
    ReminderPauseService pauses;

    @EJB
    com.paylink.collection.boundary.Statements statements;

    private Long client;
    /** Read again after the view is restored (records are not kept in the view's state). */
    private transient BalanceReminders.State state;
    private Long target = ALL;
    private String reason;

    public BalanceReminders.State state(Long clientId) {
        if (clientId == null) {
            return null;
        }
        if (state == null || !clientId.equals(client)) {
            client = clientId;
            state = reminders.state(clientId);
        }
        return state;
    }

    public void pause() {
        try {
            if (target == null || ALL.equals(target)) {
                pauses.pauseClient(client, reason);
                Pages.info("reminders.paused.client");
            } else {
                pauses.pauseInvoice(target, reason);
                Pages.info("reminders.paused.invoice");
            }
            reason = null;
            target = ALL;
            state = reminders.state(client);
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void resumeClient() {
        pauses.resumeClient(client);
        Pages.info("reminders.resumed");
        state = reminders.state(client);
    }

    public void resumeInvoice(long invoiceId) {
        pauses.resumeInvoice(invoiceId);
        Pages.info("reminders.resumed");
        state = reminders.state(client);
    }

    /** C5: the client's statement with its QR code, downloaded; making it issues the link it carries. */
    public void statement() throws java.io.IOException {
        try {
            com.paylink.collection.boundary.Statements.Document document = statements.statement(client);
            jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
            jakarta.faces.context.ExternalContext response = faces.getExternalContext();
            response.responseReset();
            response.setResponseContentType(document.contentType());
            response.setResponseContentLength(document.content().length);
            response.setResponseHeader("Content-Disposition", "attachment; filename=\"" + document.fileName() + "\"");
            response.setResponseHeader("Cache-Control", "no-store");
            response.getResponseOutputStream().write(document.content());
            faces.responseComplete();
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public Long getTarget() {
        return target;
    }

    public void setTarget(Long target) {
        this.target = target;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getAll() {
        return ALL;
    }
}
