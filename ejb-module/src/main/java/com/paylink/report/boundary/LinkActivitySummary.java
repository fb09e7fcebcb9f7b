package com.paylink.report.boundary;

import com.paylink.shared.Money;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * The figures of a report over every matching link (R4): counts, the share paid within 24 hours of sending (a
 * whole percent, null without links), the median time from sending to payment (null when nothing was paid), the
 * amount paid through links per currency (the report's {@code currency} first), and the same per ISO week of
 * sending.
 */
public record LinkActivitySummary(LinkActivityFilter filter, long links, long viewed, long paid, long paidWithin24Hours,
                                  Integer sharePaidWithin24HoursPercent, Duration medianToPayment, String currency,
                                  List<Money> collected, List<WeekFigures> weeks) implements Serializable {

    public LinkActivitySummary(LinkActivityFilter filter, long links, long viewed, long paid, long paidWithin24Hours,
                               Duration medianToPayment, String currency, List<Money> collected, List<WeekFigures> weeks) {
        this(filter, links, viewed, paid, paidWithin24Hours, percent(paidWithin24Hours, links), medianToPayment,
                currency, List.copyOf(collected), List.copyOf(weeks));
    }

    /** {@code part} of {@code whole} as a whole percent, rounded half up; null when {@code whole} is zero. */
    static Integer percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return (int) ((part * 200 + whole) / (whole * 2));
    }
}
