package com.paylink.web.staff.practice;

import com.paylink.practice.boundary.PracticeService;
import com.paylink.practice.boundary.PracticeSettingsView;
import com.paylink.practice.entity.EmailFrom;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.math.BigDecimal;

/** The Admin's Practice settings page (P5): the form holds what was typed; the service decides. */
@Named
@RequestScoped
public class PracticeSettingsBean {

    @EJB
    PracticeService settings;

    private PracticeSettingsView view;
    private Integer linkLifetimeHours;
    private boolean partialPaymentsAllowed;
    private BigDecimal partialMinimum;
    private boolean reminderEnabled;
    private Integer reminderHoursBefore;
    private EmailFrom emailFrom;
    private boolean bankDebitEnabled;

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            fill(getView().values());
        }
    }

    /** Saves all settings at once; a refused value stays in the form with its message, nothing saved. */
    public void save() {
        try {
            view = settings.save(new PracticeSettingsView.Values(linkLifetimeHours, partialPaymentsAllowed, partialMinimum,
                    reminderEnabled, reminderHoursBefore, emailFrom, bankDebitEnabled));
            fill(view.values());
            Pages.info("settings.saved");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    private void fill(PracticeSettingsView.Values values) {
        linkLifetimeHours = values.linkLifetimeHours();
        partialPaymentsAllowed = values.partialPaymentsAllowed();
        partialMinimum = values.partialMinimum();
        reminderEnabled = values.reminderEnabled();
        reminderHoursBefore = values.reminderHoursBefore();
        emailFrom = values.emailFrom();
        bankDebitEnabled = values.bankDebitEnabled();
    }

    public boolean isBankDebitEnabled() {
        return bankDebitEnabled;
    }

    public void setBankDebitEnabled(boolean bankDebitEnabled) {
        this.bankDebitEnabled = bankDebitEnabled;
    }

    public PracticeSettingsView getView() {
        if (view == null) {
            view = settings.view();
        }
        return view;
    }

    /** A recorded value as staff read it: On/Off, hours, the From choice's label. */
    public String valueLabel(String setting, String value) {
        return switch (setting) {
            case "partialPaymentsAllowed", "reminderEnabled", "bankDebitEnabled", "balanceRemindersEnabled" -> Pages.text("true".equals(value) ? "settings.on" : "settings.off");
            case "emailFrom" -> Pages.text("settings.from." + value);
            case "linkLifetimeHours", "reminderHoursBefore" -> Pages.text("settings.hours", value);
            default -> value;
        };
    }

    public EmailFrom[] getEmailFromChoices() {
        return EmailFrom.values();
    }

    public Integer getLinkLifetimeHours() {
        return linkLifetimeHours;
    }

    public void setLinkLifetimeHours(Integer linkLifetimeHours) {
        this.linkLifetimeHours = linkLifetimeHours;
    }

    public boolean isPartialPaymentsAllowed() {
        return partialPaymentsAllowed;
    }

    public void setPartialPaymentsAllowed(boolean partialPaymentsAllowed) {
        this.partialPaymentsAllowed = partialPaymentsAllowed;
    }

    public BigDecimal getPartialMinimum() {
        return partialMinimum;
    }

    public void setPartialMinimum(BigDecimal partialMinimum) {
        this.partialMinimum = partialMinimum;
    }

    public boolean isReminderEnabled() {
        return reminderEnabled;
    }

    public void setReminderEnabled(boolean reminderEnabled) {
        this.reminderEnabled = reminderEnabled;
    }

    public Integer getReminderHoursBefore() {
        return reminderHoursBefore;
    }

    public void setReminderHoursBefore(Integer reminderHoursBefore) {
        this.reminderHoursBefore = reminderHoursBefore;
    }

    public EmailFrom getEmailFrom() {
        return emailFrom;
    }

    public void setEmailFrom(EmailFrom emailFrom) {
        this.emailFrom = emailFrom;
    }
}
