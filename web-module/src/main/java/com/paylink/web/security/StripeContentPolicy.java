package com.paylink.web.security;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Content-Security-Policy follows the configured Stripe.js ({@code paylink.stripe.js.url}): with Stripe's own,
 * the policy of web.xml allows Stripe's documented domains; with another (the local stand-in), that script's origin
 * takes their place in every directive, and Stripe's domains are no longer allowed.
 */
final class StripeContentPolicy {

    /** The sources web.xml's policy names for Stripe (docs.stripe.com/security/guide#content-security-policy). */
    private static final Set<String> STRIPE_SOURCES = Set.of("https://js.stripe.com", "https://api.stripe.com",
            "https://m.stripe.network", "https://hooks.stripe.com", "https://*.stripe.com", "https://connect.stripe.com");
    private static final String STRIPE_ORIGIN = "https://js.stripe.com";

    private StripeContentPolicy() {
    }

    /** {@code policy} with Stripe's sources replaced by the origin of {@code stripeJsUrl}, unless that is Stripe's. */
    static String apply(String policy, String stripeJsUrl) {
        String origin = origin(stripeJsUrl);
        if (STRIPE_ORIGIN.equals(origin)) {
            return policy;
        }
        return Arrays.stream(policy.split(";"))
                .map(String::trim)
                .map(directive -> Arrays.stream(directive.split("\\s+"))
                        .map(token -> STRIPE_SOURCES.contains(token) ? origin : token)
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .map(tokens -> String.join(" ", tokens))
                .collect(Collectors.joining("; "));
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
