package com.paylink.web.staff.report;

import com.paylink.report.boundary.LinkActivitySummary;
import com.paylink.report.boundary.WeekFigures;
import com.paylink.web.common.Messages;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report's charts as Chart.js configurations for PrimeFaces' {@code p:chart}: only presentation of the figures
 * the boundary computed (labels from the bundle, colours with enough contrast on white).
 */
final class LinkActivityCharts {

    private static final String SENT = "#1f5fa8";
    private static final String VIEWED = "#7a4fa0";
    private static final String PAID = "#2e7d32";
    /** Issue 23: the links that went by text. */
    private static final String TEXTED = "#b35c00";
    private static final String LATER = "#8bc48d";
    private static final String UNPAID = "#b0b7c3";

    private LinkActivityCharts() {
    }

    static String activity(LinkActivitySummary summary, Messages messages, Locale locale) {
        JsonArrayBuilder datasets = Json.createArrayBuilder()
                .add(bars(messages.text("linkActivity.chart.sent"), SENT, summary, WeekFigures::sent))
                .add(bars(messages.text("linkActivity.chart.viewed"), VIEWED, summary, WeekFigures::viewed))
                .add(bars(messages.text("linkActivity.chart.paid"), PAID, summary, WeekFigures::paid))
                // issue 23: of the links sent, how many went by text (alone or with the email)
                .add(bars(messages.text("linkActivity.chart.texted"), TEXTED, summary, WeekFigures::texted));
        return config("bar", labels(summary, locale), datasets, messages.text("linkActivity.chart.activity"),
                Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                        .add("ticks", Json.createObjectBuilder().add("precision", 0))));
    }

    static String collected(LinkActivitySummary summary, Messages messages, Locale locale) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        summary.weeks().forEach(w -> data.add(w.collected().toDecimal()));
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", messages.text("linkActivity.chart.collected", summary.currency()))
                .add("data", data)
                .add("borderColor", PAID)
                .add("backgroundColor", PAID)
                .add("tension", 0.2));
        return config("line", labels(summary, locale), datasets,
                messages.text("linkActivity.chart.collected", summary.currency()),
                Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)));
    }

    static String share(LinkActivitySummary summary, Messages messages) {
        long later = summary.paid() - summary.paidWithin24Hours();
        long unpaid = summary.links() - summary.paid();
        JsonArrayBuilder labels = Json.createArrayBuilder().add(messages.text("linkActivity.chart.within24h"))
                .add(messages.text("linkActivity.chart.later")).add(messages.text("linkActivity.chart.unpaid"));
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("data", Json.createArrayBuilder().add(summary.paidWithin24Hours()).add(later).add(unpaid))
                .add("backgroundColor", Json.createArrayBuilder().add(PAID).add(LATER).add(UNPAID)));
        return config("doughnut", labels, datasets, messages.text("linkActivity.chart.share"), null);
    }

    /** "Mar 7" under a bar; with the year for the weekly table. */
    static String weekLabel(LocalDate monday, Locale locale, boolean withYear) {
        return DateTimeFormatter.ofPattern(withYear ? "MMM d, yyyy" : "MMM d", locale).format(monday);
    }

    private static JsonArrayBuilder labels(LinkActivitySummary summary, Locale locale) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        summary.weeks().forEach(w -> labels.add(weekLabel(w.monday(), locale, false)));
        return labels;
    }

    private static JsonObjectBuilder bars(String label, String colour, LinkActivitySummary summary,
                                          Function<WeekFigures, Long> value) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        summary.weeks().forEach(w -> data.add(value.apply(w)));
        return Json.createObjectBuilder().add("label", label).add("data", data).add("backgroundColor", colour);
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, String title,
                                 JsonObjectBuilder scales) {
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("plugins", Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")));
        if (scales != null) {
            options.add("scales", scales);
        }
        JsonObject config = Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options)
                .build();
        return config.toString();
    }
}
