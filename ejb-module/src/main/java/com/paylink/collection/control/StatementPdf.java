package com.paylink.collection.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.paylink.payment.control.ReceiptPdf;
import com.paylink.shared.Money;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Issue 24 (C5): a client's paper statement as a one-page PDF (Apache PDFBox): the practice and how to reach it, the
 * statement's date, whom it is for, each unpaid invoice (number, date, amount, paid, balance) and the total due, and a
 * QR code (ZXing, drawn as vector squares) of the link that pays that total, with the address spelled out and until
 * when it works. Nothing clinical: it is made only from {@link Facts}, which has no room for a service, provider,
 * appointment or diagnosis. Texts come from the bundle {@code com.paylink.collection.control.statement}.
 */
public final class StatementPdf {

    public static final String CONTENT_TYPE = "application/pdf";
    static final String BUNDLE = "com.paylink.collection.control.statement";
    private static final float MARGIN = 60;
    private static final float QR_SIZE = 144; // two inches: a phone reads it at arm's length

    /** One unpaid invoice on the statement. */
    public record Line(String invoiceNumber, LocalDate issuedOn, Money amount, Money paid, Money balance) {
    }

    /** What a statement says. */
    public record Facts(String practiceName, String practiceContact, Instant madeAt, String payerName, List<Line> lines,
                        Money total, String payUrl, Instant linkExpiresAt) {

        public Facts {
            Objects.requireNonNull(practiceName, "practiceName");
            Objects.requireNonNull(payUrl, "payUrl");
            lines = List.copyOf(lines);
        }
    }

    private StatementPdf() {
    }

    public static String fileName(String clientName, LocalDate date) {
        return "statement-" + clientName.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT)
                + "-" + date + ".pdf";
    }

    /** The statement in {@code locale}'s language (English when it has none), dates in {@code zone}. */
    public static byte[] render(Facts facts, ZoneId zone, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, StatementPdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (PDDocument document = new PDDocument()) {
            PDFont text;
            try (InputStream font = StatementPdf.class.getResourceAsStream(ReceiptPdf.TEXT_FONT)) {
                if (font == null) {
                    throw new IllegalStateException("PDFBox's font " + ReceiptPdf.TEXT_FONT + " is missing");
                }
                text = PDType0Font.load(document, font, true);
            }
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            DateTimeFormatter day = DateTimeFormatter.ofPattern(texts.getString("statement.datePattern"), locale);
            DateTimeFormatter when = DateTimeFormatter.ofPattern(texts.getString("statement.dateTimePattern"), locale);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(texts.getString("statement.title") + " " + facts.practiceName());
            info.setAuthor(facts.practiceName());
            info.setCreationDate(GregorianCalendar.from(facts.madeAt().atZone(zone)));

            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            float pageWidth = page.getMediaBox().getWidth();
            float width = pageWidth - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Cursor c = new Cursor(out, page.getMediaBox().getHeight() - MARGIN);
                c.paragraph(text, 18, MARGIN, width, facts.practiceName());
                if (facts.practiceContact() != null && !facts.practiceContact().isBlank()) {
                    c.paragraph(text, 10, MARGIN, width, facts.practiceContact());
                }
                c.gap(10);
                c.paragraph(bold, 14, MARGIN, width, texts.getString("statement.title"));
                c.paragraph(text, 11, MARGIN, width, format(texts.getString("statement.date"), locale,
                        day.format(facts.madeAt().atZone(zone))));
                c.paragraph(text, 11, MARGIN, width, format(texts.getString("statement.for"), locale, facts.payerName()));
                c.gap(14);

                float[] columns = {MARGIN, MARGIN + 150, MARGIN + 260, MARGIN + 350, MARGIN + 430};
                c.cells(bold, 10, columns, texts.getString("statement.invoice"), texts.getString("statement.issued"),
                        texts.getString("statement.amount"), texts.getString("statement.paid"), texts.getString("statement.balance"));
                c.rule(MARGIN, pageWidth - MARGIN);
                for (Line line : facts.lines()) {
                    c.cells(text, 10, columns, line.invoiceNumber(), day.format(line.issuedOn()), line.amount().format(Locale.US),
                            line.paid().format(Locale.US), line.balance().format(Locale.US));
                }
                c.rule(MARGIN, pageWidth - MARGIN);
                c.gap(4);
                c.cells(bold, 12, new float[]{MARGIN, columns[4]}, texts.getString("statement.total"), facts.total().format(Locale.US));
                c.gap(24);

                float qrTop = c.y;
                drawQr(out, facts.payUrl(), MARGIN, qrTop - QR_SIZE, QR_SIZE);
                Cursor right = new Cursor(out, qrTop);
                float textX = MARGIN + QR_SIZE + 24;
                float textWidth = pageWidth - MARGIN - textX;
                right.paragraph(bold, 12, textX, textWidth, texts.getString("statement.payOnline"));
                right.paragraph(text, 10, textX, textWidth, format(texts.getString("statement.scan"), locale));
                right.gap(4);
                right.paragraph(text, 10, textX, textWidth, format(texts.getString("statement.until"), locale,
                        when.format(facts.linkExpiresAt().atZone(zone)), facts.total().format(Locale.US)));
                c.y = Math.min(qrTop - QR_SIZE, right.y) - 8;
                // the address on a line of its own, the page's whole width, so it can be typed as printed
                c.paragraph(text, 9, MARGIN, width, facts.payUrl());
                c.gap(16);
                c.paragraph(text, 9, MARGIN, width, format(texts.getString("statement.keep"), locale, facts.practiceName()));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the statement could not be rendered", e);
        }
    }

    /** The QR code of {@code url} (error correction M), one filled square per dark module, at (x, y) bottom left. */
    static void drawQr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code holds " + url.length() + " characters", e);
        }
        float module = size / matrix.getWidth();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }

    private static String format(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    /** Writes from the top of the page down. */
    private static final class Cursor {

        private final PDPageContentStream out;
        private float y;

        Cursor(PDPageContentStream out, float top) {
            this.out = out;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void paragraph(PDFont font, float size, float x, float width, String value) throws IOException {
            for (String line : ReceiptPdf.lines(font, size, width, ReceiptPdf.showable(font, value))) {
                y -= size * 1.35f;
                show(font, size, x, line);
            }
        }

        /** One table row: each value at its column's x. */
        void cells(PDFont font, float size, float[] xs, String... values) throws IOException {
            y -= size * 1.6f;
            for (int i = 0; i < values.length; i++) {
                show(font, size, xs[i], ReceiptPdf.showable(font, values[i]));
            }
        }

        void rule(float from, float to) throws IOException {
            y -= 4;
            out.setLineWidth(0.5f);
            out.moveTo(from, y);
            out.lineTo(to, y);
            out.stroke();
        }

        private void show(PDFont font, float size, float x, String line) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, y);
            out.showText(line);
            out.endText();
        }
    }
}
