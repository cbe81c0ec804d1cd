package dev.tradefleet.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    private final ClientAddresses addresses = new ClientAddresses(Set.of("10.0.0.5"));

    @Test
    void theGatewaysForwardedAddressIsBelieved() {
        assertEquals("203.0.113.9", addresses.of("10.0.0.5", "203.0.113.9"));
        assertEquals("2001:db8::1", addresses.of("10.0.0.5", "198.51.100.1, 2001:db8::1"));
    }

    @Test
    void anyoneElsesHeaderIsIgnored() {
        assertEquals("198.51.100.7", addresses.of("198.51.100.7", "1.2.3.4"));
    }

    @Test
    void aForwardedValueThatIsNotAnAddressIsIgnored() {
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", "evil.example.com"));
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", "1.2.3.4\nforged: log line"));
    }

    @Test
    void withoutTheHeaderThePeerIsTheClient() {
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", null));
    }
}
