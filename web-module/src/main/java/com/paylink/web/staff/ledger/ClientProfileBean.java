package com.paylink.web.staff.ledger;

import com.paylink.ledger.boundary.ClientProfile;
import com.paylink.ledger.boundary.LedgerService;
import com.paylink.shared.BusinessException;
import com.paylink.shared.Languages;
import com.paylink.shared.NotFoundException;
import com.paylink.web.common.Pages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.List;
import java.util.Locale;

/** The Client Profile page: read-only, but for the client's preferred language (L11, Billing staff and Admins). */
@Named
@RequestScoped
public class ClientProfileBean {

    @EJB
    LedgerService ledger;

    @EJB
    com.paylink.ledger.boundary.ClientTextingService texting;

    private String id;
    private ClientProfile profile;
    private String language;
    private com.paylink.ledger.boundary.ClientTextProfile textProfile;
    private String mobile;
    private String consentChoice;

    /** One offered language for the page's list: its tag and its name. */
    public record LanguageOption(String tag, String label) {
    }

    public void load() {
        Long key = Pages.id(id);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            profile = ledger.clientProfile(key);
        } catch (NotFoundException e) {
            Pages.notFound();
        }
    }

    /** L11: saves the chosen language (blank: not chosen); the boundary checks who may and what is offered. */
    public void saveLanguage() {
        Long key = Pages.id(id);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            profile = ledger.changeLanguage(key, language);
            Pages.info("client.language.saved", getLanguageLabel());
        } catch (NotFoundException e) {
            Pages.notFound();
        } catch (BusinessException e) {
            Pages.error(null, e);
            profile = ledger.clientProfile(key);
            language = profile.language();
        }
    }

    /** Issue 23 (T1): the Text messages card: the number and consent as they are now, with the history. */
    public com.paylink.ledger.boundary.ClientTextProfile getTextProfile() {
        Long key = Pages.id(id);
        if (textProfile == null && key != null) {
            textProfile = texting.profile(key);
        }
        return textProfile;
    }

    /** T1: saves the number and the consent; the boundary checks who may, the number, and records the history. */
    public void saveTexting() {
        Long key = Pages.id(id);
        if (key == null) {
            Pages.notFound();
            return;
        }
        try {
            textProfile = texting.change(key, mobile, consentChoice == null || consentChoice.isBlank() ? null
                    : com.paylink.ledger.boundary.ClientTextingService.ConsentChoice.valueOf(consentChoice));
            mobile = null;
            consentChoice = null;
            Pages.info("client.texting.saved");
        } catch (NotFoundException e) {
            Pages.notFound();
        } catch (BusinessException e) {
            Pages.error(null, e);
        } catch (IllegalArgumentException e) {
            Pages.notFound(); // a consent choice the page never offers
        }
    }

    /** The choice the form shows: what is on record now (a page after a refused save keeps what was typed). */
    public String getConsentChoice() {
        if (consentChoice == null && !FacesContext.getCurrentInstance().isPostback() && getTextProfile() != null) {
            consentChoice = getTextProfile().choice();
        }
        return consentChoice;
    }

    public void setConsentChoice(String consentChoice) {
        this.consentChoice = consentChoice;
    }

    public String getMobile() {
        if (mobile == null && !FacesContext.getCurrentInstance().isPostback() && getTextProfile() != null) {
            mobile = getTextProfile().mobileShown();
        }
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    /** The consent choices staff can record, in the page's order. */
    public List<String> getConsentChoices() {
        return java.util.Arrays.stream(com.paylink.ledger.boundary.ClientTextingService.ConsentChoice.values()).map(Enum::name).toList();
    }

    /** The languages clients can be written to in: those with bundles. */
    public List<LanguageOption> getLanguages() {
        Locale shownIn = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return Languages.offered().stream()
                .map(l -> new LanguageOption(l.toLanguageTag(), Languages.label(l, shownIn)))
                .toList();
    }

    /** "Spanish (español)", or "Not chosen (English)". */
    public String getLanguageLabel() {
        String tag = getProfile() == null ? null : getProfile().language();
        if (tag == null) {
            return Pages.text("client.language.notChosen");
        }
        return Languages.label(Languages.resolve(tag), FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    public String getLanguage() {
        if (language == null && profile != null && !FacesContext.getCurrentInstance().isPostback()) {
            language = profile.language();
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** After a post the action sets it; if the post never reached the action (a refused value), it is read again. */
    public ClientProfile getProfile() {
        Long key = Pages.id(id);
        if (profile == null && key != null && FacesContext.getCurrentInstance().isPostback()) {
            profile = ledger.clientProfile(key);
        }
        return profile;
    }
}
