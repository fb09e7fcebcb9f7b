package com.paylink.web.common;

import com.paylink.platform.PaylinkConfig;
import com.paylink.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats money, dates and times for pages ({@code #{fmt.money(x)}}), in one place. */
@Named("fmt")
@ApplicationScoped
public class Formats {

    /** Times are shown in the practice's zone; {@code paylink.display.zone} sets it (default US Eastern). */
    private ZoneId zone;
    private final Locale locale = Locale.US;
    private final DateTimeFormatter date = DateTimeFormatter.ofPattern("MM/dd/yyyy", locale);
    private final DateTimeFormatter shortDateTime = DateTimeFormatter.ofPattern("MM/dd h:mm a", locale);
    private final DateTimeFormatter dateTime = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm a z", locale);

    @Inject
    PaylinkConfig config;

    @PostConstruct
    void init() {
        zone = config.displayZone();
    }

    public String money(Money money) {
        return money == null ? "" : money.format(locale);
    }

    /** An amount the way the payer's language writes it (payment pages): "$150.00", "150,00 US$". */
    public String moneyIn(Money money, Locale language) {
        return money == null ? "" : money.format(language);
    }

    /** A day and time for the payment pages, by the pattern {@code format.dateTime} of the payer's language. */
    public String dateTimeIn(Instant value, Locale language) {
        return value == null ? "" : DateTimeFormatter.ofPattern(Messages.common(language).text("format.dateTime"), language)
                .format(value.atZone(zone));
    }

    /** A day for the payment pages, by the pattern {@code format.date} of the payer's language. */
    public String dateIn(LocalDate value, Locale language) {
        return value == null ? "" : DateTimeFormatter.ofPattern(Messages.common(language).text("format.date"), language)
                .format(value);
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    public String dayOf(Instant value) {
        return value == null ? "" : date.format(value.atZone(zone));
    }

    public String dateTime(Instant value) {
        return value == null ? "" : dateTime.format(value.atZone(zone));
    }

    /** Issue 25: a card brand as the gateway names it (visa, mastercard, amex), as people write it. */
    public String cardBrand(String brand) {
        return com.paylink.shared.CardSummary.brandName(brand);
    }

    /** "11/27 5:40 AM": for narrow table cells; the full time goes in the title. */
    public String shortDateTime(Instant value) {
        return value == null ? "" : shortDateTime.format(value.atZone(zone));
    }

    /** "1 d 4 h", "3 h 12 min", "25 min", "< 1 min": a span of time for a summary, to the minute. */
    public static String duration(Duration value) {
        if (value == null) {
            return "";
        }
        long minutes = value.toMinutes();
        if (minutes < 1) {
            return "< 1 min";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        return hours > 0 ? hours + " h " + rest + " min" : rest + " min";
    }

    public String span(Duration value) {
        return duration(value);
    }

    public String enumLabel(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String lower = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
