package dev.tradefleet.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "tradefleet.gateway")
public interface GatewayConfig {

    /** The route table, by service name. Later services add one entry each. */
    Map<String, Route> routes();

    /** Endpoints reachable without a token, as {@code METHOD /api/...}. */
    List<String> publicEndpoints();

    /** Paths a service has that are not for the public (everything below them too): answered 404, never routed. */
    List<String> blockedPaths();

    Jwt jwt();

    /**
     * Load balancers in front of the gateway (IP literals or CIDR ranges) whose X-Forwarded-For is believed, so
     * that per-address limits apply to clients, not to the balancer. None by default.
     */
    java.util.Optional<List<String>> trustedProxies();

    RateLimit rateLimit();

    Breaker circuitBreaker();

    interface Route {
        /** Public prefix, e.g. {@code /api/auth}. */
        String prefix();

        /** Base URL of the service, e.g. {@code http://127.0.0.1:8081}. */
        String upstream();

        /** Longest the gateway waits for the upstream to answer (and between chunks). */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Jwt {
        String jwksUrl();

        String issuer();

        String audience();

        /** A key removed from auth-service's JWKS stops being accepted within this long. */
        @WithDefault("1m")
        Duration jwksRefreshInterval();

        /** An unknown key id refreshes the key set at most this often, so junk tokens cannot hammer auth-service. */
        @WithDefault("10s")
        Duration minRefreshInterval();
    }

    interface RateLimit {
        @WithDefault("100")
        int userBurst();

        @WithDefault("50")
        double userPerSecond();

        @WithDefault("200")
        int addressBurst();

        @WithDefault("100")
        double addressPerSecond();
    }

    /** Opens on a failure rate over a minimum volume of requests, never on a handful of failures. */
    interface Breaker {
        @WithDefault("20")
        int minimumRequests();

        /** The share of failed requests (5xx, timeouts, connection failures) in the window that opens it. */
        @WithDefault("0.5")
        double failureRate();

        @WithDefault("10s")
        Duration window();

        @WithDefault("10s")
        Duration openDuration();
    }
}
