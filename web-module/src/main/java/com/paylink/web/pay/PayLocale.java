package com.paylink.web.pay;

import com.paylink.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.Iterator;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The payer's language: the first of the browser's languages that has its own bundle
 * ({@code messages_<lang>.properties}), else English. Adding a language needs only that bundle.
 */
@Named
@RequestScoped
public class PayLocale {

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = Locale.ENGLISH;
            Iterator<Locale> wanted = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
            while (wanted.hasNext()) {
                Locale candidate = wanted.next();
                if (candidate.getLanguage().equals("en") || hasBundle(candidate)) {
                    locale = candidate;
                    break;
                }
            }
        }
        return locale;
    }

    private static boolean hasBundle(Locale candidate) {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, candidate,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        return bundle.getLocale().getLanguage().equals(candidate.getLanguage());
    }
}
