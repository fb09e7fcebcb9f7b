package com.paylink.web.common;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 28 (5): the health page's details (from here) tell the operator when requests come through a proxy nobody trusts. */
class ClientAddressTest {

    @Test
    void requestsFromAPrivatePeerWithForwardedForWhileNoProxyIsTrusted_areAProblemForTheHealthPage() {
        String before = System.getProperty(ClientAddress.TRUSTED);
        System.clearProperty(ClientAddress.TRUSTED);
        try {
            assertThat(ClientAddress.untrustedProxyProblem()).as("nothing seen yet").isEmpty();
            // from loopback (a proxy on this machine, or a test): not the mistake
            ClientAddress.of(request("127.0.0.1", "203.0.113.9"));
            assertThat(ClientAddress.untrustedProxyProblem()).isEmpty();

            assertThat(ClientAddress.of(request("10.0.0.5", "203.0.113.9")))
                    .as("untrusted: the peer itself, never what it forwards").isEqualTo("10.0.0.5");
            assertThat(ClientAddress.untrustedProxyProblem()).hasValueSatisfying(problem ->
                    assertThat(problem).contains("no proxy is trusted", "paylink.proxy.trusted"));
        } finally {
            if (before != null) {
                System.setProperty(ClientAddress.TRUSTED, before);
            }
        }
    }

    /** A request from {@code peer} (as configure.cli records it) carrying X-Forwarded-For. */
    private static HttpServletRequest request(String peer, String forwardedFor) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> ClientAddress.PEER_HEADER.equals(args[0]) ? peer : null;
                    case "getHeaders" -> Collections.enumeration("X-Forwarded-For".equals(args[0])
                            ? List.of(forwardedFor) : List.<String>of());
                    case "getRemoteAddr" -> peer;
                    default -> null;
                });
    }
}
