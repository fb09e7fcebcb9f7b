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

    private String id;
    private ClientProfile profile;
    private String language;

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
