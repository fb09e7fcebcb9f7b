package com.paylink.web;

import com.paylink.shared.BusinessException;

import java.text.MessageFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts from the resource bundle {@code com.paylink.web.messages}, shared by pages and the API so a
 * broken rule reads the same everywhere. Enum arguments are shown by their bundle label
 * ({@code RecipientSource.HOUSEHOLD} → "Household Information").
 */
public final class Messages {

    public static final String BUNDLE = "com.paylink.web.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public static Messages in(Locale locale) {
        return new Messages(locale);
    }

    /**
     * The first of the wanted languages (a browser's Accept-Language, best first) that has its own bundle
     * ({@code messages_<lang>.properties}), else English. Adding a language needs only that bundle.
     */
    public static Locale firstSupported(Iterator<Locale> wanted) {
        while (wanted.hasNext()) {
            Locale candidate = wanted.next();
            if (speaks(candidate)) {
                return candidate;
            }
        }
        return Locale.ENGLISH;
    }

    /** Whether the pages have their texts in this language (English is the base bundle). */
    public static boolean speaks(Locale candidate) {
        return candidate.getLanguage().equals("en") || hasBundle(candidate);
    }

    private static boolean hasBundle(Locale candidate) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, candidate,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        return bundle.getLocale().getLanguage().equals(candidate.getLanguage());
    }

    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        if (args.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof Enum<?> e ? label(e) : args[i];
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** The message for a broken rule: bundle key {@code error.<code>}. */
    public String of(BusinessException e) {
        return text("error." + e.code(), e.args());
    }

    public String label(Enum<?> value) {
        try {
            return bundle.getString(value.getDeclaringClass().getSimpleName() + "." + value.name());
        } catch (MissingResourceException e) {
            return value.name();
        }
    }
}
