package com.paylink.web.staff.practice;

import com.paylink.practice.boundary.BalanceReminderSettings;
import com.paylink.practice.boundary.PracticeService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Issue 24 (C1): Practice settings > Balance reminders: on or off, and the days after the first link. */
@Named
@RequestScoped
public class BalanceRemindersBean {

    @EJB
    PracticeService practice;

    private BalanceReminderSettings view;
    private boolean enabled;
    private String days;
    private Integer statementDays;
    private Integer batchMax;

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            fill(getView());
        }
    }

    public void save() {
        try {
            view = practice.saveBalanceReminders(enabled, days, statementDays, batchMax);
            fill(view);
            Pages.info(enabled ? "reminders.settings.savedOn" : "reminders.settings.savedOff", view.days());
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    private void fill(BalanceReminderSettings settings) {
        enabled = settings.enabled();
        days = settings.days();
        statementDays = settings.statementDays();
        batchMax = settings.batchMax();
    }

    public Integer getBatchMax() {
        return batchMax;
    }

    public void setBatchMax(Integer batchMax) {
        this.batchMax = batchMax;
    }

    public Integer getStatementDays() {
        return statementDays;
    }

    public void setStatementDays(Integer statementDays) {
        this.statementDays = statementDays;
    }

    public BalanceReminderSettings getView() {
        if (view == null) {
            view = practice.balanceReminders();
        }
        return view;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDays() {
        return days;
    }

    public void setDays(String days) {
        this.days = days;
    }
}
