package com.paylink.mail.boundary;

import com.paylink.shared.Languages;
import com.paylink.shared.Money;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The sentences of the emails clients get, in one language: bundle {@value Languages#BUNDLE} (UTF-8 files of
 * MessageFormat patterns, one per language), with amounts and times formatted the way that language writes
 * them (the patterns {@code format.date} and {@code format.dateTime} are in the bundle too). Composers take
 * every word from here, so a language is added by its bundle file alone.
 */
public final class EmailTexts {

    /** Marks text that never leaves a placeholder in an HTML part: a control character no bundle holds. */
    private static final char MARK = '\u0001';

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ZoneId zone;

    private EmailTexts(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        // no fallback to the server's default locale: a language without its own file reads the base (English)
        this.bundle = ResourceBundle.getBundle(Languages.BUNDLE, locale, EmailTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts in {@code locale} ({@code Languages.resolve} of the client's tag), times shown in {@code zone}. */
    public static EmailTexts in(Locale locale, ZoneId zone) {
        return new EmailTexts(locale, zone);
    }

    /** A value shown in bold in the HTML part and as it is in the plain-text part. */
    public record Strong(String value) {
    }

    public static Strong strong(String value) {
        return new Strong(value);
    }

    public Locale locale() {
        return locale;
    }

    /** For {@code <html lang="..">}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    /** The plain-text sentence {@code key} with {@code args} (strings, or {@link Strong}) in its placeholders. */
    public String text(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Strong s ? s.value() : String.valueOf(args[i]);
        }
        return format(key, plain);
    }

    /** The sentence {@code key} as HTML: the bundle's words and every argument escaped; {@link Strong} ones bold. */
    public String html(String key, Object... args) {
        Object[] marks = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            marks[i] = MARK + Integer.toString(i) + MARK;
        }
        String html = HtmlText.escape(format(key, marks));
        for (int i = 0; i < args.length; i++) {
            String value = args[i] instanceof Strong s ? "<strong>" + HtmlText.escape(s.value()) + "</strong>"
                    : HtmlText.escape(String.valueOf(args[i]));
            html = html.replace(MARK + Integer.toString(i) + MARK, value);
        }
        return html;
    }

    public String money(Money amount) {
        return amount.format(locale);
    }

    /** A moment as a day and time in the practice's zone: "November 28, 2026 at 10:30 AM EST". */
    public String dateTime(Instant at) {
        return DateTimeFormatter.ofPattern(bundle.getString("format.dateTime"), locale).format(at.atZone(zone));
    }

    /** A moment's day in the practice's zone: "November 28, 2026". */
    public String date(Instant at) {
        return DateTimeFormatter.ofPattern(bundle.getString("format.date"), locale).format(at.atZone(zone));
    }

    private String format(String key, Object[] args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
