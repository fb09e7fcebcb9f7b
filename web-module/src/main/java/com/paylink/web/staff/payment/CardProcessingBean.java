package com.paylink.web.staff.payment;

import com.paylink.payment.boundary.CardProcessingService;
import com.paylink.practice.boundary.PracticeService;
import com.paylink.payment.boundary.CardProcessingStatus;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.IOException;

/** The Admin's Card processing page and, in sandbox mode, the simulated onboarding page. */
@Named
@RequestScoped
public class CardProcessingBean {

    @EJB
    CardProcessingService cards;

    @EJB
    PracticeService practice;

    private CardProcessingStatus status;

    /** On arrival, and on coming back from the gateway's onboarding: the status as the gateway says it now. */
    public void load() {
        try {
            String from = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("from");
            status = from != null ? cards.refresh() : cards.status();
        } catch (BusinessException e) {
            Pages.error(null, e);
            status = cards.status();
        }
    }

    /** Set up (or continue) card processing: off to the gateway's onboarding. */
    public void start() throws IOException {
        try {
            FacesContext.getCurrentInstance().getExternalContext().redirect(cards.startOnboarding());
        } catch (BusinessException e) {
            Pages.error(null, e);
            status = cards.status();
        }
    }

    public void refresh() {
        try {
            status = cards.refresh();
            Pages.info("cards.refreshed");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    /** Reconcile now: what the webhooks missed is applied, and the run shows below. */
    public void reconcile() {
        try {
            status = cards.reconcileNow();
            Pages.info("cards.reconcile.done");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    private String contactPhone;
    private String contactEmail;

    /** P4: save how clients reach the practice; a refused value stays in the form with its message. */
    public void saveContact() {
        try {
            practice.changeContact(contactPhone, contactEmail);
            status = cards.status();
            Pages.info("cards.contact.saved");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public String getContactPhone() {
        if (contactPhone == null && !FacesContext.getCurrentInstance().isPostback()) {
            contactPhone = getStatus().contact().phone();
        }
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public String getContactEmail() {
        if (contactEmail == null && !FacesContext.getCurrentInstance().isPostback()) {
            contactEmail = getStatus().contact().email();
        }
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    /** Sandbox mode: finish the simulated onboarding and go back to the Card processing page. */
    public String completeSandbox() {
        try {
            cards.completeSandboxOnboarding();
            return CardProcessingService.PAGE + "?faces-redirect=true&from=onboarding";
        } catch (BusinessException e) {
            Pages.error(null, e);
            return null;
        }
    }

    public CardProcessingStatus getStatus() {
        if (status == null) {
            status = cards.status();
        }
        return status;
    }
}
