package com.paylink.texting.control;

import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import com.paylink.texting.control.PaymentLinkText.Facts;
import com.paylink.texting.control.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/** T2, T5 and PL6: what the texts say, in one segment where the wording allows, and nothing else. */
class PaymentLinkTextTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final String NAME = "Riverside Family Practice"; // 25 characters
    private static final Money AMOUNT = Money.of("1250.00", "USD");
    private static final Instant EXPIRES = Instant.parse("2026-11-28T15:30:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The brief's typical link: 60 characters. */
    private static final String URL = "https://pay.example.com/pay/" + "0123456789abcdefghijklmnopqrstuv";
    /** A link as Paylink mints them: a 43-character token; 71 characters. */
    private static final String REAL_URL = "https://pay.example.com/pay/" + "A".repeat(43);

    private static Facts facts(Locale locale) {
        return new Facts(NAME, AMOUNT, EXPIRES, NEW_YORK, URL, locale);
    }

    @Test
    void english_carriesNameAmountExpiryLinkAndStop_inOneGsmSegment() {
        String text = PaymentLinkText.compose(facts(Locale.ENGLISH));
        assertThat(text).isEqualTo("""
                Riverside Family Practice: pay $1,250.00 by Nov 28, 10:30 AM EST
                https://pay.example.com/pay/0123456789abcdefghijklmnopqrstuv
                Reply STOP to opt out""");
        assertThat(SmsSegments.count(text)).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 147, 1));
    }

    @Test
    void english_staysOneSegment_withALinkAsPaylinkMintsThem() {
        String text = PaymentLinkText.compose(new Facts(NAME, AMOUNT, EXPIRES, NEW_YORK, REAL_URL, Locale.ENGLISH));
        assertThat(SmsSegments.count(text)).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 158, 1));
    }

    @Test
    void spanish_carriesNameAmountExpiryLinkAndStop_inOneGsmSegment() {
        String text = PaymentLinkText.compose(facts(SPANISH));
        assertThat(text).isEqualTo("""
                Riverside Family Practice: pague 1.250,00 US$ hasta el 28 nov 10:30 EST
                https://pay.example.com/pay/0123456789abcdefghijklmnopqrstuv
                Responda STOP para cancelar""");
        assertThat(text).as("the JDK's no-break space in the amount is sent as a plain one").doesNotContain("\u00A0");
        assertThat(SmsSegments.nonGsm(text)).isEmpty();
        assertThat(SmsSegments.count(text)).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 160, 1));
    }

    @Test
    void theExpiryIsInTheGivenZone() {
        String text = PaymentLinkText.compose(new Facts(NAME, AMOUNT, EXPIRES, ZoneId.of("America/Los_Angeles"), URL,
                Locale.ENGLISH));
        assertThat(text).contains("by Nov 28, 7:30 AM PST");
    }

    @Test
    void pl6_theTextSaysTheFactsAndTheBundlesWords_nothingElse() {
        for (Locale locale : new Locale[]{Locale.ENGLISH, SPANISH}) {
            String amount = locale == SPANISH ? "1.250,00 US$" : "$1,250.00";
            String expiry = locale == SPANISH ? "28 nov 10:30 EST" : "Nov 28, 10:30 AM EST";
            String text = PaymentLinkText.compose(facts(locale));
            assertThat(text).as("positive control: every fact is there").contains(NAME, amount, expiry, URL);

            String rest = text.replace(URL, "<link>").replace(NAME, "<name>").replace(amount, "<amount>")
                    .replace(expiry, "<expiry>");
            ResourceBundle bundle = bundle(locale);
            String wording = new MessageFormat(bundle.getString("text.link.body"), locale).format(new Object[]{"<name>",
                    "<amount>", "<expiry>", "<link>"}) + "\n" + bundle.getString("text.link.optOut");
            assertThat(rest).as(locale.toString()).isEqualTo(wording).doesNotContainPattern("[0-9]");
        }
    }

    @Test
    void thePracticesNameIsSentAsItIs_evenWithApostrophesAndBraces() {
        String text = PaymentLinkText.compose(new Facts("O'Brien {0} Vets", AMOUNT, EXPIRES, NEW_YORK, URL, Locale.ENGLISH));
        assertThat(text).startsWith("O'Brien {0} Vets: pay $1,250.00");
    }

    @Test
    void theFactsNeverShowTheLink_itsTokenIsASecret() {
        assertThat(facts(Locale.ENGLISH).toString()).contains(NAME).doesNotContain(URL).doesNotContain("0123456789abc");
    }

    @Test
    void helpReply_givesTheNameThePhoneAndHowToStop() {
        String english = PaymentLinkText.helpReply(NAME, "(201) 555-0123", Locale.ENGLISH);
        assertThat(english).isEqualTo("Riverside Family Practice: payment links by text. For help, call (201) 555-0123."
                + " Msg & data rates may apply.\nReply STOP to opt out");
        String spanish = PaymentLinkText.helpReply(NAME, "(201) 555-0123", SPANISH);
        assertThat(spanish).contains(NAME, "(201) 555-0123", "Responda STOP para cancelar");
        for (String text : new String[]{english, spanish}) {
            assertThat(SmsSegments.count(text).encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(SmsSegments.count(text).segments()).isEqualTo(1);
        }
    }

    @Test
    void t5_theTestText_namesThePractice_andEndsAsEveryText() {
        String english = PaymentLinkText.testText(NAME, Locale.ENGLISH);
        assertThat(english).isEqualTo("Riverside Family Practice: this is a test text from Paylink. If you got it, texting"
                + " works.\nReply STOP to opt out");
        String spanish = PaymentLinkText.testText(NAME, SPANISH);
        assertThat(spanish).startsWith(NAME + ": este es un mensaje de prueba").endsWith("\nResponda STOP para cancelar");
        for (String text : new String[]{english, spanish}) {
            assertThat(SmsSegments.count(text).encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(SmsSegments.count(text).segments()).isEqualTo(1);
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(Languages.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
