package com.paylink.paymentlink.control;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and masks email addresses the way links and the audit trail need them. */
public final class EmailAddresses {

    // one @, a local part without spaces, a domain with at least one dot and no empty labels
    private static final Pattern VALID = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && VALID.matcher(address).matches()
                && !address.startsWith(".") && !address.contains("..");
    }

    public static String normalize(String address) {
        return address == null ? null : address.trim().toLowerCase(Locale.ROOT);
    }

    /** {@code jane.doe@example.com} → {@code j***@example.com}; what the confirmation and the audit show. */
    public static String mask(String address) {
        if (address == null) {
            return "";
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}
