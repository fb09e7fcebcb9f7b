package com.paylink.payment.boundary;

/**
 * What the payer asked to pay: the full balance, or (where the link allows partial payments) the amount they
 * typed, as typed. The server decides what that means (PAY16); nothing here is trusted.
 */
public record PayAmount(boolean fullBalance, String entered) {

    /** The full balance: the only choice on a link sent without partial payments. */
    public static final PayAmount FULL_BALANCE = new PayAmount(true, null);

    public static PayAmount other(String entered) {
        return new PayAmount(false, entered);
    }
}
