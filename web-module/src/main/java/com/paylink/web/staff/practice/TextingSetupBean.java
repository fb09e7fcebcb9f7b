package com.paylink.web.staff.practice;

import com.paylink.practice.boundary.TextingSetup;
import com.paylink.practice.boundary.TextingSetupService;
import com.paylink.shared.BusinessException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Issue 23 (T5): Admin > Text messages: the practice's sender, its texting name, its registration, a test text. */
@Named
@RequestScoped
public class TextingSetupBean {

    @EJB
    TextingSetupService texting;

    private TextingSetup view;
    private String serviceSid;
    private String textingName;
    private String testNumber;

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback()) {
            fill(getView());
        }
    }

    public void save() {
        try {
            view = texting.save(serviceSid, textingName);
            fill(view);
            Pages.info("texting.saved");
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    public void checkRegistration() {
        view = texting.checkRegistration();
        fill(view);
    }

    public void sendTest() {
        try {
            Pages.info("texting.test.sent", texting.sendTest(testNumber));
        } catch (BusinessException e) {
            Pages.error(null, e);
        }
    }

    private void fill(TextingSetup setup) {
        serviceSid = setup.serviceSid();
        textingName = setup.textingName();
    }

    public TextingSetup getView() {
        if (view == null) {
            view = texting.view();
        }
        return view;
    }

    public String getServiceSid() {
        return serviceSid;
    }

    public void setServiceSid(String serviceSid) {
        this.serviceSid = serviceSid;
    }

    public String getTextingName() {
        return textingName;
    }

    public void setTextingName(String textingName) {
        this.textingName = textingName;
    }

    public String getTestNumber() {
        return testNumber;
    }

    public void setTestNumber(String testNumber) {
        this.testNumber = testNumber;
    }
}
