package com.paylink.it.boundary;

import com.paylink.collection.boundary.Statements;
import com.paylink.identity.entity.Permission;
import com.paylink.it.Deployments;
import com.paylink.paymentlink.boundary.PayerLinkService;
import com.paylink.paymentlink.control.LinkTokens;
import com.paylink.payment.boundary.CheckoutService;
import com.paylink.payment.boundary.PayResult;
import com.paylink.payment.boundary.SandboxCard;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 24 (C5): a paper statement lists the unpaid invoices and their total, nothing clinical; the link its QR code
 * and address carry (StatementPdfTest scans the code) is issued when it is made, works the practice's statement
 * lifetime, replaces the client's link for those invoices, and pays them all; nothing owed, nothing issued.
 */
@ExtendWith(ArquillianExtension.class)
class StatementsIT {

    private static final Set<Permission> BILLING = EnumSet.of(Permission.BILLING);
    private static final Pattern PAY = Pattern.compile("/pay/([A-Za-z0-9_-]{43})");

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(StatementsIT.class);
    }

    @EJB
    Statements statements;

    @EJB
    PayerLinkService payer;

    @EJB
    CheckoutService checkout;

    @EJB
    com.paylink.report.boundary.LinkActivityService reports;

    @Inject
    TestData data;

    @Test
    void c5_aStatementIssuesTheLinkItPrints_forEveryUnpaidInvoice_andItPaysThemAll() throws Exception {
        long practice = data.practice(TestData.unique("Stmt"), true);
        data.execute("update practice set statement_link_days = 10 where id = " + practice);
        String biller = data.staff(practice, TestData.unique("biller"), false, BILLING);
        String dr = data.staff(practice, TestData.unique("dr"), true, BILLING);
        long client = data.clientWithEmails(practice, TestData.unique("st").toLowerCase() + "@example.com", null, null);
        long first = data.invoice(client, dr, TestData.unique("ST"), "60.00");
        long second = data.invoice(client, dr, TestData.unique("ST"), "40.00");
        data.pay(second, "15.00");
        long earlier = data.link(first, biller, LinkTokens.newToken(), Instant.now());

        Statements.Document document = As.staff(biller, BILLING, () -> statements.statement(client));
        assertThat(document.contentType()).isEqualTo("application/pdf");
        assertThat(document.fileName()).startsWith("statement-mail-").endsWith(".pdf");
        String text;
        try (var pdf = Loader.loadPDF(document.content())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("$60.00", "$25.00", "Total due $85.00");
        for (String clinical : data.clinicalWords()) {
            assertThat(text).doesNotContain(clinical);
        }
        Matcher link = PAY.matcher(text);
        assertThat(link.find()).as("the link is printed").isTrue();

        long linkId = payer.open(link.group(1)).orElseThrow();
        assertThat(data.linkStatus(earlier)).as("the client's earlier link is replaced").isEqualTo("REVOKED");
        assertThat(data.linksCovering(second)).isEqualTo(1);
        assertThat(data.audit(first)).last().asString().startsWith("STATEMENT ");
        Instant expires = Instant.ofEpochSecond(data.count("select extract(epoch from expires_at)::bigint from payment_link where id = " + linkId));
        assertThat(expires).as("the practice's statement lifetime").isBetween(Instant.now().plus(Duration.ofDays(10)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(10)).plusSeconds(5));

        String admin = data.staff(practice, TestData.unique("admin"), false, EnumSet.of(Permission.ADMIN));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
        assertThat(As.staff(admin, EnumSet.of(Permission.ADMIN), () -> reports.rows(
                new com.paylink.report.boundary.LinkActivityFilter(today.minusDays(1), today, null, null, null),
                com.paylink.ledger.boundary.PageRequest.firstRows(25))))
                .as("the link activity report: a statement's link went on paper")
                .filteredOn(r -> r.linkId() == linkId).extracting(r -> r.channel().csv()).containsExactly("paper");

        assertThat(checkout.paySandbox(linkId, new SandboxCard("Jo Payer", "4242424242424242", "12/39", "123", "02139"),
                LinkTokens.newToken(), null).kind()).isEqualTo(PayResult.Kind.PAID);
        assertThat(data.invoiceStatus(first)).isEqualTo("PAID");
        assertThat(data.invoiceStatus(second)).isEqualTo("PAID");

        assertThatThrownBy(() -> As.staff(biller, BILLING, () -> statements.statement(client)))
                .as("nothing owed: nothing issued").isInstanceOfSatisfying(Statements.Refused.class,
                        e -> assertThat(e.code()).isEqualTo("statement-nothing-owed"));
        String desk = data.staff(practice, TestData.unique("desk"), false, EnumSet.noneOf(Permission.class));
        assertThatThrownBy(() -> As.staff(desk, EnumSet.noneOf(Permission.class), () -> statements.statement(client)))
                .as("Billing or Admin only").isInstanceOf(Exception.class);
    }
}
