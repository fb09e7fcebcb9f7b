package com.paylink.web.payer;

import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.web.common.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/**
 * The payer's language: the language staff chose for the link's client (L11), else the first of the browser's
 * languages, else English; only a language with its own page bundle ({@code messages_<lang>.properties}) counts.
 * Adding a language needs only its bundles. (The pages offer no language switch; one would come first.)
 */
@Named
@RequestScoped
public class PayLocale {

    @Inject
    PayerSessions payers;

    @EJB
    PayerLinkService links;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            locale = clientsLanguage((HttpServletRequest) external.getRequest())
                    .orElseGet(() -> browsersLanguage(external.getRequestLocales()));
        }
        return locale;
    }

    /** The same language outside a Faces request (a servlet of the payer's pages), for {@code request}. */
    public Locale of(HttpServletRequest request) {
        if (locale == null) {
            locale = clientsLanguage(request).orElseGet(() -> browsersLanguage(request.getLocales().asIterator()));
        }
        return locale;
    }

    /** L11: the chosen language of the client whose link this payer session opened, if the pages speak it. */
    private Optional<Locale> clientsLanguage(HttpServletRequest request) {
        return payers.find(request)
                .filter(payer -> payer.linkId() != null)
                .flatMap(payer -> payer.clientLanguage(() -> links.clientLanguage(payer.linkId())))
                .map(Locale::forLanguageTag)
                .filter(PayLocale::pagesSpeak);
    }

    private static Locale browsersLanguage(Iterator<Locale> wanted) {
        return Messages.firstSupported(wanted);
    }

    private static boolean pagesSpeak(Locale candidate) {
        return Messages.speaks(candidate);
    }

    /** The first of the browser's languages (best first) that the pages speak, else English. */
    static Locale of(Iterator<Locale> wanted) {
        return Messages.firstSupported(wanted);
    }
}
