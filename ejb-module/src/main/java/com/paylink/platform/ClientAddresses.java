package com.paylink.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which address a request comes from, and how addresses are counted (rate limits, declined cards, sign-in back-off).
 * <ul>
 * <li>Behind a trusted reverse proxy, the client is the right-most {@code X-Forwarded-For} entry that is not itself a
 * trusted proxy: proxies append what they saw, so everything to its left was written by the client and proves
 * nothing. Only IP literals count; anything else (a name, "unknown", garbage) ends the walk at the peer.</li>
 * <li>An IPv6 client is counted per /64 (one subscriber's prefix: a single host can use all of it); IPv4 per address.
 * The same {@link #bucket} is used wherever an address is stored and wherever it is compared.</li>
 * </ul>
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]{2,39}(%[0-9A-Za-z]{1,15})?");

    private ClientAddresses() {
    }

    /**
     * The client of a request whose TCP peer is {@code peer} and whose {@code X-Forwarded-For} header (all of its
     * values, joined by commas) is {@code forwardedFor}; {@code trusted} matches the trusted proxies (null: none).
     */
    public static String client(String peer, String forwardedFor, Pattern trusted) {
        if (trusted == null || peer == null || !trusted.matcher(peer).matches() || forwardedFor == null
                || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<String> hop = literal(hops[i]);
            if (hop.isEmpty()) {
                return client; // not an address: nothing further left can be believed
            }
            client = hop.get();
            if (!trusted.matcher(client).matches()) {
                return client;
            }
        }
        return client;
    }

    /** The entry as an IP literal (IPv4, or IPv6 with or without brackets and port), or empty. */
    static Optional<String> literal(String entry) {
        String value = entry == null ? "" : entry.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            value = end < 0 ? "" : value.substring(1, end);
        } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
            value = value.substring(0, value.indexOf(':')); // IPv4 with a port
        }
        if (IPV4.matcher(value).matches()) {
            return Optional.of(value);
        }
        if (value.contains(":") && IPV6.matcher(value).matches() && validIpv6(value)) {
            return Optional.of(value.toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    private static boolean validIpv6(String value) {
        try {
            // a literal is parsed without any name lookup
            return java.net.InetAddress.getByName("[" + value.replaceAll("%.*$", "") + "]") instanceof java.net.Inet6Address
                    || value.startsWith("::ffff:");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * How an address is counted and stored: an IPv6 address by its /64 prefix ({@code 2001:db8:1:2::/64}), anything
     * else as it is, at most 64 characters (as stored, so that a stored and a live address compare alike).
     */
    public static String bucket(String address) {
        if (address == null) {
            return null;
        }
        String value = address.trim();
        if (value.contains(":")) {
            try {
                byte[] bytes = java.net.InetAddress.getByName("[" + value.replaceAll("%.*$", "") + "]").getAddress();
                if (bytes.length == 16) {
                    StringBuilder prefix = new StringBuilder();
                    for (int i = 0; i < 8; i += 2) {
                        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                    }
                    return prefix.append(":/64").toString();
                }
            } catch (java.net.UnknownHostException e) {
                // not an IPv6 literal: counted as it is
            }
        }
        return value.length() > 64 ? value.substring(0, 64) : value;
    }

    /** A peer in a private, unique-local or link-local range (a proxy or balancer is likely in front). */
    public static boolean isPrivate(String peer) {
        try {
            java.net.InetAddress address = java.net.InetAddress.getByName(peer.contains(":") ? "[" + peer + "]" : peer);
            if (address.isLoopbackAddress()) {
                return false;
            }
            byte[] b = address.getAddress();
            return address.isSiteLocalAddress() || address.isLinkLocalAddress() || (b.length == 16 && (b[0] & 0xfe) == 0xfc);
        } catch (java.net.UnknownHostException | RuntimeException e) {
            return false;
        }
    }
}
