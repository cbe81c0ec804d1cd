package dev.tradefleet.gateway.routing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private static final java.time.Duration TEN_SECONDS = java.time.Duration.ofSeconds(10);

    private final RouteTable table = new RouteTable(List.of(
            new RouteTable.Route("auth", "/api/auth", URI.create("http://auth:8081"), TEN_SECONDS),
            new RouteTable.Route("orders", "/api/orders", URI.create("http://orders:8083"), TEN_SECONDS),
            new RouteTable.Route("analytics", "/api/orders/analytics", URI.create("http://analytics:9000"), TEN_SECONDS)),
            Set.of(RouteTable.PublicEndpoint.parse("POST /api/auth/login")), Set.of("/api/auth/token"));

    @Test
    void stripsApiAndKeepsTheRest() {
        RouteTable.Target target = table.resolve("/api/auth/login").orElseThrow();
        assertEquals("auth", target.route().name());
        assertEquals("/auth/login", target.upstreamPath());
    }

    @Test
    void longestPrefixWins() {
        assertEquals("analytics", table.resolve("/api/orders/analytics/daily").orElseThrow().route().name());
        assertEquals("orders", table.resolve("/api/orders/123").orElseThrow().route().name());
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertTrue(table.resolve("/api/authority").isEmpty());
        assertTrue(table.resolve("/api/auth").isPresent());
    }

    @Test
    void dotSegmentsAreRefused() {
        assertTrue(table.resolve("/api/auth/../orders/1").isEmpty());
    }

    @Test
    void blockedPathsAndWhatIsBelowThemAreNotRouted() {
        assertTrue(table.resolve("/api/auth/token").isEmpty());
        assertTrue(table.resolve("/api/auth/token/x").isEmpty());
        assertTrue(table.resolve("/api/auth/tokens").isPresent(), "whole segments only");
    }

    @Test
    void publicIsPerMethodAndPath() {
        assertTrue(table.isPublic("POST", "/api/auth/login"));
        assertFalse(table.isPublic("GET", "/api/auth/login"));
        assertFalse(table.isPublic("POST", "/api/auth/login/"));
    }

    @Test
    void badPrefixesAreRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(
                List.of(new RouteTable.Route("x", "/auth", URI.create("http://x"), TEN_SECONDS)), Set.of(), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.PublicEndpoint.parse("/api/auth/login"));
    }
}
