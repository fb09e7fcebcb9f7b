package com.paylink.web.payer;

import com.paylink.payment.control.PayableAmount;
import com.paylink.web.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** PAY15: every reason an amount is refused reads as its own message, in every language the payment page speaks. */
class AmountMessagesTest {

    @Test
    void everyRefusedAmountHasItsMessage_inEnglishAndSpanish() {
        for (Locale locale : new Locale[]{Locale.ENGLISH, new Locale("es")}) {
            ResourceBundle bundle = ResourceBundle.getBundle(Messages.PAYER, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
            Stream.concat(Stream.of(PayableAmount.Problem.values()).map(p -> "pay.input." + p.code()),
                            Stream.of("pay.amount.legend", "pay.amount.full", "pay.amount.other", "pay.amount.label",
                                    "pay.amount.range", "pay.paid.partialTitle", "pay.paid.remaining", "pay.paid.inFull",
                                    "pay.paid.remainingText"))
                    .forEach(key -> assertThat(bundle.containsKey(key)).as(locale + " " + key).isTrue());
        }
        assertThat(Messages.payer(Locale.ENGLISH).text("pay.input." + PayableAmount.Problem.BELOW_MINIMUM.code(), "$20.00"))
                .isEqualTo("The smallest amount you can pay through this link is $20.00.");
    }
}
