package dev.tradefleet.connector.sessions;

import dev.tradefleet.connector.limits.RateLimit;
import dev.tradefleet.connector.venue.Capability;
import dev.tradefleet.connector.venue.VenueClient;
import dev.tradefleet.connector.venue.VenueRejection;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueClientsTest {

    private static final Map<String, URI> URLS = Map.of("binance/paper", URI.create("http://127.0.0.1:9"),
            "binance/live", URI.create("http://127.0.0.1:9"));

    private static KeyMaterial key(String environment) {
        return new KeyMaterial(UUID.randomUUID(), UUID.randomUUID(), "binance", environment, true, "k", "s", null);
    }

    @Test
    void aConfiguredCapacityReplacesThePublishedOneInThatEnvironmentOnly() {
        try (VenueClients clients = new VenueClients(URLS, Map.of(), Map.of(), Map.of("binance/paper", Map.of("REQUEST_WEIGHT", 60_000L)),
                HttpClient.newHttpClient(), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2), (where, limiter) -> { })) {
            clients.open(key("paper"));
            clients.open(key("live"));
            assertEquals(60_000, capacity(clients, "binance/paper", "REQUEST_WEIGHT"));
            assertEquals(6_000, capacity(clients, "binance/live", "REQUEST_WEIGHT"));
            assertEquals(100, capacity(clients, "binance/paper", "ORDERS_10S"));
            assertEquals(1, clients.limiters().get("binance/paper").limits().stream().filter(l -> l.name().equals("REQUEST_WEIGHT")).count());
        }
    }

    @Test
    void aMisspeltLimitStopsTheStartAndAVenueWithoutAnAdapterOrUrlIsRefused() {
        IllegalArgumentException misspelt = assertThrows(IllegalArgumentException.class, () -> new VenueClients(URLS, Map.of(), Map.of(),
                Map.of("binance/paper", Map.of("REQUEST_WIEGHT", 1L)), HttpClient.newHttpClient(), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofSeconds(2), (where, limiter) -> { }));
        assertTrue(misspelt.getMessage().contains("REQUEST_WEIGHT"), misspelt.getMessage());
        try (VenueClients clients = new VenueClients(URLS, Map.of(), Map.of(), Map.of(), HttpClient.newHttpClient(), Clock.systemUTC(),
                Duration.ofSeconds(1), Duration.ofSeconds(2), (where, limiter) -> { })) {
            assertEquals("venue-not-configured", assertThrows(VenueRejection.class, () -> clients.open(key("testnet"))).code());
        }
    }

    @Test
    void aBitgetCredentialGetsBitgetsAdapterWithItsOwnLimitsAndCapabilities() {
        Map<String, URI> urls = Map.of("bitget/live", URI.create("http://127.0.0.1:9"));
        try (VenueClients clients = new VenueClients(urls, Map.of(), Map.of(), Map.of("bitget/live", Map.of("ACCOUNT_1S", 5L)), HttpClient.newHttpClient(),
                Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2), (where, limiter) -> { })) {
            VenueClient bitget = clients.open(new KeyMaterial(UUID.randomUUID(), UUID.randomUUID(), "bitget", "live", true, "k", "s", "p"));
            assertEquals(Set.of(Capability.POST_ONLY, Capability.QUOTE_AMOUNT_MARKET_BUY, Capability.STOP_LIMIT), bitget.capabilities());
            assertEquals(5, capacity(clients, "bitget/live", "ACCOUNT_1S"));
            assertEquals(20, capacity(clients, "bitget/live", "PUBLIC_1S"));
            assertTrue(clients.configured("bitget", "live") && !clients.configured("bitget", "paper"));
        }
        assertEquals(Set.of("binance", "bitget", "gateio", "mexc"), VenueClients.capabilities().keySet());
        assertTrue(VenueClients.capabilities().get("mexc").contains(Capability.BASE_QUANTITY_MARKET_BUY));
    }

    private static long capacity(VenueClients clients, String where, String name) {
        return clients.limiters().get(where).limits().stream().filter(l -> l.name().equals(name)).mapToLong(RateLimit::capacity)
                .findFirst().orElseThrow();
    }
}
