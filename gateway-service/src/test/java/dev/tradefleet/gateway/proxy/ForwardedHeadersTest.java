package dev.tradefleet.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardedHeadersTest {

    @Test
    void hopByHopHeadersStay() {
        for (String name : new String[] {"Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "TE", "Trailer",
                "Proxy-Authorization", "Host"}) {
            assertFalse(ForwardedHeaders.forwardRequestHeader(name, Set.of()), name);
        }
        assertTrue(ForwardedHeaders.forwardRequestHeader("Authorization", Set.of()));
        assertTrue(ForwardedHeaders.forwardRequestHeader("Content-Type", Set.of()));
    }

    @Test
    void headersNamedInConnectionAreHopByHopToo() {
        Set<String> named = ForwardedHeaders.namedIn("keep-alive, X-Secret ,");
        assertEquals(Set.of("keep-alive", "x-secret"), named);
        assertFalse(ForwardedHeaders.forwardRequestHeader("X-Secret", named));
        assertFalse(ForwardedHeaders.forwardResponseHeader("x-secret", named));
    }

    @Test
    void clientsCannotForgeForwardingHeaders() {
        assertFalse(ForwardedHeaders.forwardRequestHeader("X-Forwarded-For", Set.of()));
        assertFalse(ForwardedHeaders.forwardRequestHeader("Forwarded", Set.of()));
    }
}
