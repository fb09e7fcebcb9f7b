package com.paylink.web;

import com.paylink.shared.Languages;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * L11: every language clients can be written to in (those with email bundles) has the payment pages' texts
 * too, all of them, so a Spanish-speaking client's payment page is Spanish from top to bottom.
 */
class PageLanguagesTest {

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void everyOfferedLanguageHasEveryPaymentPageText() throws Exception {
        ResourceBundle english = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT, EXACT);
        for (Locale language : Languages.offered()) {
            if (language.equals(Locale.ENGLISH)) {
                continue;
            }
            ResourceBundle own = ResourceBundle.getBundle(Messages.BUNDLE, language, EXACT);
            assertThat(own.getLocale().getLanguage()).as("messages_%s.properties exists", language).isEqualTo(language.getLanguage());
            Properties file = new Properties(); // its own keys, not those it inherits from the base file
            try (InputStream in = PageLanguagesTest.class.getResourceAsStream("/com/paylink/web/messages_" + language + ".properties")) {
                file.load(in);
            }
            for (String key : english.keySet()) {
                if (key.startsWith("pay.") || key.startsWith("client.language")) {
                    assertThat(file.stringPropertyNames()).as("%s in messages_%s.properties", key, language).contains(key);
                }
            }
            DateTimeFormatter.ofPattern(own.getString("pay.format.dateTime"), language); // a valid pattern
        }
    }
}
