package com.paylink.ledger.control;

import java.security.SecureRandom;

/** Receipt numbers the payer can quote: "R-" and ten characters without look-alikes (no 0/O, 1/I). */
public final class ReceiptNumbers {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptNumbers() {
    }

    public static String next() {
        StringBuilder number = new StringBuilder("R-");
        for (int i = 0; i < 10; i++) {
            number.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return number.toString();
    }
}
