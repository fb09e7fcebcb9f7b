package com.paylink.paymentlink.control;

import com.paylink.mail.boundary.OutgoingMail;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** PL6: what the email says, and how. */
class PaymentLinkEmailTest {

    private final OutgoingMail mail = PaymentLinkEmail.compose("Smith & Sons <Therapy>", "billing@smith.example",
            "Dana Biller", "payer@example.com", "INV-7", Instant.parse("2026-11-27T15:30:00Z"), Money.of("1250.5", "USD"),
            "https://pay.example/pay/TOKEN",
            Instant.parse("2026-11-28T15:30:00Z"), ZoneId.of("America/New_York"), Locale.ENGLISH);

    @Test
    void fromTheStaffMember_subjectIsThePracticeExactly() {
        assertThat(mail.fromName()).isEqualTo("Dana Biller");
        assertThat(mail.fromAddress()).isEqualTo("billing@smith.example");
        assertThat(mail.subject()).isEqualTo("Smith & Sons <Therapy>");
        assertThat(mail.to()).isEqualTo("payer@example.com");
    }

    @Test
    void bothPartsCarryAmountLinkExpiryAndNoAccountNeeded() {
        for (String part : new String[]{mail.text(), mail.html()}) {
            assertThat(part).contains("$1,250.50", "https://pay.example/pay/TOKEN",
                    "November 28, 2026 at 10:30 AM EST", "do not need an account", "INV-7", "November 27, 2026");
        }
    }

    @Test
    void theHtmlPartEscapesThePracticeName() {
        assertThat(mail.html()).contains("Smith &amp; Sons &lt;Therapy&gt;").doesNotContain("<Therapy>");
    }
}
