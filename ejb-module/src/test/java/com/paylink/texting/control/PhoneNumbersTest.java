package com.paylink.texting.control;

import com.paylink.texting.control.PhoneNumbers.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clients' mobile numbers: typed in any common way, kept in E.164, refused with the exact reason. */
class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"(201) 555-0123", "201-555-0123", "201.555.0123", "2015550123", "1 201 555 0123",
            "1-201-555-0123", "+1 201 555 0123", "+12015550123", "  201 555 0123  "})
    void usNumbersInTheWaysPeopleWriteThem_becomeE164(String typed) {
        assertThat(PhoneNumbers.problem(typed, "US")).isEqualTo(Problem.NONE);
        assertThat(PhoneNumbers.e164(typed, "US")).hasValue("+12015550123");
    }

    /** Fictional (NANPA keeps 555-0100 to 555-0199 for fiction) yet valid in libphonenumber: for demo data and tests. */
    @ParameterizedTest
    @ValueSource(strings = {"+12015550123", "+12125550147", "+13105550182", "+14155550136", "+16175550199",
            "+17185550110"})
    void fictionalUs555_01NumbersInRealAreaCodes_canBeTexted(String number) {
        assertThat(PhoneNumbers.problem(number, "US")).isEqualTo(Problem.NONE);
        assertThat(PhoneNumbers.e164(number, "US")).hasValue(number);
    }

    @Test
    void aNumberWithItsCountryCode_isReadWhateverTheRegion() {
        assertThat(PhoneNumbers.e164("+34 612 345 678", "US")).hasValue("+34612345678");
        assertThat(PhoneNumbers.e164("612 345 678", "ES")).hasValue("+34612345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "call me", "201-555-CALL", "201-555-0123 ext 5", "---"})
    void lettersOrNoDigits_areNotANumber(String typed) {
        assertThat(PhoneNumbers.problem(typed, "US")).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(PhoneNumbers.e164(typed, "US")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "555-0123", "201-555-01", "201555012345", "+1 555 555 0123", "+999 1234 5678"})
    void tooShortTooLongOrNoSuchNumber_isInvalid(String typed) {
        assertThat(PhoneNumbers.problem(typed, "US")).isEqualTo(Problem.INVALID);
        assertThat(PhoneNumbers.e164(typed, "US")).isEmpty();
    }

    @Test
    void withoutACountryCodeOrARegion_isInvalid() {
        assertThat(PhoneNumbers.problem("201 555 0123", null)).isEqualTo(Problem.INVALID);
        assertThat(PhoneNumbers.e164("+1 201 555 0123", null)).hasValue("+12015550123");
    }

    @Test
    void nothingTyped_isEmpty() {
        assertThat(PhoneNumbers.problem(null, "US")).isEqualTo(Problem.EMPTY);
        assertThat(PhoneNumbers.problem("", "US")).isEqualTo(Problem.EMPTY);
        assertThat(PhoneNumbers.problem("   ", "US")).isEqualTo(Problem.EMPTY);
        assertThat(PhoneNumbers.e164(null, "US")).isEmpty();
    }

    @Test
    void aNumberThatCannotReceiveTexts_isNotMobile() {
        assertThat(PhoneNumbers.problem("800-555-0123", "US")).as("toll-free").isEqualTo(Problem.NOT_MOBILE);
        assertThat(PhoneNumbers.problem("+44 20 7946 0958", "US")).as("a London landline").isEqualTo(Problem.NOT_MOBILE);
        assertThat(PhoneNumbers.e164("800-555-0123", "US")).isEmpty();
    }

    @Test
    void masked_showsTheCountryCodeAndTheLastFourDigitsOnly() {
        assertThat(PhoneNumbers.masked("+12015550123")).isEqualTo("+1 •••-•••-0123");
        assertThat(PhoneNumbers.masked("+34612345678")).isEqualTo("+34 ••• •• 56 78");
    }

    @Test
    void masked_andDisplay_refuseWhatIsNotE164_withoutRepeatingIt() {
        for (String wrong : new String[]{"201-555-0123", "2015550123", "+1 201 555 0123", "", null}) {
            assertThatThrownBy(() -> PhoneNumbers.masked(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("555");
            assertThatThrownBy(() -> PhoneNumbers.display(wrong)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("555");
        }
    }

    @Test
    void display_isTheInternationalFormat() {
        assertThat(PhoneNumbers.display("+12015550123")).isEqualTo("+1 201-555-0123");
        assertThat(PhoneNumbers.display("+34612345678")).isEqualTo("+34 612 34 56 78");
    }
}
