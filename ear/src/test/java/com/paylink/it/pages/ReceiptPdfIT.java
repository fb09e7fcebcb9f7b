package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PAY15 from outside: a client pays a demo invoice through the sandbox in Chromium; the receipt PDF comes with
 * the receipt email and downloads from the paid page and from the staff Ledger, each parsed back with PDFBox
 * and checked for its fields and for the absence of anything clinical; nobody else gets it.
 */
class ReceiptPdfIT extends PageTest {

    /** RC-1003: Ava Thompson's psychiatric diagnostic evaluation with Dr. Grace Lee, billed to her EAP. */
    private static final String PAYER = "claims@harbor-eap.example";
    /** What the invoice's appointment, client and bill-to say; none of it may be on a receipt. */
    private static final List<String> NEVER_ON_A_RECEIPT = List.of("Psychiatric", "Diagnostic", "Evaluation", "Therapy",
            "Grace Lee", "Dr.", "Ava", "Thompson", "Harbor", "Employee Assistance", "HEP-448812", "appointment");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void pay15_theReceiptPdfGoesWithTheEmail_andDownloadsOnlyForThePayerAndTheirPracticesStaff() throws Exception {
        String link = sendLinkAndReadIt("Thompson, Ava", "RC-1003", PAYER);
        Browser b = browser();
        b.driver().get(link);
        b.fillSandboxCard("Harbor EAP Claims", "4242424242424242");
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));
        String date = b.text(By.cssSelector("#paid dd:nth-of-type(3)"));

        // 1. the paid page's download, for this payer's session
        WebElement download = b.driver().findElement(By.id("receiptPdf"));
        assertThat(download.getText()).isEqualTo("Download receipt (PDF)");
        Axe.assertAccessible(b.driver(), "/checkout/ (paid, with the receipt download)");
        URI pdfUrl = URI.create(download.getAttribute("href"));
        String payerCookie = cookies(b);
        HttpResponse<byte[]> fromPage = get(pdfUrl, payerCookie, "en");
        assertPdfDownload(fromPage, receipt);
        String onPage = text(fromPage.body());
        assertReceipt(onPage, receipt, date);
        assertThat(text(get(pdfUrl, payerCookie, "es-ES,es;q=0.9").body())).as("in the payer's language")
                .contains("Recibo de pago", "Número de recibo " + receipt, "Tarjeta Visa terminada en 4242", "Factura RC-1003");

        // 2. the same receipt attached to the receipt email
        await().atMost(Duration.ofSeconds(30)).until(() -> attachmentOf(PAYER, receipt) != null);
        Attachment attached = attachmentOf(PAYER, receipt);
        assertThat(attached.fileName()).isEqualTo("receipt-" + receipt + ".pdf");
        assertThat(attached.contentType()).startsWith("application/pdf");
        String inMail = text(attached.content());
        assertReceipt(inMail, receipt, date);
        assertThat(inMail).isEqualTo(onPage);
        MimeMessage receiptMail = mail.to(PAYER).stream().filter(m -> Mailbox.text(m).contains(receipt)).findFirst().orElseThrow();
        assertThat(Mailbox.text(receiptMail)).as("the email's own text is still there").contains("Receipt number: " + receipt);

        // 3. the Ledger's download, for staff of the practice (any of them: the Payments tab is theirs to read)
        b.driver().manage().deleteAllCookies();
        b.signIn("frontdesk", PASSWORD);
        b.openLedger("Thompson, Ava");
        b.click(By.linkText("Payments"));
        b.waitForText(By.id("ledger:tabs:payments"), receipt);
        Axe.assertAccessible(b.driver(), "/staff/ledger.xhtml (Payments tab, with receipt downloads)");
        WebElement staffLink = b.driver().findElement(By.cssSelector("#ledger\\:tabs\\:payments a.pl-receipt-pdf"));
        assertThat(staffLink.getAttribute("aria-label")).isEqualTo("Download receipt (PDF) " + receipt);
        URI staffUrl = URI.create(staffLink.getAttribute("href"));
        assertThat(staffUrl.getPath()).matches("/staff/receipts/\\d+");
        HttpResponse<byte[]> fromLedger = get(staffUrl, cookies(b), "en");
        assertPdfDownload(fromLedger, receipt);
        assertThat(text(fromLedger.body())).isEqualTo(onPage);
        b.openLedger("Rivera, Lucas");
        b.click(By.linkText("Payments"));
        b.waitForText(By.id("ledger:tabs:payments"), "Check #2291");
        assertThat(b.driver().findElements(By.cssSelector("#ledger\\:tabs\\:payments a.pl-receipt-pdf")))
                .as("a check has no receipt number, so no receipt to download").isEmpty();

        // 4. nobody else: another practice's staff, anonymous callers, another link's payer, a made-up session
        StaffSession lakeside = new StaffSession(base);
        lakeside.signIn("lakeadmin", PASSWORD);
        HttpResponse<byte[]> otherPractice = lakeside.getBytes(staffUrl.getPath());
        assertThat(otherPractice.statusCode()).as("another practice's payment is not found").isEqualTo(404);
        assertNoPdf(otherPractice);
        HttpResponse<byte[]> anonymousStaff = get(staffUrl, null, "en");
        assertThat(anonymousStaff.statusCode()).as("signed out: sent to sign in").isIn(302, 303, 401);
        assertNoPdf(anonymousStaff);
        for (String bad : List.of("/staff/receipts/999999999", "/staff/receipts/abc", "/staff/receipts/")) {
            assertThat(get(URI.create(root() + bad), cookies(b), "en").statusCode()).as(bad).isEqualTo(404);
        }
        HttpResponse<byte[]> anonymousPayer = get(pdfUrl, null, "en");
        assertThat(anonymousPayer.statusCode()).isEqualTo(404);
        assertNoPdf(anonymousPayer);
        assertThat(get(pdfUrl, "PAYLINK_PAYER=" + "x".repeat(43), "en").statusCode()).as("a made-up session").isEqualTo(404);
        String otherLink = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        HttpClient otherPayer = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThat(otherPayer.send(HttpRequest.newBuilder(URI.create(otherLink)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("RC-1001");
        HttpResponse<byte[]> unpaidLinksSession = otherPayer.send(HttpRequest.newBuilder(pdfUrl).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unpaidLinksSession.statusCode()).as("a payer session of another (unpaid) link").isEqualTo(404);
        assertNoPdf(unpaidLinksSession);
    }

    private static void assertReceipt(String text, String receipt, String date) {
        assertThat(text).contains("Riverside Counseling", "Payment receipt", "Receipt number " + receipt,
                "Amount paid $275.00", "Card Visa ending in 4242", "Invoice RC-1003",
                "Test payment (sandbox): no money was charged.");
        // the paid page says "Nov 29, 2026, 10:30 AM EST"; the receipt the same time with the month spelt out
        java.time.ZonedDateTime paid = java.time.ZonedDateTime.parse(date,
                java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", java.util.Locale.US));
        assertThat(text).contains("Date " + java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z",
                java.util.Locale.US).format(paid));
        for (String clinical : NEVER_ON_A_RECEIPT) {
            assertThat(text).as("nothing clinical, no client or payer name").doesNotContainIgnoringCase(clinical);
        }
        assertThat(text).doesNotContain("4242424242424242", "4242 4242");
    }

    private static void assertPdfDownload(HttpResponse<byte[]> response, String receipt) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"receipt-" + receipt + ".pdf\"");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private static void assertNoPdf(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("pdf");
        assertThat(new String(response.body(), 0, Math.min(5, response.body().length), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isNotEqualTo("%PDF-");
    }

    private HttpResponse<byte[]> get(URI url, String cookie, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept-Language", language).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The browser's cookies for this server (HttpOnly ones included), as a Cookie header. */
    private static String cookies(Browser b) {
        return b.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The receipt's words, one space between them wherever the page wrapped a line. */
    private static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").trim();
        }
    }

    private record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** The PDF attached to the receipt email naming {@code receipt}, if it has come. */
    private static Attachment attachmentOf(String to, String receipt) throws Exception {
        for (MimeMessage message : mail.to(to)) {
            List<Attachment> found = new ArrayList<>();
            collect(message, found);
            for (Attachment a : found) {
                if (a.fileName().contains(receipt)) {
                    return a;
                }
            }
        }
        return null;
    }

    private static void collect(Part part, List<Attachment> found) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                collect(parts.getBodyPart(i), found);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream in = part.getInputStream()) {
                found.add(new Attachment(part.getFileName(), part.getContentType(), in.readAllBytes()));
            }
        }
    }
}
