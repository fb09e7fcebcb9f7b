package com.paylink.payment.boundary;

import com.paylink.shared.BusinessException;
import com.paylink.shared.Money;

/**
 * PAY16: the amount the payer asked for cannot be paid through this link (below its minimum, above the
 * balance, not an amount, ...); nothing was charged. {@link #code()} keys the message
 * ({@code pay.input.<code>}); {@link #limit()} is the figure it names, if any.
 */
public class AmountRefused extends BusinessException {

    private final String code;
    private final Money limit;

    public AmountRefused(String code, Money limit) {
        super("amount refused: " + code);
        this.code = code;
        this.limit = limit;
    }

    @Override
    public String code() {
        return code;
    }

    /** The minimum, the balance or the smallest remainder the message names; null when it names none. */
    public Money limit() {
        return limit;
    }
}
