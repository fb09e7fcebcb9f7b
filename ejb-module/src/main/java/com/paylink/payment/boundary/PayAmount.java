package com.paylink.payment.boundary;

/**
 * What the payer asked to pay: the full balance, or (where the link allows partial payments) the amount they
 * typed, as typed. The server decides what that means (PAY16); nothing here is trusted.
 */
public record PayAmount(boolean fullBalance, String entered) {

    /** The longest amount anyone types; longer is refused as not a number, before anything parses it or locks. */
    public static final int MAX_TYPED_LENGTH = com.paylink.payment.control.PayableAmount.MAX_TYPED_LENGTH;

    /** The full balance: the only choice on a link sent without partial payments. */
    public static final PayAmount FULL_BALANCE = new PayAmount(true, null);

    public static PayAmount other(String entered) {
        return new PayAmount(false, entered);
    }
}
