package com.paylink.mail.boundary;

import com.paylink.payment.control.ReceiptEmail;
import com.paylink.payment.control.RefundNoticeEmail;
import com.paylink.paymentlink.control.PaymentLinkEmail;
import com.paylink.shared.Languages;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * L11 and PL6: every email a client gets, in every offered language, is in that language, says what it must,
 * and never carries clinical words, whatever the bundle's translators wrote.
 */
class ClientEmailsTest {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final String PRACTICE = "Northside Practice";
    private static final Pattern CLINICAL = Pattern.compile("(?iu)\\bdr\\.|\\b(therap\\w*|appointment\\w*|diagnos\\w*|provider\\w*|sessions?"
            + "|services?|treatment\\w*|doctor\\w*|medicat\\w*|psych\\w*|clinic\\w*|patient\\w*|terap\\w*|citas?"
            + "|diagn\\w*|proveedor\\w*|sesi[oó]n\\w*|servicios?|tratamiento\\w*|m[eé]dic\\w*|medicament\\w*|psiqui\\w*"
            + "|cl[ií]nic\\w*|paciente\\w*)\\b");

    private static OutgoingMail link(Locale locale) {
        return PaymentLinkEmail.compose(PRACTICE, "billing@northside.example", "Dana Biller", "payer@example.com", "INV-7",
                Instant.parse("2026-11-27T15:30:00Z"), Money.of("1250.5", "USD"), "https://pay.example/pay/TOKEN",
                Instant.parse("2026-11-28T15:30:00Z"), ZONE, locale);
    }

    private static OutgoingMail receipt(Locale locale) {
        return ReceiptEmail.compose(PRACTICE, "billing@northside.example", "payer@example.com", Money.of("180", "USD"),
                Instant.parse("2026-11-28T16:05:00Z"), "R-ABCDEFGH23", ZONE, locale, Money.of("20", "USD"), "INV-7, INV-8");
    }

    private static OutgoingMail refund(Locale locale) {
        return RefundNoticeEmail.refunded(PRACTICE, "billing@northside.example", "payer@example.com", Money.of("40", "USD"),
                Money.of("180", "USD"), "R-ABCDEFGH23", locale);
    }

    private static OutgoingMail unpostable(Locale locale) {
        return RefundNoticeEmail.unpostable(PRACTICE, "billing@northside.example", "payer@example.com", Money.of("65", "USD"), locale);
    }

    private static OutgoingMail reminder(Locale locale) {
        return com.paylink.paymentlink.control.ReminderEmail.compose(PRACTICE, "billing@northside.example", "Dana Biller",
                "payer@example.com", "INV-7", Money.of("1250.5", "USD"), "https://pay.example/pay/TOKEN2",
                Instant.parse("2026-11-28T15:30:00Z"), ZONE, locale);
    }

    private static List<OutgoingMail> all(Locale locale) {
        return List.of(link(locale), receipt(locale), refund(locale), unpostable(locale), reminder(locale));
    }

    @Test
    void noEmailInAnyLanguageCarriesClinicalWords_norLeavesAPlaceholder() {
        for (Locale language : Languages.offered()) {
            for (OutgoingMail mail : all(language)) {
                for (String part : new String[]{mail.subject(), mail.text(), mail.html()}) {
                    assertThat(CLINICAL.matcher(part).find()).as("%s: %s", language, part).isFalse();
                    assertThat(part).as("%s", language).doesNotContain("{0}", "{1}", "\u0001");
                }
                assertThat(mail.html()).contains("<html lang=\"" + language.toLanguageTag() + "\">");
                assertThat(mail.fromAddress()).isEqualTo("billing@northside.example");
            }
            assertThat(link(language).subject()).as("PL6: the subject is the practice's name, exactly").isEqualTo(PRACTICE);
            assertThat(reminder(language).subject()).as("PL11: as the link's own email").isEqualTo(PRACTICE);
            assertThat(reminder(language).text()).as("PL11: its own link").contains("https://pay.example/pay/TOKEN2");
        }
    }

