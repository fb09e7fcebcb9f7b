package com.paylink.payment.control;

import com.paylink.shared.CardSummary;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The payer's receipt as a one-page PDF (Apache PDFBox): practice, receipt number, date, amount, the card's
 * brand and last four digits when the gateway reported them, and the invoice numbers. Nothing clinical (no
 * service, provider, appointment or diagnosis) and no client name: it is made only from {@link Facts}, which
 * has no room for them. Texts come from the bundle {@code com.paylink.payment.control.receipt}.
 */
public final class ReceiptPdf {

    public static final String CONTENT_TYPE = "application/pdf";
    static final String BUNDLE = "com.paylink.payment.control.receipt";
    /** Shipped inside PDFBox; covers Latin, Greek and Cyrillic. Embedded as a subset, so any reader shows it. */
    public static final String TEXT_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 72;
    private static final float VALUE_X = 230;

    /** What a receipt says; {@code card} is null when the gateway did not report it. */
    public record Facts(String practiceName, String receiptNumber, Instant paidAt, Money amount, CardSummary card,
                        List<String> invoiceNumbers, boolean sandbox) {

        public Facts {
            Objects.requireNonNull(practiceName, "practiceName");
            Objects.requireNonNull(receiptNumber, "receiptNumber");
            Objects.requireNonNull(paidAt, "paidAt");
            Objects.requireNonNull(amount, "amount");
            invoiceNumbers = List.copyOf(invoiceNumbers);
        }
    }

    private ReceiptPdf() {
    }

    /** The attachment's and the download's file name. */
    public static String fileName(String receiptNumber) {
        return "receipt-" + receiptNumber.replaceAll("[^A-Za-z0-9-]", "") + ".pdf";
    }

    /** The receipt in {@code locale}'s language (English when it has none), times in {@code zone}. */
    public static byte[] render(Facts facts, ZoneId zone, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ReceiptPdf.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try (PDDocument document = new PDDocument()) {
            PDFont text;
            try (InputStream font = ReceiptPdf.class.getResourceAsStream(TEXT_FONT)) {
                if (font == null) {
                    throw new IllegalStateException("PDFBox's font " + TEXT_FONT + " is missing");
                }
                text = PDType0Font.load(document, font, true);
            }
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            String title = texts.getString("receipt.title");
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title + " " + facts.receiptNumber());
            info.setAuthor(facts.practiceName());
            // the payment's time, not the rendering's: the same receipt renders the same every time
            info.setCreationDate(GregorianCalendar.from(facts.paidAt().atZone(zone)));

            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                Writer w = new Writer(out, page.getMediaBox().getHeight() - MARGIN);
                w.paragraph(text, 18, MARGIN, width, facts.practiceName());
                w.gap(6);
                w.paragraph(bold, 14, MARGIN, width, title);
                if (facts.sandbox()) {
                    w.paragraph(text, 10, MARGIN, width, texts.getString("receipt.sandbox"));
                }
                w.gap(14);
                w.row(bold, text, texts.getString("receipt.number"), facts.receiptNumber(), width);
                DateTimeFormatter when = DateTimeFormatter.ofPattern(texts.getString("receipt.datePattern"), locale);
                w.row(bold, text, texts.getString("receipt.date"), when.format(facts.paidAt().atZone(zone)), width);
                w.row(bold, text, texts.getString("receipt.amount"), facts.amount().format(Locale.US), width);
                if (facts.card() != null) {
                    w.row(bold, text, texts.getString("receipt.card"), format(texts.getString("receipt.cardValue"), locale,
                            facts.card().brandName(), facts.card().last4()), width);
                }
                if (!facts.invoiceNumbers().isEmpty()) {
                    w.row(bold, text, texts.getString(facts.invoiceNumbers().size() == 1 ? "receipt.invoice" : "receipt.invoices"),
                            String.join(", ", facts.invoiceNumbers()), width);
                }
                w.gap(18);
                w.paragraph(text, 10, MARGIN, width, format(texts.getString("receipt.keep"), locale, facts.practiceName()));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt could not be rendered", e);
        }
    }

    private static String format(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * What {@code font} can show of {@code value}: control characters become spaces and any character the font
     * has no glyph for (a practice name in a script it does not cover) becomes "?", so no name breaks a receipt.
     */
    public static String showable(PDFont font, String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) || Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                shown.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    /** Lines of {@code value} no wider than {@code width}, broken between words (or inside a word too long for a line). */
    public static List<String> lines(PDFont font, float size, float width, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : value.trim().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (widthOf(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int cp : word.codePoints().toArray()) {
                String next = line.toString() + new String(Character.toChars(cp));
                if (!line.isEmpty() && widthOf(font, size, next) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float widthOf(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Writes lines from the top of the page down. */
    private static final class Writer {

        private final PDPageContentStream out;
        private float y;

        Writer(PDPageContentStream out, float top) {
            this.out = out;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void paragraph(PDFont font, float size, float x, float width, String value) throws IOException {
            for (String line : lines(font, size, width, showable(font, value))) {
                y -= size * 1.35f;
                show(font, size, x, line);
            }
        }

        /** A label and its value on one line; a long value wraps under itself. */
        void row(PDFont labelFont, PDFont valueFont, String label, String value, float width) throws IOException {
            float size = 11;
            y -= size * 1.6f;
            show(labelFont, size, MARGIN, showable(labelFont, label));
            List<String> valueLines = lines(valueFont, size, width - (VALUE_X - MARGIN), showable(valueFont, value));
            for (int i = 0; i < valueLines.size(); i++) {
                if (i > 0) {
                    y -= size * 1.35f;
                }
                show(valueFont, size, VALUE_X, valueLines.get(i));
            }
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
