package com.paylink.web.common;

import com.paylink.shared.BusinessException;

import java.text.MessageFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts from the resource bundles, one per audience, each backed by the common bundle: the payer's pages
 * ({@value #PAYER}), the staff pages ({@value #STAFF}), the API ({@value #API}), and what every audience reads the same
 * way ({@value #COMMON}: the rules' messages, {@code error.<code>}, so a broken rule reads the same everywhere; the
 * labels of values named in them; the error pages; dates). Enum arguments are shown by their bundle label
 * ({@code RecipientSource.HOUSEHOLD} → "Household Information"). The pages reach the same bundles as {@code pay},
 * {@code msg} (staff) and {@code common} (faces-config.xml).
 */
public final class Messages {

    public static final String COMMON = "com.paylink.web.common.messages";
    public static final String PAYER = "com.paylink.web.payer.payer";
    public static final String STAFF = "com.paylink.web.staff.staff";
    public static final String API = "com.paylink.web.api.api";

    private final ResourceBundle own;
    private final ResourceBundle common;
    private final Locale locale;

    private Messages(String audience, Locale locale) {
        this.locale = locale;
        this.own = ResourceBundle.getBundle(audience, locale);
        this.common = ResourceBundle.getBundle(COMMON, locale);
    }

    /** The payer's pages' texts in the payer's language. */
    public static Messages payer(Locale locale) {
        return new Messages(PAYER, locale);
    }

    /** The staff pages' texts. */
    public static Messages staff(Locale locale) {
        return new Messages(STAFF, locale);
    }

    /** The API's texts (English: its callers are programs and the practice's developers). */
    public static Messages api() {
        return new Messages(API, Locale.ENGLISH);
    }

    /** What every audience reads the same way (dates, the rules' messages). */
    public static Messages common(Locale locale) {
        return new Messages(COMMON, locale);
    }

    /**
     * The first of the wanted languages (a browser's Accept-Language, best first) that the payer's pages have
     * ({@code payer_<lang>.properties} with {@code common/messages_<lang>.properties}), else English. Adding a
     * language needs only those bundles.
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

    /** Whether the payer's pages have their texts in this language (English is the base bundle). */
    public static boolean speaks(Locale candidate) {
        return candidate.getLanguage().equals("en") || hasBundle(PAYER, candidate) && hasBundle(COMMON, candidate);
    }

    private static boolean hasBundle(String name, Locale candidate) {
        ResourceBundle bundle = ResourceBundle.getBundle(name, candidate,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
        return bundle.getLocale().getLanguage().equals(candidate.getLanguage());
    }

    private String pattern(String key) {
        return own.containsKey(key) ? own.getString(key) : common.getString(key);
    }

    public String text(String key, Object... args) {
        String pattern = pattern(key);
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
            return pattern(value.getDeclaringClass().getSimpleName() + "." + value.name());
        } catch (MissingResourceException e) {
            return value.name();
        }
    }
}
