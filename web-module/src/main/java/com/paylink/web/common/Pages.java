package com.paylink.web.common;

import com.paylink.shared.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The few things every backing bean does the same way: messages from the bundle, 404 responses. */
public final class Pages {

    /** Where the payer's pages are (every view under it is the payer's). */
    public static final String PAYER_PAGES = "/checkout/";

    private Pages() {
    }

    /** The texts of the page's audience: the payer's for the payment pages, the staff's for every other page. */
    public static Messages messages() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces.getViewRoot() == null) {
            return Messages.staff(faces.getApplication().getDefaultLocale());
        }
        String view = faces.getViewRoot().getViewId();
        return view != null && view.startsWith(PAYER_PAGES)
                ? Messages.payer(faces.getViewRoot().getLocale()) : Messages.staff(faces.getViewRoot().getLocale());
    }

    public static String text(String key, Object... args) {
        return messages().text(key, args);
    }

    /** Shows a broken business rule's own message. */
    public static void error(String clientId, BusinessException e) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, messages().of(e), null));
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, null, key, args);
    }

    public static void error(String clientId, String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, clientId, key, args);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String key, Object... args) {
        String summary = text(key, args);
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, null));
    }

    /** A record id from a URL parameter, or null when it is missing or not a positive number. */
    public static Long id(String value) {
        if (value == null || value.isBlank() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long id = Long.parseLong(value);
        return id > 0 ? id : null;
    }

    /** Answers 404 with the error page: used when a record is missing or belongs to another practice. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** The decoded path inside the application (servlet path and path info), never the raw URI. */
    public static String path(jakarta.servlet.http.HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
