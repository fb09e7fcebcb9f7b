package com.paylink.texting.control;

import com.paylink.mail.boundary.EmailTexts;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The text messages a client gets, in the client's language (texts {@code text.link.*} of the emails bundle, the
 * expiry by its pattern {@code format.textDateTime}). The payment link's text carries the practice's texting name,
 * the amount, when the link expires, the link, and how to stop texts; nothing else, and nothing clinical: no
 * service, provider, appointment, diagnosis or invoice description, nor the client's name (PL6), which its
 * {@link Facts} cannot even hold. Every text ends with the line saying how to stop them, as carriers require.
 * <p>Texts are billed by the segment ({@link SmsSegments}), so the wording is short and keeps to the GSM alphabet,
 * and the JDK's no-break spaces in amounts and times are sent as plain ones. With a 25-character name, an amount
 * of four digits and the expiry in the practice's zone, the English link text is one segment up to a link of 73
 * characters (its 43-character token after 30 characters of address), the Spanish one up to a link of 60.
 */
public final class PaymentLinkText {

    /** The spaces the JDK puts in amounts and times (no-break, narrow no-break, figure): GSM-7 has none of them. */
    private static final String WIDE_SPACES = "\u00A0\u202F\u2007";

    private PaymentLinkText() {
    }

    /** All a payment link's text says, besides the bundle's words. */
    public record Facts(String practiceTextingName, Money amount, Instant expiresAt, ZoneId zone, String url,
                        Locale locale) {

        public Facts {
            Objects.requireNonNull(practiceTextingName, "practiceTextingName");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(locale, "locale");
        }

        /** Without the link: its token is a bearer secret, and a record's text ends up in log lines. */
        @Override
        public String toString() {
            return "Facts[practiceTextingName=" + practiceTextingName + ", amount=" + amount + ", expiresAt=" + expiresAt
                    + ", zone=" + zone + ", locale=" + locale + "]";
        }
    }

    /** T2: the payment link's text: name, amount, expiry and link, then how to stop texts. */
    public static String compose(Facts f) {
        EmailTexts t = EmailTexts.in(f.locale(), f.zone());
        String expires = DateTimeFormatter.ofPattern(bundle(f.locale()).getString("format.textDateTime"), f.locale())
                .format(f.expiresAt().atZone(f.zone()));
        return withOptOut(t, t.text("text.link.body", f.practiceTextingName(), gsmSpaces(t.money(f.amount())),
                gsmSpaces(expires), f.url()));
    }

    /** The answer to a client who texts HELP: the practice's name and phone number (as it should be shown). */
    public static String helpReply(String practiceName, String practicePhone, Locale locale) {
        EmailTexts t = EmailTexts.in(locale, ZoneOffset.UTC);
        return withOptOut(t, t.text("text.link.help", practiceName, practicePhone));
    }

    /** T5: the text an Admin sends to a phone of theirs to see texting work, ending as the practice's texts do. */
    public static String testText(String practiceTextingName, Locale locale) {
        EmailTexts t = EmailTexts.in(locale, ZoneOffset.UTC);
        return withOptOut(t, t.text("text.link.test", practiceTextingName));
    }

    private static String withOptOut(EmailTexts t, String text) {
        return text + "\n" + t.text("text.link.optOut");
    }

    /** A formatted value with the JDK's special spaces made plain ones, so they do not turn the text into UCS-2. */
    private static String gsmSpaces(String formatted) {
        StringBuilder plain = new StringBuilder(formatted.length());
        for (char c : formatted.toCharArray()) {
            plain.append(WIDE_SPACES.indexOf(c) >= 0 ? ' ' : c);
        }
        return plain.toString();
    }

    private static ResourceBundle bundle(Locale locale) {
        // as EmailTexts reads it: no fallback to the server's default locale, a language without a file reads English
        return ResourceBundle.getBundle(Languages.BUNDLE, locale, PaymentLinkText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
