package com.paylink.ledger.boundary;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** L16: a CSV row's own problems, found before any rule of the records: formula-like cells, dates, numbers, the id. */
class ImportRowsTest {

    @Test
    void aCellThatASpreadsheetWouldRunIsRefused_aNegativeNumberIsNot() {
        for (String formula : new String[]{"=1+2", "+cmd", "@SUM(A1)", "-cmd", "\tx", "\rx"}) {
            assertThat(ImportRows.formulaLike(formula)).as(formula).isTrue();
        }
        for (String plain : new String[]{"-12.50", "Smith", "a=b", "100"}) {
            assertThat(ImportRows.formulaLike(plain)).as(plain).isFalse();
        }
    }

    @Test
    void rowsBecomeInputs_orTheirProblem_andTheByteOrderMarkIsSkipped() throws Exception {
        Path file = Files.createTempFile("rows", ".csv");
        Files.writeString(file, "\uFEFFInvoice ID,Client,No,Date,Item,Qty,Amount\n"
                + "I1,C1,N-1,12/07/2026,Visit,2,\"$1,200.00\"\n"
                + "I2,C1,N-2,2026-13-01,Visit,1,10\n"
                + ",C1,N-3,2026-12-01,Visit,1,10\n"
                + "I4,C1,N-4,2026-12-01,=HYPERLINK(\"x\"),1,10\n"
                + "I5,C1,N-5,2026-12-01,Visit,two,10\n", StandardCharsets.UTF_8);
        assertThat(ImportRows.headers(file)).startsWith("Invoice ID");
        assertThat(ImportRows.count(file)).isEqualTo(5);
        Map<String, String> mapping = Map.of("id", "Invoice ID", "client", "Client", "number", "No", "issuedOn", "Date",
                "description", "Item", "quantity", "Qty", "unitAmount", "Amount");
        List<ImportRows.Row> rows = new ArrayList<>();
        try (CSVParser parser = ImportRows.open(file)) {
            for (CSVRecord record : parser) {
                rows.add(ImportRows.row(ImportKind.INVOICES, record, mapping));
            }
        }
        InvoiceInput first = (InvoiceInput) rows.get(0).input();
        assertThat(rows.get(0).number()).as("the header is row 1").isEqualTo(2);
        assertThat(first.issuedOn()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(first.lines().get(0).unitAmount()).isEqualTo("1200.00");
        assertThat(first.lines().get(0).quantity()).isEqualTo(2);
        assertThat(rows.get(1).problem().code()).isEqualTo("import-date");
        assertThat(rows.get(2).problem().code()).isEqualTo("import-id-missing");
        assertThat(rows.get(3).problem().code()).isEqualTo("import-formula");
        assertThat(rows.get(4).problem().code()).isEqualTo("import-number");
    }

    @Test
    void usualColumnNamesAreRecognised() {
        List<String> headers = List.of("Client #", "First Name", "SURNAME", "D.O.B.", "E-mail");
        assertThat(ImportKind.CLIENTS.suggest("lastName", headers)).isEqualTo("SURNAME");
        assertThat(ImportKind.CLIENTS.suggest("dateOfBirth", headers)).isEqualTo("D.O.B.");
        assertThat(ImportKind.CLIENTS.suggest("email", headers)).isEqualTo("E-mail");
        assertThat(ImportKind.CLIENTS.suggest("phone", headers)).isNull();
    }
}
