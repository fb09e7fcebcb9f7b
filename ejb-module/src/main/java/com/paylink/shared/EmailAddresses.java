package com.paylink.shared;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and masks email addresses the way links and the audit trail need them. */
public final class EmailAddresses {

    /** A domain on the internet: dot-separated labels that neither start nor end with a hyphen. */
    private static final Pattern INTERNET_DOMAIN = Pattern.compile(
            "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddresses() {
    }

    /**
     * A bare address that Jakarta Mail's strict RFC 822 parser accepts ({@link InternetAddress#validate()}),
     * with nothing around it (no display name, no second address, no line break), whose domain is a
     * dotted internet name: what a practice can actually send a link to.
     */
    public static boolean isValid(String address) {
        if (address == null || address.isEmpty() || address.length() > 254) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String bare = parsed.getAddress();
            int at = bare.lastIndexOf('@');
            return parsed.getPersonal() == null && bare.equals(address) && at > 0
                    && INTERNET_DOMAIN.matcher(bare.substring(at + 1)).matches();
        } catch (AddressException e) {
            return false;
        }
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
