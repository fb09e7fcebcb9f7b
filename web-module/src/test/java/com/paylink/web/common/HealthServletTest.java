package com.paylink.web.common;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 28 (5): the health page's details tell the operator when requests come through a proxy nobody trusts. */
class HealthServletTest {

    @Test
    void requestsFromAPrivatePeerWithForwardedForWhileNoProxyIsTrusted_turnTheClientAddressCheckDown() {
        String before = System.getProperty(ClientAddress.TRUSTED);
        System.clearProperty(ClientAddress.TRUSTED);
        try {
            assertThat(HealthServlet.clientAddresses().status()).as("nothing seen yet").isEqualTo("UP");
            // from loopback (a proxy on this machine, or a test): not the mistake
            ClientAddress.of(request("127.0.0.1", "203.0.113.9"));
            assertThat(HealthServlet.clientAddresses().status()).isEqualTo("UP");

            assertThat(ClientAddress.of(request("10.0.0.5", "203.0.113.9")))
                    .as("untrusted: the peer itself, never what it forwards").isEqualTo("10.0.0.5");
            HealthServlet.Check check = HealthServlet.clientAddresses();
            assertThat(check.name()).isEqualTo("client-addresses");
            assertThat(check.status()).isEqualTo("DOWN");
            assertThat(check.data().get("problem")).contains("no proxy is trusted", "paylink.proxy.trusted");
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
