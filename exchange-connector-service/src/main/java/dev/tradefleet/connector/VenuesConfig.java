package dev.tradefleet.connector;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Base URLs per venue and environment: {@code tradefleet.venues.<venue>.<environment>.rest-url} and
 * {@code .ws-url} (user data) and {@code .market-stream-url}, environment being live, testnet or paper. So
 * {@code TRADEFLEET_VENUES_BINANCE_TESTNET_REST_URL} overrides one from the environment; {@code .limits.<NAME>}
 * changes a limit's capacity there.
 */
@ConfigMapping(prefix = "tradefleet.venues")
public interface VenuesConfig {

    @WithParentName
    Map<String, Map<String, Endpoint>> venues();

    interface Endpoint {
        Optional<URI> restUrl();

        Optional<URI> wsUrl();

        /** The base of the venue's public market streams (Binance: {@code wss://stream.binance.com:9443}). */
        Optional<URI> marketStreamUrl();

        /**
         * Capacities that differ from the venue's published limits here, by limit name (e.g. {@code REQUEST_WEIGHT},
         * {@code ORDERS_10S}): an account with raised limits, or the paper exchange run with its own.
         */
        Map<String, Long> limits();
    }
}
