package com.paylink.web.staff.report;

import com.paylink.report.boundary.LinkActivityFilter;
import com.paylink.report.boundary.LinkActivityRow;
import com.paylink.report.boundary.LinkOutcome;
import com.paylink.shared.Money;
import com.paylink.web.common.Formats;
import com.paylink.web.common.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule R5: the report's CSV quotes as RFC 4180 says, defuses cells a spreadsheet would run as formulas, writes
 * times in the display zone as ISO-8601 and amounts as plain decimals; its filter survives the page's address.
 */
class LinkActivityCsvTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static String csv(LinkActivityRow... rows) throws IOException {
        StringBuilder out = new StringBuilder();
        LinkActivityCsv csv = new LinkActivityCsv(out, NEW_YORK, Messages.staff(Locale.ENGLISH));
        for (LinkActivityRow row : rows) {
            csv.write(row);
        }
        csv.flush();
        return out.toString();
    }

    private static LinkActivityRow row(String sentBy, String client, String invoice) {
        Instant sent = Instant.parse("2022-03-14T13:00:00.750Z");
        return new LinkActivityRow(7, sent, sentBy, client, invoice, LinkOutcome.PAID, sent.plusSeconds(60), null,
                sent.plusSeconds(7_200), null, null, sent.plus(Duration.ofHours(24)), Money.of("80.00", "USD"),
                Money.of("80.00", "USD"), com.paylink.report.boundary.LinkChannel.EMAIL_AND_TEXT, 2, 4);
    }

    @Test
    void aHeaderRow_thenOneRecordPerLink_crlfEnded_timesInTheDisplayZoneToTheSecond() throws IOException {
        assertThat(csv(row("Bailey Brooks", "Reportwell, Ada", "RW-2204"))).isEqualTo(
                "sent_at,sent_by,client,invoice,status,first_viewed_at,last_viewed_at,paid_at,revoked_at,locked_at,"
                        + "expires_at,currency,due_at_send,paid_through_link,channel,reminder\r\n"
                        + "2022-03-14T09:00:00-04:00,Bailey Brooks,\"Reportwell, Ada\",RW-2204,PAID,2022-03-14T09:01:00-04:00,,"
                        + "2022-03-14T11:00:00-04:00,,,2022-03-15T09:00:00-04:00,USD,80.00,80.00,email+text,2 of 4\r\n");
    }

    @Test
    void quotesAndLineBreaksAreQuotedAsRfc4180Says() throws IOException {
        String line = csv(row("Sam \"the\" Biller", "O'Neil,\nJo", "RW-1")).split("\r\n", 2)[1];
        assertThat(line).startsWith("2022-03-14T09:00:00-04:00,\"Sam \"\"the\"\" Biller\",\"O'Neil,\nJo\",RW-1,");
    }

    @Test
    void cellsThatStartLikeAFormulaGetAnApostrophe() throws IOException {
        for (String risky : new String[]{"=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTab", "\rCR"}) {
            assertThat(LinkActivityCsv.text(risky)).as(risky).isEqualTo("'" + risky);
        }
        for (String safe : new String[]{"Ada", "O'Neil", "a=b", "", "1+1"}) {
            assertThat(LinkActivityCsv.text(safe)).as(safe).isEqualTo(safe);
        }
        assertThat(LinkActivityCsv.text(null)).isEmpty();
        assertThat(csv(row("=cmd|' /C calc'!A0", "@Reportwell, Ada", "+RW"))).contains(
                ",'=cmd|' /C calc'!A0,\"'@Reportwell, Ada\",'+RW,").doesNotContain(",=cmd");
    }

    @Test
    void theFilterSurvivesThePagesAddress() {
        LinkActivityFilter filter = new LinkActivityFilter(LocalDate.parse("2022-03-07"), LocalDate.parse("2022-03-20"),
                LinkOutcome.EXPIRED, 12L, "Rivera & Sons, ½");
        String query = LinkActivityParams.query(filter);
        assertThat(query).isEqualTo("from=2022-03-07&to=2022-03-20&status=EXPIRED&staff=12&client=Rivera+%26+Sons%2C+%C2%BD");
        assertThat(LinkActivityParams.parse("2022-03-07", "2022-03-20", "EXPIRED", "12", "Rivera & Sons, ½")).isEqualTo(filter);
        assertThat(LinkActivityParams.parse("07/03/2022", "", "paid", "-1", null))
                .as("what is not a date, an outcome or an id counts as missing")
                .isEqualTo(new LinkActivityFilter(null, null, null, null, null));
    }

    @Test
    void spansReadToTheMinute() {
        assertThat(Formats.duration(Duration.ofHours(28))).isEqualTo("1 d 4 h");
        assertThat(Formats.duration(Duration.ofMinutes(192))).isEqualTo("3 h 12 min");
        assertThat(Formats.duration(Duration.ofMinutes(25))).isEqualTo("25 min");
        assertThat(Formats.duration(Duration.ofSeconds(59))).isEqualTo("< 1 min");
        assertThat(Formats.duration(null)).isEmpty();
    }
}
