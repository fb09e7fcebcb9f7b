package com.paylink.payment.boundary;

import java.util.Objects;

/**
 * Issue 25 (PAY19): the payer ticked "Save this card" on the payment page: the words shown beside the box, in the
 * payer's language, as the server rendered them (never text posted by the browser), and the name the payer gave.
 */
public record SaveCard(String consentText, String name) {

    /** The longest name kept with a consent. */
    public static final int MAX_NAME = 200;

    public SaveCard {
        Objects.requireNonNull(consentText, "consentText");
        name = name == null ? null : name.strip();
        if (name != null && name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
    }
}
