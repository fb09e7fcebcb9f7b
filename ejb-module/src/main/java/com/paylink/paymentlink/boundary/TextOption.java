package com.paylink.paymentlink.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * Issue 23: what the send dialog shows of the text channel. When {@code available}: the masked number, when the text
 * would go (now, or when quiet hours end: {@code held}), the exact text with the token shown as X's, and its segment
 * count and encoding. When not: the reason's message code ({@code error.<code>}) and its argument.
 */
public record TextOption(boolean available, String maskedNumber, String refusalCode, String refusalArgument,
                         Instant goesAt, boolean held, String zone, String preview, int segments, String encoding)
        implements Serializable {

    static TextOption refused(PaymentLinkRefused.Reason reason, String masked) {
        return new TextOption(false, masked, reason.code(), masked, null, false, null, null, 0, null);
    }
}
