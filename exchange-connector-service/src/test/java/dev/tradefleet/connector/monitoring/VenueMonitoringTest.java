package dev.tradefleet.connector.monitoring;

import dev.tradefleet.connector.sessions.KeyMaterial;
import dev.tradefleet.connector.sessions.VenueClients;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VenueMonitoringTest {

    @Test
    void aBannedVenueIsDownInWellnessWithItsNameAndTheEndOfTheBan() {
        try (VenueClients clients = new VenueClients(Map.of("binance/live", URI.create("http://127.0.0.1:9")), Map.of(), Map.of(), Map.of(),
                HttpClient.newHttpClient(), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2), (where, limiter) -> { })) {
            clients.open(new KeyMaterial(UUID.randomUUID(), UUID.randomUUID(), "binance", "live", true, "k", "s", null));
            VenueMonitoring monitoring = new VenueMonitoring();
            monitoring.clients = clients;
            assertEquals(HealthCheckResponse.Status.UP, monitoring.call().getStatus());

            Instant until = Instant.now().plusSeconds(60);
            clients.limiters().get("binance/live").pauseUntil(until, true);
            HealthCheckResponse banned = monitoring.call();
            assertEquals(HealthCheckResponse.Status.DOWN, banned.getStatus());
            assertTrue(banned.getData().orElseThrow().get("binance/live").toString().contains(until.toString()));
        }
    }
}
