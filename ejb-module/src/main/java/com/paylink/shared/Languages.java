package com.paylink.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * The languages Paylink writes to clients in, and a client's language as a {@link Locale}. A language is
 * offered when the client emails' bundle ({@value #BUNDLE}) has a file of its own for it; English is the base
 * file, so it is always offered. Adding a language is adding its bundle files, nothing else: they are found
 * by probing the bundle for every language the JDK can format (dates, amounts), once, the first time this
 * class is used. A language the JDK cannot format could not be written correctly anyway.
 */
public final class Languages {

    /** The base name of the bundle whose files decide which languages are offered. */
    public static final String BUNDLE = "com.paylink.mail.emails";

    /** What a client reads when no language was chosen, or an unknown one was stored. */
    public static final Locale DEFAULT = Locale.ENGLISH;

    private static final List<Locale> OFFERED = probe(BUNDLE, Languages.class.getClassLoader());

    private Languages() {
    }

    /** The offered languages (language-only locales such as {@code es}), English first, then by tag. */
    public static List<Locale> offered() {
        return OFFERED;
    }

    /** Whether {@code tag} is exactly the tag of an offered language ({@code es}; not {@code es-MX}, not {@code ES}). */
    public static boolean isOffered(String tag) {
        return tag != null && OFFERED.stream().anyMatch(l -> l.toLanguageTag().equals(tag));
    }

    /** The locale a client with this stored tag reads: its language if offered, else English (null included). */
    public static Locale resolve(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        Locale wanted = Locale.forLanguageTag(tag);
        return OFFERED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst().orElse(DEFAULT);
    }

    /** "Spanish (español)": the language's name in {@code shownIn}, and in itself when that differs. */
    public static String label(Locale language, Locale shownIn) {
        String there = capitalized(language.getDisplayLanguage(shownIn), shownIn);
        String own = language.getDisplayLanguage(language);
        return there.equalsIgnoreCase(own) ? there : there + " (" + own + ")";
    }

    private static String capitalized(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /**
     * The languages among the JDK's that have a file of their own for {@code bundle} (no fallback to the base
     * file or to the default locale), plus English, whose texts are the base file. Package-visible for tests.
     */
    static List<Locale> probe(String bundle, ClassLoader loader) {
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        TreeSet<String> languages = new TreeSet<>();
        for (Locale available : Locale.getAvailableLocales()) {
            if (!available.getLanguage().isEmpty()) {
                languages.add(available.getLanguage());
            }
        }
        List<Locale> found = new ArrayList<>();
        found.add(DEFAULT);
        for (String language : languages) {
            if (language.equals(DEFAULT.getLanguage())) {
                continue;
            }
            Locale candidate = Locale.forLanguageTag(language);
            try {
                ResourceBundle file = ResourceBundle.getBundle(bundle, candidate, loader, exact);
                if (file.getLocale().getLanguage().equals(language)) {
                    found.add(candidate);
                }
            } catch (MissingResourceException e) {
                // no file for this language, and no base file either: nothing to offer
            }
        }
        found.subList(1, found.size()).sort(Comparator.comparing(Locale::toLanguageTag));
        return List.copyOf(found);
    }
}
