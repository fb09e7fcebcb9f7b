package com.paylink.web.common;

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
        for (Locale language : Languages.offered()) {
            if (language.equals(Locale.ENGLISH)) {
                continue;
            }
            assertThat(Messages.speaks(language)).as("the payer's pages speak %s", language).isTrue();
            // the payer's own texts, and the common ones every payer sees (the rules' messages, dates)
            assertEveryKey(Messages.PAYER, "/com/paylink/web/payer/payer_", language, key -> true);
            assertEveryKey(Messages.COMMON, "/com/paylink/web/common/messages_", language,
                    key -> key.startsWith("format."));
            assertEveryKey(Messages.STAFF, "/com/paylink/web/staff/staff_", language, key -> key.startsWith("client.language"));
            DateTimeFormatter.ofPattern(ResourceBundle.getBundle(Messages.COMMON, language, EXACT).getString("format.dateTime"),
                    language); // a valid pattern
        }
    }

    private static void assertEveryKey(String bundle, String file, Locale language,
                                       java.util.function.Predicate<String> needed) throws Exception {
        ResourceBundle english = ResourceBundle.getBundle(bundle, Locale.ROOT, EXACT);
        Properties own = new Properties(); // its own keys, not those it inherits from the base file
        try (InputStream in = PageLanguagesTest.class.getResourceAsStream(file + language + ".properties")) {
            assertThat(in).as("%s%s.properties exists", file, language).isNotNull();
            own.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String key : english.keySet()) {
            if (needed.test(key)) {
                assertThat(own.stringPropertyNames()).as("%s in %s%s.properties", key, file, language).contains(key);
            }
        }
    }
}
