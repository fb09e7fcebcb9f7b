package com.paylink.texting.control;

import com.paylink.texting.control.SmsSegments.Count;
import com.paylink.texting.control.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How carriers count a text (3GPP TS 23.038 / 23.040), as the preview and the sender count it. */
class SmsSegmentsTest {

    private static final String SMILE = "\uD83D\uDE00"; // U+1F600, one character, two UTF-16 units

    @Test
    void gsm7_160SeptetsAreOneMessage_161AreTwoSegmentsOf153() {
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(new Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(new Count(Encoding.GSM_7, 161, 2));
        assertThat(SmsSegments.count("a".repeat(153 * 2))).isEqualTo(new Count(Encoding.GSM_7, 306, 2));
        assertThat(SmsSegments.count("a".repeat(307))).isEqualTo(new Count(Encoding.GSM_7, 307, 3));
    }

    @Test
    void oneCharacterOutsideTheAlphabet_makesTheWholeBodyUcs2_70UnitsAMessage_67ASegment() {
        assertThat(SmsSegments.count("á" + "a".repeat(69))).isEqualTo(new Count(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.count("á" + "a".repeat(70))).isEqualTo(new Count(Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.count("á".repeat(134))).isEqualTo(new Count(Encoding.UCS_2, 134, 2));
        assertThat(SmsSegments.count("á".repeat(135))).isEqualTo(new Count(Encoding.UCS_2, 135, 3));
    }

    @Test
    void extensionTableCharactersCostTwoSeptets() {
        assertThat(SmsSegments.count("€")).isEqualTo(new Count(Encoding.GSM_7, 2, 1));
        assertThat(SmsSegments.count("^{}\\[~]|€\f")).isEqualTo(new Count(Encoding.GSM_7, 20, 1));
        assertThat(SmsSegments.count("€".repeat(80))).isEqualTo(new Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.count("€".repeat(81))).isEqualTo(new Count(Encoding.GSM_7, 162, 2));
    }

    @Test
    void anEscapePairIsNeverSplitAcrossSegments() {
        // 306 septets would be two segments of 153; the € cannot start at the 153rd, so it opens the second
        Count count = SmsSegments.count("a".repeat(152) + "€" + "a".repeat(152));
        assertThat(count).isEqualTo(new Count(Encoding.GSM_7, 306, 3));
    }

    @Test
    void anEmojiCostsTwoUnits_andItsHalvesAreNeverSplit() {
        assertThat(SmsSegments.count(SMILE)).isEqualTo(new Count(Encoding.UCS_2, 2, 1));
        assertThat(SmsSegments.count(SMILE.repeat(35))).isEqualTo(new Count(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.count(SMILE.repeat(36))).isEqualTo(new Count(Encoding.UCS_2, 72, 2));
        // 134 units would be two segments of 67; the emoji cannot start at the 67th unit, so it opens the second
        assertThat(SmsSegments.count("a".repeat(66) + SMILE + "a".repeat(66))).isEqualTo(new Count(Encoding.UCS_2, 134, 3));
    }

    @Test
    void spanish_theAlphabetHasEnyeAndSomeAccentsButNotTheAcuteVowelsOtherThanE() {
        String inGsm = "éÉñÑüÜ¿¡àèùìòÇØøÅåÄÖäößÆæ";
        assertThat(SmsSegments.count(inGsm)).isEqualTo(new Count(Encoding.GSM_7, inGsm.length(), 1));
        assertThat(SmsSegments.nonGsm(inGsm)).isEmpty();
        for (char c : "áíóúÁÍÓÚçÈÌÒÙÀ".toCharArray()) {
            assertThat(SmsSegments.count("Pague " + c).encoding()).as("%s", c).isEqualTo(Encoding.UCS_2);
        }
    }

    @Test
    void everyPrintableAsciiCharacterButTheBacktickIsInTheAlphabet() {
        String ascii = IntStream.rangeClosed(0x20, 0x7E).filter(c -> c != '`')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(SmsSegments.nonGsm(ascii)).isEmpty();
        assertThat(SmsSegments.count(ascii).units()).as("94 characters, 8 of them from the extension table")
                .isEqualTo(94 + 8);
        assertThat(SmsSegments.nonGsm("`")).containsExactly('`');
    }

    @Test
    void theOddOnesOfTheBasicTable_costOneSeptet() {
        assertThat(SmsSegments.count("@£$¥¤§_\n\rΔΦΓΛΩΠΨΣΘΞ")).isEqualTo(new Count(Encoding.GSM_7, 19, 1));
    }

    @Test
    void nonGsm_listsEachOffendingCharacterOnce_inOrder_emojiWhole() {
        assertThat(SmsSegments.nonGsm("Pagó 10 € — gracias, pagó " + SMILE + SMILE + "\uD83D\uDE03"))
                .containsExactly('ó', '—', '\uD83D', '\uDE00', '\uD83D', '\uDE03');
        assertThat(SmsSegments.nonGsm("Paid ’in full’")).containsExactly('’');
        assertThat(SmsSegments.nonGsm("Paid in full")).isEmpty();
    }

    @Test
    void emptyBodyIsNoMessage() {
        assertThat(SmsSegments.count("")).isEqualTo(new Count(Encoding.GSM_7, 0, 0));
    }
}
