package com.paylink.web.common;

import com.paylink.platform.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The address a request comes from, for every rule that counts by address (token lookups, payment starts, declined
 * cards, sign-in back-off) and for the readiness check's details. The server's configuration (configure.cli) copies
 * each connection's own peer address into {@value #PEER_HEADER} before anything else runs, overwriting whatever a
 * client sent; behind a proxy trusted by {@code paylink.proxy.trusted}, the client is then the right-most {@code
 * X-Forwarded-For} entry that is not a trusted proxy ({@link ClientAddresses#client}), never the left-most one the
 * client itself may have written.
 */
public final class ClientAddress {

    /** The header configure.cli sets to the TCP peer's address on every request (a client's own value is replaced). */
    public static final String PEER_HEADER = "X-Paylink-Peer";
    public static final String TRUSTED = "paylink.proxy.trusted";
    private static final Logger LOG = Logger.getLogger(ClientAddress.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static volatile String trustedSource;
    private static volatile Pattern trusted;

    private ClientAddress() {
    }

    /** The client's address (proxy-aware, see the class comment). */
    public static String of(HttpServletRequest request) {
        String recorded = request.getHeader(PEER_HEADER);
        // without the header: a server configured without configure.cli (say, a bare test container)
        String peer = recorded == null || recorded.isBlank() ? request.getRemoteAddr() : recorded;
        String forwardedFor = String.join(",", Collections.list(request.getHeaders("X-Forwarded-For")));
        Pattern proxies = trusted();
        if (proxies == null && !forwardedFor.isBlank() && ClientAddresses.isPrivate(peer) && WARNED.compareAndSet(false, true)) {
            LOG.severe(() -> "requests with X-Forwarded-For come from " + peer + ", a private address, but no proxy is "
                    + "trusted (paylink.proxy.trusted): every client behind it shares one address for rate limits and "
                    + "sign-in back-off; see docs/operations.md");
        }
        return ClientAddresses.client(peer, forwardedFor, proxies);
    }

    /**
     * Issue 28 (5): the likely mistake behind a proxy, for the health page's details as for the log: requests with
     * X-Forwarded-For have come from a private-range peer while no proxy is trusted, so every client behind that proxy
     * shares one address for rate limits and sign-in back-off.
     */
    public static java.util.Optional<String> untrustedProxyProblem() {
        return WARNED.get()
                ? java.util.Optional.of("requests with X-Forwarded-For come from a private address, but no proxy is "
                        + "trusted (" + TRUSTED + "): every client behind it shares one address; see docs/operations.md")
                : java.util.Optional.empty();
    }

    private static Pattern trusted() {
        String source = System.getProperty(TRUSTED);
        if (source == null || source.isBlank()) {
            return null;
        }
        if (!source.equals(trustedSource)) {
            try {
                trusted = Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                trusted = Pattern.compile("(?!)"); // a broken setting trusts nobody
            }
            trustedSource = source;
        }
        return trusted;
    }
}
