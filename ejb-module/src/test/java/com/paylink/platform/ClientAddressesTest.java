package com.paylink.platform;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 28: the client behind proxies is the right-most untrusted X-Forwarded-For entry; IPv6 counts per /64. */
class ClientAddressesTest {

    private static final Pattern PROXIES = Pattern.compile("10[.]0[.]0[.]5|10[.]0[.]0[.]6");

    @Test
    void behindATrustedProxy_theRightMostEntryThatIsNotAProxyIsTheClient_notWhatTheClientWroteOnTheLeft() {
        // the client wrote "6.6.6.6"; the proxy appended the address it saw
        assertThat(ClientAddresses.client("10.0.0.5", "6.6.6.6, 198.51.100.7", PROXIES)).isEqualTo("198.51.100.7");
        // two trusted proxies in a row: both skipped
        assertThat(ClientAddresses.client("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.6", PROXIES)).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.client("10.0.0.5", "198.51.100.7", PROXIES)).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.client("10.0.0.5", "[2001:db8::7]:4711", PROXIES)).isEqualTo("2001:db8::7");
        assertThat(ClientAddresses.client("10.0.0.5", "198.51.100.7:4711", PROXIES)).isEqualTo("198.51.100.7");
    }

    @Test
    void onlyIpLiteralsCount_andNobodyElseCanChooseTheirAddress() {
        assertThat(ClientAddresses.client("10.0.0.5", "198.51.100.7, unknown", PROXIES))
                .as("a name ends the walk at the proxy").isEqualTo("10.0.0.5");
        assertThat(ClientAddresses.client("10.0.0.5", "evil.example", PROXIES)).isEqualTo("10.0.0.5");
        assertThat(ClientAddresses.client("10.0.0.5", "999.1.1.1", PROXIES)).isEqualTo("10.0.0.5");
        assertThat(ClientAddresses.client("203.0.113.9", "198.51.100.7", PROXIES)).as("not a trusted peer").isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.client("10.0.0.5", "198.51.100.7", null)).as("no proxy trusted").isEqualTo("10.0.0.5");
        assertThat(ClientAddresses.client("10.0.0.5", "10.0.0.6", PROXIES)).as("only proxies: the last one").isEqualTo("10.0.0.6");
    }

    @Test
    void ipv6CountsPerSlash64_andEveryAddressIsCutToTheStoredLength() {
        assertThat(ClientAddresses.bucket("2001:db8:1:2::1")).isEqualTo(ClientAddresses.bucket("2001:db8:1:2:ffff::9"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddresses.bucket("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.bucket("2001:db8:1:2::1"));
        assertThat(ClientAddresses.bucket("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.bucket("x".repeat(100))).hasSize(64);
    }

    @Test
    void privatePeers() {
        assertThat(ClientAddresses.isPrivate("10.1.2.3")).isTrue();
        assertThat(ClientAddresses.isPrivate("192.168.1.1")).isTrue();
        assertThat(ClientAddresses.isPrivate("fd00::1")).isTrue();
        assertThat(ClientAddresses.isPrivate("127.0.0.1")).isFalse();
        assertThat(ClientAddresses.isPrivate("198.51.100.7")).isFalse();
    }
}
