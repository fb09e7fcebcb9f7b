package com.paylink.texting.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How carriers encode and count a text message (3GPP TS 23.038 and TS 23.040). A body written only in the GSM 7-bit
 * default alphabet travels as GSM-7: one septet a character, two for a character of the alphabet's extension table
 * (an escape, then the character: {@code ^ { } \ [ ~ ] | €} and form feed). A single other character, and the whole
 * body travels as UCS-2 instead: one unit a UTF-16 code unit, so a character beyond the BMP (an emoji) takes two.
 * One message holds 160 septets or 70 units; a longer body is split into segments of 153 septets or 67 units (the
 * rest of each segment carries the header that joins them), and a split never separates an escape from its
 * character nor the two halves of a surrogate pair: such a pair that does not fit starts the next segment.
 * An empty body is no message at all: 0 units, 0 segments.
 */
public final class SmsSegments {

    /** How a body travels. */
    public enum Encoding { GSM_7, UCS_2 }

    /** A body's encoding, its length in that encoding's units (septets or UTF-16 code units), and its segments. */
    public record Count(Encoding encoding, int units, int segments) {
    }

    static final int GSM_SINGLE = 160;
    static final int GSM_SEGMENT = 153;
    static final int UCS_SINGLE = 70;
    static final int UCS_SEGMENT = 67;

    /**
     * The default alphabet's basic table in code order, 0x00 to 0x7F, a row of 16 a line. Position 0x1B is the
     * escape to the extension table, not a character; it stands here as U+001B and is excluded below.
     */
    private static final String BASIC_TABLE =
            "@£$¥èéùìòÇ\nØø\rÅå"
                    + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
                    + " !\"#¤%&'()*+,-./"
                    + "0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNO"
                    + "PQRSTUVWXYZÄÖÑÜ§"
                    + "¿abcdefghijklmno"
                    + "pqrstuvwxyzäöñüà";

    /** The extension table's characters (each sent as escape + character): form feed, ^ { } \ [ ~ ] | €. */
    private static final String EXTENSION_TABLE = "\f^{}\\[~]|€";

    private SmsSegments() {
    }

    /** The encoding, length and number of segments of {@code body}, as a carrier counts them. */
    public static Count count(String body) {
        Objects.requireNonNull(body, "body");
        if (body.isEmpty()) {
            return new Count(Encoding.GSM_7, 0, 0);
        }
        boolean gsm = body.chars().allMatch(c -> septets((char) c) > 0);
        List<Integer> costs = new ArrayList<>(body.length());
        if (gsm) {
            body.chars().forEach(c -> costs.add(septets((char) c)));
            return count(Encoding.GSM_7, costs, GSM_SINGLE, GSM_SEGMENT);
        }
        // a surrogate pair is one cost of 2 so that it stays whole; a lone surrogate is a unit like any other
        body.codePoints().forEach(cp -> costs.add(Character.charCount(cp)));
        return count(Encoding.UCS_2, costs, UCS_SINGLE, UCS_SEGMENT);
    }

    /**
     * The characters of {@code body} outside the GSM 7-bit alphabet, which make it travel as UCS-2: each distinct
     * one once, in order of first appearance. A character beyond the BMP (an emoji) is there as its two UTF-16
     * halves, next to each other, so a {@code String} made of the list shows every such character whole.
     * Empty when the body travels as GSM-7.
     */
    public static List<Character> nonGsm(String body) {
        Objects.requireNonNull(body, "body");
        Set<Integer> seen = new HashSet<>();
        List<Character> found = new ArrayList<>();
        body.codePoints().forEach(cp -> {
            boolean gsm = Character.isBmpCodePoint(cp) && septets((char) cp) > 0;
            if (!gsm && seen.add(cp)) {
                for (char c : Character.toChars(cp)) {
                    found.add(c);
                }
            }
        });
        return List.copyOf(found);
    }

    /** Septets {@code c} takes in GSM-7: 1 (basic table), 2 (extension table), or 0 if GSM-7 cannot carry it. */
    private static int septets(char c) {
        if (c == '\u001B') {
            return 0;
        }
        if (BASIC_TABLE.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENSION_TABLE.indexOf(c) >= 0 ? 2 : 0;
    }

    private static Count count(Encoding encoding, List<Integer> costs, int single, int perSegment) {
        int units = costs.stream().mapToInt(Integer::intValue).sum();
        if (units <= single) {
            return new Count(encoding, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int cost : costs) {
            if (used + cost > perSegment) {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return new Count(encoding, units, segments);
    }
}
