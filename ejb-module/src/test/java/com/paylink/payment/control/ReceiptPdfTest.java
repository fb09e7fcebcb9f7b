package com.paylink.payment.control;

import com.paylink.shared.CardSummary;
import com.paylink.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** PAY15: the receipt PDF, parsed back with PDFBox: its fields, its languages, and names in any script. */
class ReceiptPdfTest {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final Instant PAID = Instant.parse("2026-11-27T15:30:00Z");

    private static ReceiptPdf.Facts facts(String practice, CardSummary card, List<String> invoices, boolean sandbox) {
        return new ReceiptPdf.Facts(practice, "R-ABCD234567", PAID, Money.of("1250.5", "USD"), card, invoices, sandbox);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " "); // lines wrap where the page ends
        }
    }

    @Test
    void pay15_practiceReceiptNumberDateAmountCardAndInvoice() throws IOException {
        byte[] pdf = ReceiptPdf.render(facts("Riverside Counseling", new CardSummary("visa", "4242"), List.of("RC-1003"), false),
                EASTERN, Locale.ENGLISH);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).contains("Riverside Counseling", "Payment receipt", "Receipt number R-ABCD234567",
                "Date November 27, 2026 at 10:30 AM EST", "Amount paid $1,250.50", "Card Visa ending in 4242",
                "Invoice RC-1003", "contact Riverside Counseling and quote the receipt number");
        assertThat(text).doesNotContain("Test payment");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Payment receipt R-ABCD234567");
            assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(PAID);
        }
    }

    @Test
    void pay15_noCardReported_noCardLine_aSandboxPaymentSaysSo_severalInvoicesAreListed() throws IOException {
        String text = text(ReceiptPdf.render(facts("Riverside Counseling", null, List.of("RC-1", "RC-2"), true),
                EASTERN, Locale.US));
        assertThat(text).doesNotContain("Card", "ending in");
        assertThat(text).contains("Test payment (sandbox): no money was charged.", "Invoices RC-1, RC-2");
    }

    @Test
    void inSpanish_whenThePayerReadsSpanish() throws IOException {
        String text = text(ReceiptPdf.render(facts("Clínica Ñandú", new CardSummary("mastercard", "4444"), List.of("RC-9"), false),
                EASTERN, Locale.forLanguageTag("es-MX")));
        assertThat(text).contains("Clínica Ñandú", "Recibo de pago", "Número de recibo R-ABCD234567",
                "27 de noviembre de 2026, 10:30", "Importe pagado $1,250.50", "Tarjeta Mastercard terminada en 4444",
                "Factura RC-9");
        assertThat(ReceiptPdf.render(facts("X", null, List.of("1"), false), EASTERN, Locale.GERMAN))
                .as("a language without its bundle is English").satisfies(pdf -> assertThat(text(pdf)).contains("Payment receipt"));
    }

    @Test
    void anyPracticeNameRenders_lettersTheFontLacksShowAsQuestionMarks_longNamesWrap() throws IOException {
        String name = "Zdrowie Łódź Θεραπεία Терапия 東京クリニック\u0007 with a name long enough that it cannot possibly fit on one"
                + " line of a letter-sized page";
        String text = text(ReceiptPdf.render(facts(name, null, List.of("INV-1"), false), EASTERN, Locale.ENGLISH));
        assertThat(text).contains("Zdrowie Łódź Θεραπεία Терапия ??????? with a name", "fit on one", "letter-sized page");
    }

    @Test
    void theFileNameIsTheReceiptNumber() {
        assertThat(ReceiptPdf.fileName("R-ABCD234567")).isEqualTo("receipt-R-ABCD234567.pdf");
        assertThat(ReceiptPdf.fileName("R-1/../\"x")).isEqualTo("receipt-R-1x.pdf");
    }
}
