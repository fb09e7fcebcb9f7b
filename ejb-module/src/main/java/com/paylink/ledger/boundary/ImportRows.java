package com.paylink.ledger.boundary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * L16: a CSV file read as it streams (Commons CSV; never the whole file in memory), its rows turned into the same
 * inputs the API takes. A row's own problems (a formula-like cell, a date or number that is not one, no id) are found
 * here; the rules of clients and invoices are the records service's.
 */
public final class ImportRows {

    /** The largest file an import takes. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    private ImportRows() {
    }

    /** One row: its number in the file (the header is row 1), and either its input or its problem. */
    public record Row(int number, String externalId, Object input, String summary, RecordRefused problem) {
    }

    /**
     * An upload kept in a temporary file as it arrives, never in memory, refused past {@link #MAX_BYTES} (the partial
     * file is deleted). The caller hands the file to an import, which deletes it when it ends.
     */
    public static Path save(java.io.InputStream upload) throws IOException {
        Path file = Files.createTempFile("paylink-import-", ".csv");
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            long copied = 0;
            byte[] buffer = new byte[64 * 1024];
            for (int n = upload.read(buffer); n >= 0; n = upload.read(buffer)) {
                copied += n;
                if (copied > MAX_BYTES) {
                    throw RecordRefused.invalid("import-too-large", MAX_BYTES / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** A parser over the file: comma-separated with a header row; a UTF-8 byte-order mark is skipped. */
    public static CSVParser open(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).get().parse(reader);
    }

    public static List<String> headers(Path file) throws IOException {
        try (CSVParser parser = open(file)) {
            return parser.getHeaderNames().stream().filter(h -> h != null && !h.isBlank()).toList();
        }
    }

    /** Rows after the header, counted without keeping them. */
    public static int count(Path file) throws IOException {
        try (CSVParser parser = open(file)) {
            int rows = 0;
            for (CSVRecord ignored : parser) {
                rows++;
            }
            return rows;
        }
    }

    public static Row row(ImportKind kind, CSVRecord record, Map<String, String> mapping) {
        int number = (int) record.getRecordNumber() + 1;
        try {
            for (Map.Entry<String, String> m : mapping.entrySet()) {
                String value = cell(record, m.getValue());
                if (value != null && formulaLike(value)) {
                    throw RecordRefused.invalid("import-formula", m.getValue());
                }
            }
            String id = cell(record, mapping.get("id"));
            if (id == null) {
                throw RecordRefused.invalid("import-id-missing", mapping.get("id"));
            }
            if (kind == ImportKind.CLIENTS) {
                String householdName = cell(record, mapping.get("householdName"));
                String billToName = cell(record, mapping.get("billToName"));
                ClientInput input = new ClientInput(cell(record, mapping.get("firstName")), cell(record, mapping.get("lastName")),
                        date(record, mapping.get("dateOfBirth")), cell(record, mapping.get("email")),
                        cell(record, mapping.get("phone")), cell(record, mapping.get("language")),
                        householdName == null ? null : List.of(new ClientInput.Household(
                                Optional.ofNullable(cell(record, mapping.get("householdRelationship"))).orElse("Household"),
                                householdName, cell(record, mapping.get("householdEmail")))),
                        billToName == null && cell(record, mapping.get("billToEmail")) == null ? null
                                : new ClientInput.BillTo(billToName == null ? "client" : "other", billToName,
                                cell(record, mapping.get("billToEmail")), cell(record, mapping.get("billToPhone"))));
                return new Row(number, id, input, input.lastName() + ", " + input.firstName(), null);
            }
            String quantity = cell(record, mapping.get("quantity"));
            Integer qty;
            try {
                qty = quantity == null ? null : Integer.valueOf(quantity);
            } catch (NumberFormatException e) {
                throw RecordRefused.invalid("import-number", mapping.get("quantity"), quantity);
            }
            InvoiceInput input = new InvoiceInput(cell(record, mapping.get("client")), null, cell(record, mapping.get("number")),
                    date(record, mapping.get("issuedOn")), null,
                    List.of(new InvoiceInput.Line(cell(record, mapping.get("description")), qty,
                            amount(cell(record, mapping.get("unitAmount"))))),
                    cell(record, mapping.get("provider")), date(record, mapping.get("serviceDate")),
                    cell(record, mapping.get("service")), cell(record, mapping.get("status")), null);
            return new Row(number, id, input, input.number(), null);
        } catch (RecordRefused e) {
            return new Row(number, cell(record, mapping.get("id")), null, null, e);
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (CSV injection: {@code =}, {@code +}, {@code @}, a tab or carriage
     * return, or {@code -} not starting a number): refused, so no export of Paylink's ever carries one.
     */
    static boolean formulaLike(String value) {
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        return first == '-' && !value.matches("-[0-9][0-9.,]*");
    }

    private static String cell(CSVRecord record, String column) {
        if (column == null || column.isBlank() || !record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalDate date(CSVRecord record, String column) {
        String value = cell(record, column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value, US_DATE);
            } catch (DateTimeParseException again) {
                throw RecordRefused.invalid("import-date", column, value);
            }
        }
    }

    /** "$1,250.00" as exported by billing systems: the currency sign and thousands separators go. */
    private static String amount(String value) {
        return value == null ? null : value.replace("$", "").replace(",", "").strip();
    }
}
