package com.paylink.practice.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PracticeContactTest {

    @Test
    void numbersAClientCouldCallAreKept() {
        for (String phone : new String[] {"(555) 010-4477", "+1 555 010 9000 ext. 12", "555.010.4477", "+44 20 7946 0958",
                "5550104477 x7"}) {
            assertThat(PracticeContact.of(phone, null).problem()).as(phone).isEmpty();
        }
    }

    @Test
    void textThatIsNotAPhoneNumberIsRefused() {
        for (String phone : new String[] {"call us", "12345", "555 010 4477 <script>", "+1 (555) 010-4477; drop",
                "1".repeat(41)}) {
            assertThat(PracticeContact.of(phone, null).problem()).as(phone).contains("practice-phone-invalid");
        }
    }

    @Test
    void onlyOneBareAddressIsAnEmail() {
        assertThat(PracticeContact.of(null, "office@lakeside-therapy.example").problem()).isEmpty();
        for (String email : new String[] {"not an address", "Office <office@example.com>", "a@b.com, c@d.com", "office@",
                "office@localhost", "office@example."}) {
            assertThat(PracticeContact.of(null, email).problem()).as(email).contains("practice-email-invalid");
        }
    }

    @Test
    void blankIsNone_andBothAreOptional() {
        PracticeContact none = PracticeContact.of("  ", "");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.problem()).isEmpty();
        assertThat(PracticeContact.of(" (555) 010-4477 ", null).phone()).isEqualTo("(555) 010-4477");
    }

    @Test
    void aPracticeNeverKeepsDetailsThatWereRefused() {
        Practice practice = new Practice("Lakeside Therapy", "office@lakeside-therapy.example", Instant.EPOCH);
        practice.contactChanged(PracticeContact.of("(555) 010-4477", null));
        assertThatThrownBy(() -> practice.contactChanged(PracticeContact.of("call us", "x@example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(practice.contact()).isEqualTo(new PracticeContact("(555) 010-4477", null));
    }
}
