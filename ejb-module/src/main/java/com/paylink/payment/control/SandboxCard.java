package com.paylink.payment.control;

/**
 * What the payer typed into the sandbox form. Held only for the request; never stored or logged
 * ({@link #toString()} shows nothing of it).
 */
public record SandboxCard(String name, String number, String expiry, String cvc, String postalCode) {

    public String digits() {
        return number == null ? "" : number.replaceAll("[\\s-]", "");
    }

    @Override
    public String toString() {
        return "SandboxCard[redacted]";
    }
}
