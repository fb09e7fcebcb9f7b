package com.paylink.shared;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** L11: which languages are offered, and what a stored tag means. */
class LanguagesTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void englishAndSpanishAreOffered_becauseTheirEmailBundlesExist() {
        assertThat(Languages.offered()).containsExactly(Locale.ENGLISH, SPANISH);
        assertThat(Languages.isOffered("es")).isTrue();
        assertThat(Languages.isOffered("en")).isTrue();
        assertThat(Languages.isOffered("de")).as("no bundle").isFalse();
        assertThat(Languages.isOffered("ES")).as("exactly the offered tag").isFalse();
        assertThat(Languages.isOffered("es-MX")).isFalse();
        assertThat(Languages.isOffered(null)).isFalse();
    }

    @Test
    void aProbeOfABundleWithoutLanguageFilesFindsOnlyEnglish() {
        assertThat(Languages.probe("com.paylink.no.such.bundle", Languages.class.getClassLoader()))
                .containsExactly(Locale.ENGLISH);
    }

    @Test
    void notChosenOrUnknownMeansEnglish() {
        assertThat(Languages.resolve(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve(" ")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve("de")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve("not a tag!")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.resolve("es")).isEqualTo(SPANISH);
        assertThat(Languages.resolve("es-MX")).as("its language").isEqualTo(SPANISH);
    }

    @Test
    void labelsNameTheLanguageForStaff_andInItself() {
        assertThat(Languages.label(SPANISH, Locale.ENGLISH)).isEqualTo("Spanish (español)");
        assertThat(Languages.label(Locale.ENGLISH, Locale.ENGLISH)).isEqualTo("English");
        assertThat(Languages.label(SPANISH, SPANISH)).isEqualTo("Español");
    }
}
