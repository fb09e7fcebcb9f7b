package com.paylink.payment.control;

import com.paylink.payment.control.PayableAmount.Decision;
import com.paylink.payment.control.PayableAmount.Problem;
import com.paylink.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** PAY16: what a payer may pay through one link, whatever the page sent. */
class PayableAmountTest {

    private static final Money BALANCE = usd("150.00");
    private static final Optional<Money> MIN_20 = Optional.of(usd("20.00"));

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static Decision other(String entered) {
        return PayableAmount.decide(false, entered, BALANCE, MIN_20);
    }

    @Test
    void theFullBalanceIsAlwaysPayable_whateverWasTyped() {
        assertThat(PayableAmount.decide(true, "5", BALANCE, MIN_20).amount()).isEqualTo(BALANCE);
        assertThat(PayableAmount.decide(true, "junk", BALANCE, Optional.empty()).amount()).isEqualTo(BALANCE);
    }

    @Test
    void anAmountFromTheMinimumToTheBalanceIsTaken_asTyped() {
        assertThat(other("50").amount()).isEqualTo(usd("50.00"));
        assertThat(other("$50.5").amount()).isEqualTo(usd("50.50"));
        assertThat(other(" 20.00 ").amount()).as("the minimum itself").isEqualTo(usd("20.00"));
        assertThat(other("149.50").amount()).isEqualTo(usd("149.50"));
        assertThat(other("150").amount()).as("the whole balance, typed").isEqualTo(BALANCE);
        assertThat(other("50.").amount()).isEqualTo(usd("50.00"));
        assertThat(PayableAmount.decide(false, "1,250.00", usd("2000.00"), MIN_20).amount()).isEqualTo(usd("1250.00"));
    }

    @Test
    void anOverLongAmountIsNotANumber_whateverItSpells() {
        String thirtyTwo = "0".repeat(27) + "50.00";
        assertThat(other(thirtyTwo).amount()).as("32 characters: still read").isEqualTo(usd("50.00"));
        assertThat(other("0" + thirtyTwo)).isEqualTo(new Decision(null, Problem.NOT_A_NUMBER, null));
        assertThat(other("9".repeat(2_000_000))).isEqualTo(new Decision(null, Problem.NOT_A_NUMBER, null));
    }

    @Test
    void eachBadAmountHasItsOwnReason_andTheFigureThePayerNeeds() {
        assertThat(other("5")).isEqualTo(new Decision(null, Problem.BELOW_MINIMUM, usd("20.00")));
        assertThat(other("19.99").problem()).isEqualTo(Problem.BELOW_MINIMUM);
        assertThat(other("150.01")).isEqualTo(new Decision(null, Problem.ABOVE_BALANCE, BALANCE));
        assertThat(other("99999999999999999999").problem()).isEqualTo(Problem.ABOVE_BALANCE);
        assertThat(other("50.123").problem()).isEqualTo(Problem.TOO_MANY_DECIMALS);
        assertThat(other("50.120").amount()).as("a trailing zero is no decimal").isEqualTo(usd("50.12"));
        assertThat(other("0").problem()).isEqualTo(Problem.NOT_POSITIVE);
        assertThat(other("0.00").problem()).isEqualTo(Problem.NOT_POSITIVE);
        assertThat(other("-50").problem()).isEqualTo(Problem.NOT_POSITIVE);
        for (String junk : new String[]{"abc", "50,00", "5e1", "1e3", "50..0", "--5", "½", "50 USD", "0x10"}) {
            assertThat(other(junk).problem()).as(junk).isEqualTo(Problem.NOT_A_NUMBER);
        }
        assertThat(other("").problem()).isEqualTo(Problem.REQUIRED);
        assertThat(other(null).problem()).isEqualTo(Problem.REQUIRED);
        assertThat(other("149.75")).as("$0.25 left could never be paid by card")
                .isEqualTo(new Decision(null, Problem.LEAVES_TOO_LITTLE, usd("0.50")));
        assertThat(Problem.BELOW_MINIMUM.code()).isEqualTo("amount_below_minimum");
    }

    @Test
    void aLinkSentForTheFullBalanceOnlyTakesNoOtherAmount() {
        assertThat(PayableAmount.decide(false, "50", BALANCE, Optional.empty()))
                .isEqualTo(new Decision(null, Problem.PARTIAL_NOT_ALLOWED, BALANCE));
        assertThat(PayableAmount.decide(false, "150.00", BALANCE, Optional.empty()).amount())
                .as("typing the whole balance is a full payment").isEqualTo(BALANCE);
    }

    @Test
    void aMinimumAboveTheBalanceLeavesOnlyTheBalance() {
        Money small = usd("15.00");
        assertThat(PayableAmount.smallestPartial(small, MIN_20)).isEmpty();
        assertThat(PayableAmount.decide(false, "10", small, MIN_20).problem()).isEqualTo(Problem.PARTIAL_NOT_ALLOWED);
        assertThat(PayableAmount.decide(false, "15", small, MIN_20).amount()).isEqualTo(small);
        assertThat(PayableAmount.smallestPartial(BALANCE, MIN_20)).contains(usd("20.00"));
        assertThat(PayableAmount.smallestPartial(BALANCE, Optional.empty())).isEmpty();
    }
}