    @Test
    void noBundleTextInAnyLanguageHasAClinicalWord_theRemindersToo() throws IOException {
        Map<String, Properties> files = new java.util.TreeMap<>(EmailBundlesTest.languageFiles());
        files.put("en", EmailBundlesTest.base());
        for (Map.Entry<String, Properties> file : files.entrySet()) {
            for (String key : file.getValue().stringPropertyNames()) {
                if (!key.startsWith("format.")) {
                    assertThat(CLINICAL.matcher(file.getValue().getProperty(key)).find()).as("%s in %s", key, file.getKey()).isFalse();
                }
            }
        }
    }

    @Test
    void aSpanishSpeakingClientsEmailsAreInSpanish_amountsAndTimesWrittenTheSpanishWay() {
        Locale spanish = Languages.resolve("es");
        OutgoingMail link = link(spanish);
        for (String part : new String[]{link.text(), link.html()}) {
            assertThat(part).contains("Hola:", PRACTICE + " le ha enviado un enlace seguro para pagar su saldo en línea.",
                    "Factura", "INV-7 (enlace enviado el 27 de noviembre de 2026)", "Importe a pagar", "1.250,50\u00a0US$",
                    "Pagar ahora", "https://pay.example/pay/TOKEN", "vence el 28 de noviembre de 2026, 10:30 EST",
                    "No necesita una cuenta para pagar.");
        }
        assertThat(link.text()).contains("Importe a pagar: 1.250,50\u00a0US$").doesNotContain("Amount", "Hello");
        assertThat(link.subject()).isEqualTo(PRACTICE);
        assertThat(link.fromName()).isEqualTo("Dana Biller");

        OutgoingMail receipt = receipt(spanish);
        assertThat(receipt.subject()).isEqualTo("Recibo R-ABCDEFGH23 de " + PRACTICE);
        assertThat(receipt.text()).contains("Gracias. " + PRACTICE + " ha recibido su pago.", "Importe pagado: 180,00\u00a0US$",
                "Fecha: 28 de noviembre de 2026, 11:05 EST", "Número de recibo: R-ABCDEFGH23");
        assertThat(refund(spanish).text()).contains(PRACTICE + " le ha reembolsado 40,00\u00a0US$ de su pago de 180,00\u00a0US$");
        assertThat(unpostable(spanish).text()).contains("Le hemos reembolsado los 65,00\u00a0US$ completos a su tarjeta.");
    }

    @Test
    void anEnglishOrUnknownLanguageClientReadsEnglish_asBefore() {
        for (String tag : new String[]{null, "en", "de", "xx-YY", ""}) {
            Locale locale = Languages.resolve(tag);
            OutgoingMail link = link(locale);
            assertThat(link.text()).as(tag).contains("Hello,", "has sent you a secure link", "Invoice: INV-7 (link sent November 27, 2026)",
                    "Amount due: $1,250.50", "Pay now: https://pay.example/pay/TOKEN",
                    "expires on November 28, 2026 at 10:30 AM EST. You do not need an account to pay.");
            assertThat(link.html()).contains("<html lang=\"en\">");
            OutgoingMail receipt = receipt(locale);
            assertThat(receipt.subject()).isEqualTo(PRACTICE + " receipt R-ABCDEFGH23");
            assertThat(receipt.text()).contains("Amount paid: $180.00", "Date: November 28, 2026 at 11:05 AM EST");
            assertThat(refund(locale).subject()).isEqualTo(PRACTICE + ": refund of $40.00");
            assertThat(unpostable(locale).text()).contains("refunded the full $65.00");
        }
    }

    @Test
    void theHtmlPartEscapesEveryValue_andBoldsOnlyTheAmounts() {
        OutgoingMail mail = PaymentLinkEmail.compose("Smith & Sons <b>", "billing@smith.example", "Dana", "payer@example.com",
                "INV-<7>", Instant.parse("2026-11-27T15:30:00Z"), Money.of("10", "USD"), "https://pay.example/pay/A?b=1&c=\"2\"",
                Instant.parse("2026-11-28T15:30:00Z"), ZONE, Locale.forLanguageTag("es"));
        assertThat(mail.html()).contains("Smith &amp; Sons &lt;b&gt;", "INV-&lt;7&gt;", "href=\"https://pay.example/pay/A?b=1&amp;c=&quot;2&quot;\"",
                "<strong>10,00\u00a0US$</strong>").doesNotContain("<b>", "INV-<7>");
        assertThat(mail.text()).contains("Smith & Sons <b>").doesNotContain("&amp;", "<strong>");
    }
}
