package com.paylink.it.pages;

import com.paylink.it.Mailbox;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12 item 7, rule L11: staff choose a client's language on Client Details; the client's link and receipt
 * emails and the payment page follow it, whatever language the payer's browser asks for (this one asks for
 * English); an English client's stay English; only Billing staff and Admins change it.
 */
class ClientLanguageIT extends PageTest {

    private static final String SPANISH_MONTH = "(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)";
    /** "vence el 30 de noviembre de 2026, 10:30 EST": the expiry written the Spanish way. */
    private static final Pattern SPANISH_EXPIRY = Pattern.compile("vence el \\d{1,2} de " + SPANISH_MONTH + " de \\d{4}, \\d{1,2}:\\d{2} ");
    private static final List<String> CLINICAL = List.of("Individual Therapy", "Couples Therapy", "Dr. Sarah Smith", "Dr. Owen Jones",
            "Emma", "Carter", "Lucas");

    @Test
    void aSpanishSpeakingClientsEmailsAndPaymentPageAreInSpanish() throws Exception {
        Browser b = browser().signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        b.click(By.linkText("Carter, Emma"));
        assertThat(b.text(By.id("clientLanguage"))).isEqualTo("Not chosen (English)");
        new Select(b.driver().findElement(By.id("languageForm:language"))).selectByValue("es");
        b.click(By.id("languageForm:saveLanguage"));
        b.waitForText(By.cssSelector(".ui-growl"), "Preferred language saved: Spanish (español).");
        assertThat(b.text(By.id("clientLanguage"))).isEqualTo("Spanish (español)");
        assertThat(Database.clientLanguage("Emma", "Carter")).isEqualTo("es");

        String link = sendLinkAndReadIt("Carter, Emma", "RC-1001", "emma.carter@example.com");
        MimeMessage linkMail = last("emma.carter@example.com");
        String text = Mailbox.text(linkMail);
        assertThat(linkMail.getSubject()).as("the subject is the practice's name, in any language").isEqualTo("Riverside Counseling");
        assertThat(text).contains("Hola:", "Riverside Counseling le ha enviado un enlace seguro para pagar su saldo en línea.",
                "Factura: RC-1001 (enlace enviado el ", "Importe a pagar: 150,00\u00a0US$", "Pagar ahora: " + link,
                "No necesita una cuenta para pagar.", "<html lang=\"es\">", "<strong>150,00\u00a0US$</strong>");
        assertThat(SPANISH_EXPIRY.matcher(text).find()).as("the expiry the Spanish way in: %s", text).isTrue();
        assertThat(text).doesNotContain("Hello", "Amount due", "$150.00");
        assertNoClinicalDetail(text);

        b.driver().get(link);
        assertThat(b.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(b.text(By.cssSelector("#payable h1"))).isEqualTo("Pague su saldo");
        assertThat(spaces(b.text(By.id("amountDue")))).isEqualTo("150,00 US$");
        assertThat(b.text(By.id("expiresAt"))).matches("\\d{1,2} \\p{L}+\\.? \\d{4}, \\d{1,2}:\\d{2} .+");
        fill(b);
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "Esta factura ya está pagada");
        String receipt = b.text(By.id("receiptNumber"));
        assertThat(spaces(b.text(By.id("amountPaid")))).isEqualTo("150,00 US$");

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("emma.carter@example.com").stream()
                .anyMatch(m -> Mailbox.text(m).contains(receipt)));
        MimeMessage receiptMail = last("emma.carter@example.com");
        String receiptText = Mailbox.text(receiptMail);
        assertThat(receiptMail.getSubject()).isEqualTo("Recibo " + receipt + " de Riverside Counseling");
        assertThat(receiptText).contains("Gracias. Riverside Counseling ha recibido su pago.", "Importe pagado: 150,00\u00a0US$",
                "Número de recibo: " + receipt, "<html lang=\"es\">").doesNotContain("Thank you");
        assertNoClinicalDetail(receiptText);
    }

    @Test
    void anEnglishClientsEmailsAndPageStayEnglish_andTheDemoHasASpanishSpeakingClient() throws Exception {
        String link = sendLinkAndReadIt("Rivera, Lucas", "RC-1004", "trust@rivera-family.example");
        String text = Mailbox.text(last("trust@rivera-family.example"));
        assertThat(text).contains("Hello,", "Amount due: $180.00", "You do not need an account to pay.", "<html lang=\"en\">")
                .doesNotContain("Hola");
        assertNoClinicalDetail(text);

        Browser b = browser();
        b.driver().get(link);
        assertThat(b.driver().findElement(By.tagName("html")).getAttribute("lang")).as("the browser's language").isEqualTo("en");
        assertThat(b.text(By.cssSelector("#payable h1"))).isEqualTo("Pay your balance");
        assertThat(b.text(By.id("amountDue"))).isEqualTo("$180.00");
        fill(b);
        b.click(By.id("card:pay"));
        b.waitForText(By.id("paid"), "This invoice has been paid");
        String receipt = b.text(By.id("receiptNumber"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.to("trust@rivera-family.example").stream()
                .anyMatch(m -> Mailbox.text(m).contains(receipt)));
        MimeMessage receiptMail = last("trust@rivera-family.example");
        assertThat(receiptMail.getSubject()).isEqualTo("Riverside Counseling receipt " + receipt);
        assertThat(Mailbox.text(receiptMail)).contains("Thank you. Riverside Counseling received your payment.", "Amount paid: $180.00");

        b.signIn("biller", PASSWORD);
        b.open("/staff/clients.xhtml");
        b.click(By.linkText("Ortiz, Valentina"));
        assertThat(b.text(By.id("clientLanguage"))).as("demo data: one Spanish-speaking client").isEqualTo("Spanish (español)");
    }

    @Test
    void onlyBillingStaffAndAdminsChangeTheLanguage_checkedOnTheServer() throws Exception {
        StaffSession frontdesk = new StaffSession(base);
        frontdesk.signIn("frontdesk", PASSWORD);
        long ava = frontdesk.clientId("Thompson, Ava");
        HttpResponse<String> page = frontdesk.get("/staff/client.xhtml?id=" + ava);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("everyone reads it").contains("id=\"clientLanguage\"").as("nobody without Billing or Admin gets the form")
                .doesNotContain("languageForm");
        StaffSession drlee = new StaffSession(base);
        drlee.signIn("drlee", PASSWORD);
        assertThat(drlee.get("/staff/client.xhtml?id=" + ava).body()).as("an Admin without Billing may").contains("languageForm");

        Browser b = browser().signIn("biller", PASSWORD);
        try {
            b.open("/staff/client.xhtml?id=" + ava);
            Database.setPermission("biller", "BILLING", false); // an Admin takes Billing away while the page is open
            new Select(b.driver().findElement(By.id("languageForm:language"))).selectByValue("es");
            b.click(By.id("languageForm:saveLanguage"));
            b.waitForText(By.cssSelector(".ui-growl"), "does not have the permission this needs");
            assertThat(Database.clientLanguage("Ava", "Thompson")).isNull();
        } finally {
            Database.setPermission("biller", "BILLING", true);
        }
    }

    private static MimeMessage last(String address) {
        List<MimeMessage> all = mail.to(address);
        return all.get(all.size() - 1);
    }

    private static void assertNoClinicalDetail(String mailText) {
        for (String word : CLINICAL) {
            assertThat(mailText).as("no clinical detail, no client name").doesNotContain(word);
        }
    }

    /** Chromium reads a no-break space (as in "150,00 US$") as a space. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ');
    }

    private static void fill(Browser b) {
        b.fillSandboxCard("Jo Payer", "4242424242424242");
    }
}
