package com.paylink.web;

import com.paylink.shared.BusinessException;

import java.text.MessageFormat;
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
