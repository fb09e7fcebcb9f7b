package com.paylink.web.staff.report;

import com.paylink.report.boundary.LinkActivityFilter;
import com.paylink.report.boundary.LinkOutcome;
import com.paylink.web.common.Pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The link activity report's filter as URL parameters ({@code from}, {@code to} as YYYY-MM-DD; {@code status},
 * {@code staff}, {@code client}), so the page can be bookmarked and its CSV link carries the same filter. Text
 * that is not a date or not an outcome counts as missing; the boundary judges the rest (R2).
 */
public final class LinkActivityParams {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String STATUS = "status";
    public static final String STAFF = "staff";
    public static final String CLIENT = "client";

    private LinkActivityParams() {
    }

    public static LinkActivityFilter parse(String from, String to, String status, String staff, String client) {
        return new LinkActivityFilter(date(from), date(to), outcome(status), Pages.id(staff), client);
    }

    /** The query string (without "?") that {@link #parse} reads back as {@code filter}. */
    public static String query(LinkActivityFilter filter) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(FROM, filter.from() == null ? null : filter.from().toString());
        params.put(TO, filter.to() == null ? null : filter.to().toString());
        params.put(STATUS, filter.outcome() == null ? null : filter.outcome().name());
        params.put(STAFF, filter.staffId() == null ? null : filter.staffId().toString());
        params.put(CLIENT, filter.client());
        return params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LinkOutcome outcome(String text) {
        return text == null ? null : Arrays.stream(LinkOutcome.values()).filter(o -> o.name().equals(text.strip()))
                .findFirst().orElse(null);
    }
}
