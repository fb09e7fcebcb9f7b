package com.paylink.collection.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.paylink.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C5: a statement says what is owed, nothing clinical, and its QR code scans (ZXing) to the link it prints. */
class StatementPdfTest {

    private static final String URL = "https://pay.example.com/pay/Zq8Gk3n2VtY7yLw0s1Hf4Jd9Rc6Xb5Am2Pe8Uo3Ni7Ke";

    private static StatementPdf.Facts facts() {
        return new StatementPdf.Facts("Riverside Counseling", "(555) 010-4477 · billing@riverside.example",
                Instant.parse("2026-12-08T15:00:00Z"), "Harper Nguyen",
                List.of(new StatementPdf.Line("RC-0981", LocalDate.of(2026, 11, 26), Money.of("75.00", "USD"),
                                Money.of("0.00", "USD"), Money.of("75.00", "USD")),
                        new StatementPdf.Line("RC-0985", LocalDate.of(2026, 12, 6), Money.of("120.00", "USD"),
                                Money.of("20.00", "USD"), Money.of("100.00", "USD"))),
                Money.of("175.00", "USD"), URL, Instant.parse("2026-12-22T15:00:00Z"));
    }

    @Test
    void c5_theQrCodeScansToTheLinkItPrints() throws Exception {
        byte[] pdf = StatementPdf.render(facts(), ZoneId.of("America/New_York"), Locale.US);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page)))).getText();
            assertEquals(URL, scanned);
        }
    }

    @Test
    void c5_theStatementSaysWhatIsOwedAndUntilWhen_andNothingClinical() throws Exception {
        byte[] pdf = StatementPdf.render(facts(), ZoneId.of("America/New_York"), Locale.US);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            for (String expected : List.of("Riverside Counseling", "Statement", "Dec 8, 2026", "For: Harper Nguyen", "RC-0981",
                    "RC-0985", "$75.00", "$100.00", "Total due $175.00", URL, "until Dec 22, 2026 at 10:00 AM EST")) {
                assertTrue(text.contains(expected), () -> expected + " in: " + text);
            }
            for (String clinical : List.of("Therapy", "Dr.", "diagnosis", "appointment")) {
                assertFalse(text.contains(clinical), clinical);
            }
        }
        String spanish = new PDFTextStripper().getText(Loader.loadPDF(StatementPdf.render(facts(), ZoneId.of("America/New_York"),
                Locale.forLanguageTag("es"))));
        assertTrue(spanish.contains("Estado de cuenta"), spanish);
        assertEquals("statement-harper-nguyen-2026-12-08.pdf", StatementPdf.fileName("Harper Nguyen", LocalDate.of(2026, 12, 8)));
    }
}
