package dev.tradefleet.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8"));

    @Test
    void rangesAndSingleAddresses() {
        assertTrue(proxies.trusts("10.200.3.4"));
        assertTrue(proxies.trusts("192.168.1.5"));
        assertFalse(proxies.trusts("192.168.1.6"));
        assertTrue(proxies.trusts("fd12::1"));
        assertFalse(proxies.trusts("fe80::1"));
        assertFalse(proxies.trusts("127.0.0.1"), "loopback is not trusted unless configured");
        assertFalse(proxies.trusts("localhost"));
    }

    @Test
    void theClientIsTheRightmostHopThatIsNotATrustedProxy() {
        assertEquals("203.0.113.9", proxies.clientOf("10.0.0.5", "203.0.113.9"));
        // load balancer 10.1.1.1 in front of the gateway: the client hides behind it, a forged left part is ignored
        assertEquals("203.0.113.9", proxies.clientOf("10.0.0.5", "6.6.6.6, 203.0.113.9, 10.1.1.1"));
        assertEquals("2001:db8::1", proxies.clientOf("10.0.0.5", "198.51.100.1, 2001:db8::1"));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertEquals("198.51.100.7", proxies.clientOf("198.51.100.7", "1.2.3.4"));
        assertEquals("127.0.0.1", TrustedProxies.none().clientOf("127.0.0.1", "1.2.3.4"));
    }

    @Test
    void aHopThatIsNotAnAddressStopsTheWalk() {
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", "evil.example.com"));
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", "1.2.3.4\nforged: log line"));
        assertEquals("203.0.113.9", proxies.clientOf("10.0.0.5", "abc, 203.0.113.9"));
    }

    @Test
    void withoutTheHeaderThePeerIsTheClient() {
        assertEquals("10.0.0.5", proxies.clientOf("10.0.0.5", null));
    }

    @Test
    void badEntriesAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("gateway.internal")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/x")));
    }
}
