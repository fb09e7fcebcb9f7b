package com.paylink.web.staff.report;

import com.paylink.report.boundary.LinkActivityRow;
import com.paylink.shared.Money;
import com.paylink.web.common.Messages;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Flushable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the link activity report as CSV (R5): RFC 4180 quoting by Apache Commons CSV, a header row from the
 * bundle, times as ISO-8601 in the display zone to the second, amounts as plain decimals, the outcome as its code.
 * A text cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets
 * a leading apostrophe. No clinical detail: the row carries none.
 */
public final class LinkActivityCsv implements Flushable {

    /** Header keys (bundle {@code linkActivity.csv.<key>}), in column order. */
    static final List<String> COLUMNS = List.of("sentAt", "sentBy", "client", "invoice", "status", "firstViewedAt",
            "lastViewedAt", "paidAt", "revokedAt", "lockedAt", "expiresAt", "currency", "dueAtSend", "paid", "channel",
            "reminder");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CSVPrinter printer;
    private final ZoneId zone;

    public LinkActivityCsv(Appendable out, ZoneId zone, Messages messages) throws IOException {
        this.printer = new CSVPrinter(out, FORMAT);
        this.zone = zone;
        printer.printRecord(COLUMNS.stream().map(key -> messages.text("linkActivity.csv." + key)));
    }

    public void write(LinkActivityRow row) throws IOException {
        printer.printRecord(time(row.sentAt()), text(row.sentBy()), text(row.clientName()), text(row.invoiceNumber()),
                row.outcome().name(), time(row.firstViewedAt()), time(row.lastViewedAt()), time(row.paidAt()),
                time(row.revokedAt()), time(row.lockedAt()), time(row.expiresAt()), row.paid().currency(),
                amount(row.dueAtSend()), amount(row.paid()), row.channel().csv(), row.reminder());
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    /** A text cell that no spreadsheet runs as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    String time(Instant value) {
        return value == null ? "" : TIME.format(value.truncatedTo(ChronoUnit.SECONDS).atZone(zone).toOffsetDateTime());
    }

    static String amount(Money money) {
        return money.toDecimal().toPlainString();
    }
}
